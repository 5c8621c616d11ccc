package org.factspan.annotation;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AttributionRepository extends JpaRepository<Attribution, Long> {

    List<Attribution> findByDocumentIdAndUserIdOrderById(long documentId, long userId);

    /** The attribution, its row locked until the transaction ends (see {@link SpanLocks}); empty when it is gone. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Attribution a where a.id = :id")
    Optional<Attribution> lock(long id);

    /** An attribution under an id it had before (restored by undo or redo). */
    @org.springframework.data.jpa.repository.Modifying
    @Query(nativeQuery = true, value = "insert into attribution (id, document_id, user_id, source_span_id, cue_span_id,"
            + " content_span_id, created_at) values (:id, :documentId, :userId, :source, :cue, :content, :createdAt)")
    void insertWithId(long id, long documentId, long userId, Long source, Long cue, long content,
            java.time.Instant createdAt);

    /** Every annotator's attributions on a document; the gold standard's are not among them. */
    @Query("select a from Attribution a where a.documentId = :documentId and a.userId not in"
            + " (select u.id from AppUser u where u.systemAccount = true) order by a.id")
    List<Attribution> findByDocumentIdOrderById(long documentId);

    /**
     * Every annotator's attributions in a project: id, document id, username, source, cue, content span ids; in no
     * particular order, like {@link SpanRepository#findAllOfProject}.
     */
    @Query(nativeQuery = true, value = "select a.id, a.document_id, u.username, a.source_span_id, a.cue_span_id,"
            + " a.content_span_id from attribution a join document d on d.id = a.document_id"
            + " join app_user u on u.id = a.user_id where d.project_id = :projectId and u.system_account = false")
    List<Object[]> findAllOfProject(long projectId);

    /** One owner's attributions in a project, columns as {@link #findAllOfProject}. */
    @Query(nativeQuery = true, value = "select a.id, a.document_id, u.username, a.source_span_id, a.cue_span_id,"
            + " a.content_span_id from attribution a join document d on d.id = a.document_id"
            + " join app_user u on u.id = a.user_id where d.project_id = :projectId and a.user_id = :userId"
            + " order by d.position, a.document_id, a.id")
    List<Object[]> findAllOfProjectAndUser(long projectId, long userId);

    /**
     * The attributions of a project (any owner, the gold standard's included) that name a span that is gone (decision
     * 016): id, document id, owner's username, source, cue, content span ids; by document and id.
     */
    @Query(nativeQuery = true, value = "select a.id, a.document_id, u.username, a.source_span_id, a.cue_span_id,"
            + " a.content_span_id from attribution a join document d on d.id = a.document_id"
            + " join app_user u on u.id = a.user_id where d.project_id = :projectId and ("
            + " not exists (select 1 from span s where s.id = a.content_span_id)"
            + " or (a.source_span_id is not null and not exists (select 1 from span s where s.id = a.source_span_id))"
            + " or (a.cue_span_id is not null and not exists (select 1 from span s where s.id = a.cue_span_id)))"
            + " order by d.position, a.document_id, a.id")
    List<Object[]> brokenOfProject(long projectId);

    /** Provenance of one owner's attributions on a document: attribution id, provenance id, curator's name, time. */
    @Query("select a.id, a.provenance, u.username, a.curatedAt from Attribution a left join AppUser u"
            + " on u.id = a.curatedBy where a.documentId = :documentId and a.userId = :userId and a.provenance is not null")
    List<Object[]> provenanceOf(long documentId, long userId);
}
