package org.factspan.annotation;

/**
 * Published by {@link AnnotationService} (and the annotation import) when a span was created, deleted, relabeled or
 * had an attribute changed. Listeners that must see committed data (the search index, the recommenders' training)
 * listen with {@code @TransactionalEventListener}, which runs after the commit.
 */
public record SpanChanged(String slug, long documentId, long spanId, Change change) {

    public enum Change {
        CREATED, DELETED, RELABELED, ATTRIBUTE
    }
}
