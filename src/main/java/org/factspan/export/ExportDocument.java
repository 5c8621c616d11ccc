package org.factspan.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document as every export and import format sees it: the exact text, its metadata (in order), its spans and
 * the attributions (source, cue, content triples) between them. Offsets are Unicode code points, end exclusive.
 */
public record ExportDocument(long id, String name, String text, Map<String, String> meta, List<ExportSpan> spans,
        List<ExportAttribution> attributions) {

    public ExportDocument {
        if (name == null || text == null) {
            throw new IllegalArgumentException("A document needs a name and a text");
        }
        meta = meta == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        spans = spans == null ? List.of() : List.copyOf(spans);
        attributions = attributions == null ? List.of() : List.copyOf(attributions);
    }
}
