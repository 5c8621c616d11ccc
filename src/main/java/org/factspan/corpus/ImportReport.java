package org.factspan.corpus;

import java.util.List;

/** What a document import stored, and which texts it skipped as duplicates (same SHA-256 of the UTF-8 text). */
public record ImportReport(List<Imported> imported, List<Duplicate> duplicates) {

    public record Imported(long id, String name, String title, int length, String sha256) {
    }

    /** A skipped text: where it was in the upload, and what it duplicates. */
    public record Duplicate(String source, String sha256, String sameAs) {
    }
}
