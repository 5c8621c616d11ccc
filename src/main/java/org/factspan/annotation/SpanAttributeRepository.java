package org.factspan.annotation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SpanAttributeRepository extends JpaRepository<SpanAttribute, SpanAttribute.Key> {

    List<SpanAttribute> findBySpanIdIn(Collection<Long> spanIds);

    List<SpanAttribute> findBySpanId(long spanId);
}
