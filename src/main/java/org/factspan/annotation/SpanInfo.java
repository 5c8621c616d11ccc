package org.factspan.annotation;

import java.time.Instant;

/** A span as it leaves the server: code point offsets, end exclusive, and the covered text. */
public record SpanInfo(long id, long documentId, int start, int end, String label, String text, String annotator,
        Instant createdAt) {
}
