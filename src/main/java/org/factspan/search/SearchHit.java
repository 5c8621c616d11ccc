package org.factspan.search;

import java.util.Map;

/**
 * One hit. For a span: the span ({@code spanId}, {@code label}, {@code annotator}, {@code attributes}) and
 * {@code start}/{@code end} are its extent; for a document: where the query matched best (the longest match, a
 * phrase before a single word; {@code 0..0} when only filters were given). Offsets are Unicode code points, end
 * exclusive. {@code before + match + after} is that match in context (a few words either side, cut at white space,
 * on one line); {@code fragments} is the same context cut into pieces, {@code hit} marking every match in it.
 */
public record SearchHit(Kind kind, long documentId, String documentTitle, Long spanId, String label, String annotator,
        Map<String, String> attributes, int start, int end, String before, String match, String after,
        java.util.List<Fragment> fragments, float score) {

    public enum Kind {
        DOCUMENT, SPAN
    }

    /** A piece of the context; {@code hit}: the query (or the span) matched here. */
    public record Fragment(String text, boolean hit) {
    }
}
