package org.factspan.annotation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AttributionRepository extends JpaRepository<Attribution, Long> {

    List<Attribution> findByDocumentIdAndUserIdOrderById(long documentId, long userId);

    List<Attribution> findByDocumentIdOrderById(long documentId);
}
