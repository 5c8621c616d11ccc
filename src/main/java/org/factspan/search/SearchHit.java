package org.factspan.search;

import java.util.Map;

/**
 * One hit. For a span: the span ({@code spanId}, {@code label}, {@code annotator}, {@code attributes}) and
 * {@code start}/{@code end} are its extent; for a document: where the query first matched ({@code 0..0} when only
 * filters were given). Offsets are Unicode code points, end exclusive. {@code before + match + after} is the hit in
 * context (a few words either side, cut at white space).
 */
public record SearchHit(Kind kind, long documentId, String documentTitle, Long spanId, String label, String annotator,
        Map<String, String> attributes, int start, int end, String before, String match, String after, float score) {

    public enum Kind {
        DOCUMENT, SPAN
    }
}
