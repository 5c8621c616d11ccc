package org.factspan.annotation;

import java.util.Set;

/**
 * Narrows an export: only these documents (ids in the project) and only spans with these labels; an empty set
 * means no restriction. Attributions are kept only when all their spans are kept.
 */
public record AnnotationFilter(Set<Long> documentIds, Set<String> labels) {

    public AnnotationFilter {
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
    }

    public static AnnotationFilter none() {
        return new AnnotationFilter(Set.of(), Set.of());
    }
}
