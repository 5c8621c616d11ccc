package org.factspan.ingest;

/** One file of an upload, as received: its name (only its extension is used to choose a reader) and its bytes. */
public record UploadedFile(String name, byte[] content) {
}
