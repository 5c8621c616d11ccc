package org.factspan.curation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RejectionRepository extends JpaRepository<Rejection, Long> {

    List<Rejection> findByDocumentId(long documentId);

    List<Rejection> findByDocumentIdIn(Collection<Long> documentIds);

    Optional<Rejection> findBySpanId(long spanId);

    Optional<Rejection> findByAttributionId(long attributionId);
}
