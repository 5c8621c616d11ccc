package org.factspan.corpus;

/** A project in a listing, with counts: documents, and the caller's own spans; archived projects are read-only. */
public record ProjectSummary(String slug, String name, String description, long documents, long mySpans,
        boolean archived) {

    public ProjectSummary(String slug, String name, String description, long documents, long mySpans) {
        this(slug, name, description, documents, mySpans, false);
    }
}
