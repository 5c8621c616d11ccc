package org.factspan.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A labelled span: code point offsets, end exclusive, the covered text, who made it ({@code annotator}) or, for
 * gold spans, how it was settled ({@code provenance}), and free attributes (such as {@code verdict}), in order.
 */
public record ExportSpan(long id, int start, int end, String label, String text, String annotator,
        String provenance, Map<String, String> attributes) {

    public ExportSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("Span " + id + " needs 0 <= start < end: " + start + ".." + end);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("Span " + id + " needs a label");
        }
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The same span with another id (readers of formats that do not keep ids use it). */
    public ExportSpan withId(long newId) {
        return new ExportSpan(newId, start, end, label, text, annotator, provenance, attributes);
    }
}
