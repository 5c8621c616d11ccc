package org.factspan.annotation;

import java.util.Map;
import java.util.stream.Collectors;
import org.factspan.corpus.AnnotationCounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Span counts for the corpus listings (kept apart from AnnotationService, which depends on the corpus). */
@Component
class SpanCounts implements AnnotationCounts {

    private final SpanRepository spans;

    SpanCounts(SpanRepository spans) {
        this.spans = spans;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> spansPerDocument(long projectId, long userId) {
        return spans.countPerDocument(projectId, userId).stream()
                .collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).longValue()));
    }
}
