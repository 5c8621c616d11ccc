package org.factspan.diff;

import java.util.Objects;

/**
 * One annotator's attribution: the source span and the cue span (either may be absent) tied to the content
 * span (what was said). The span ids refer to {@link Unit#id()} of units in the same document.
 */
public record Triple(String annotator, String documentId, long id, Long sourceSpanId, Long cueSpanId,
        long contentSpanId) {

    public Triple {
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(documentId, "documentId");
    }
}
