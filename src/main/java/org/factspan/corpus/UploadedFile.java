package org.factspan.corpus;

/** One file of an import, as uploaded: its name (only its extension is used to choose a reader) and bytes. */
public record UploadedFile(String name, byte[] content) {
}
