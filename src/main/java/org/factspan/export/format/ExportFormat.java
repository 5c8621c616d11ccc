package org.factspan.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.stream.Stream;
import org.factspan.export.DatasetInfo;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;

/**
 * One export format. Writers stream: they hold one document at a time, never the whole output, and leave
 * {@code out} open (the caller owns it).
 */
public interface ExportFormat {

    /** Stable id used in URLs and settings, such as {@code jsonl}. */
    String id();

    String mediaType();

    /** File name extension without the dot, such as {@code jsonl} or {@code zip}. */
    String fileExtension();

    /** True for formats that are a zip with a dataset card {@code README.md} (which then shows the agreement). */
    default boolean writesCard() {
        return false;
    }

    /** A paragraph for the dataset card: what the file holds and how to read it (Markdown). */
    default String description() {
        return "Written by Factspan's `" + id() + "` format; offsets are Unicode code points, end exclusive.";
    }

    /** Writes the documents and tells what could not be represented. */
    ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out) throws IOException;

    /**
     * Writes the documents with what a dataset card needs to know about the export; formats that write a card (the
     * zip formats) use {@code info}, the others ignore it.
     */
    default ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out, DatasetInfo info)
            throws IOException {
        return write(schema, docs, out);
    }

    default ExportResult write(ExportSchema schema, Stream<ExportDocument> docs, OutputStream out)
            throws IOException {
        return write(schema, docs.iterator(), out);
    }
}
