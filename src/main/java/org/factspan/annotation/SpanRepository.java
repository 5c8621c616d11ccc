package org.factspan.annotation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SpanRepository extends JpaRepository<Span, Long> {

    List<Span> findByDocumentIdAndUserIdOrderByStartAscEndAscIdAsc(long documentId, long userId);

    List<Span> findByDocumentIdOrderByStartAscEndAscIdAsc(long documentId);

    boolean existsByDocumentIdAndUserIdAndLabelAndStartAndEnd(long documentId, long userId, String label, int start,
            int end);

    @Query(nativeQuery = true, value = "select s.document_id, count(*) from span s join document d on d.id = s.document_id"
            + " where d.project_id = :projectId and s.user_id = :userId group by s.document_id")
    List<Object[]> countPerDocument(long projectId, long userId);

    /** Id and user name of everyone who is a member of the project or has spans in it, by name. */
    @Query(nativeQuery = true, value = "select u.id, u.username from app_user u where u.id in"
            + " (select m.user_id from project_member m where m.project_id = :projectId)"
            + " or u.id in (select s.user_id from span s join document d on d.id = s.document_id"
            + " where d.project_id = :projectId) order by u.username")
    List<Object[]> annotatorsOf(long projectId);

    /** Every annotator's spans in a project: id, document id, username, label, start, end. */
    @Query(nativeQuery = true, value = "select s.id, s.document_id, u.username, s.label, s.start_cp, s.end_cp"
            + " from span s join document d on d.id = s.document_id join app_user u on u.id = s.user_id"
            + " where d.project_id = :projectId order by d.position, s.document_id, u.username, s.start_cp, s.end_cp, s.id")
    List<Object[]> findAllOfProject(long projectId);
}
