package org.factspan.annotation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SpanRepository extends JpaRepository<Span, Long> {

    List<Span> findByDocumentIdAndUserIdOrderByStartAscEndAscIdAsc(long documentId, long userId);

    boolean existsByDocumentIdAndUserIdAndLabelAndStartAndEnd(long documentId, long userId, String label, int start,
            int end);

    @Query(nativeQuery = true, value = "select s.document_id, count(*) from span s join document d on d.id = s.document_id"
            + " where d.project_id = :projectId and s.user_id = :userId group by s.document_id")
    List<Object[]> countPerDocument(long projectId, long userId);
}
