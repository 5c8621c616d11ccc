package org.factspan.annotation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SpanAttributeRepository extends JpaRepository<SpanAttribute, SpanAttribute.Key> {

    List<SpanAttribute> findBySpanIdIn(Collection<Long> spanIds);

    List<SpanAttribute> findBySpanId(long spanId);

    /** All attribute values of one user's spans on one document, in one query. */
    @Query("select a from SpanAttribute a where a.spanId in"
            + " (select s.id from Span s where s.documentId = :documentId and s.userId = :userId)")
    List<SpanAttribute> findOfDocumentAndUser(long documentId, long userId);
}
