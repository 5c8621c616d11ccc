package org.factspan.annotation;

import java.util.List;
import org.factspan.corpus.DocumentContent;

/**
 * One document with the spans (annotator name and attributes included) and attribution triples of an annotation
 * set. An attribution belongs to the annotator of its spans ({@link #annotatorOf(AttributionInfo)}).
 */
public record AnnotatedDocument(DocumentContent document, List<SpanInfo> spans, List<AttributionInfo> attributions) {

    public AnnotatedDocument {
        spans = List.copyOf(spans);
        attributions = List.copyOf(attributions);
    }

    /** The annotator of an attribution: the one of its content span (all its spans have the same owner). */
    public String annotatorOf(AttributionInfo attribution) {
        return spans.stream().filter(s -> s.id() == attribution.content()).map(SpanInfo::annotator).findFirst()
                .orElse(null);
    }
}
