package org.factspan.corpus;

/** A project in a listing, with counts: documents, and the caller's own spans. */
public record ProjectSummary(String slug, String name, String description, long documents, long mySpans) {
}
