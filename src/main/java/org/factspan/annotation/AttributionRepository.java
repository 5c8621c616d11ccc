package org.factspan.annotation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttributionRepository extends JpaRepository<Attribution, Long> {

    List<Attribution> findByDocumentIdAndUserIdOrderById(long documentId, long userId);

    List<Attribution> findByDocumentIdOrderById(long documentId);

    /** Every annotator's attributions in a project: id, document id, username, source, cue, content span ids. */
    @Query(nativeQuery = true, value = "select a.id, a.document_id, u.username, a.source_span_id, a.cue_span_id,"
            + " a.content_span_id from attribution a join document d on d.id = a.document_id"
            + " join app_user u on u.id = a.user_id where d.project_id = :projectId"
            + " order by d.position, a.document_id, u.username, a.id")
    List<Object[]> findAllOfProject(long projectId);
}
