package org.factspan.annotation;

import java.time.Instant;
import java.util.Map;

/** A span as it leaves the server: code point offsets, end exclusive, the covered text and attributes. */
public record SpanInfo(long id, long documentId, int start, int end, String label, String text, String annotator,
        Instant createdAt, Map<String, String> attributes) {
}
