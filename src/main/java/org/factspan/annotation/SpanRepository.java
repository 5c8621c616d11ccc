package org.factspan.annotation;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SpanRepository extends JpaRepository<Span, Long> {

    List<Span> findByDocumentIdAndUserIdOrderByStartAscEndAscIdAsc(long documentId, long userId);

    /**
     * The spans with these ids that exist, each row locked until the transaction ends ({@code SELECT ... FOR UPDATE},
     * in id order): see {@link SpanLocks}.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Span s where s.id in :ids order by s.id")
    List<Span> lockAll(Collection<Long> ids);

    /** The ids of one owner's spans on a document. */
    @Query("select s.id from Span s where s.documentId = :documentId and s.userId = :userId")
    List<Long> idsOf(long documentId, long userId);

    /** Every annotator's spans on a document; the gold standard (a system account's) is not among them. */
    @Query("select s from Span s where s.documentId = :documentId and s.userId not in"
            + " (select u.id from AppUser u where u.systemAccount = true) order by s.start, s.end, s.id")
    List<Span> findByDocumentIdOrderByStartAscEndAscIdAsc(long documentId);

    /** A span under an id it had before (restored by undo or redo): the identity column accepts a given id. */
    @org.springframework.data.jpa.repository.Modifying
    @Query(nativeQuery = true, value = "insert into span (id, document_id, user_id, label, start_cp, end_cp, created_at)"
            + " values (:id, :documentId, :userId, :label, :start, :end, :createdAt)")
    void insertWithId(long id, long documentId, long userId, String label, int start, int end,
            java.time.Instant createdAt);

    boolean existsByDocumentIdAndUserIdAndLabelAndStartAndEnd(long documentId, long userId, String label, int start,
            int end);

    @Query(nativeQuery = true, value = "select s.document_id, count(*) from span s join document d on d.id = s.document_id"
            + " where d.project_id = :projectId and s.user_id = :userId group by s.document_id")
    List<Object[]> countPerDocument(long projectId, long userId);

    /** Id and user name of everyone who is a member of the project or has spans in it (no system account), by name. */
    @Query(nativeQuery = true, value = "select u.id, u.username from app_user u where u.system_account = false and"
            + " (u.id in (select m.user_id from project_member m where m.project_id = :projectId)"
            + " or u.id in (select s.user_id from span s join document d on d.id = s.document_id"
            + " where d.project_id = :projectId)) order by u.username")
    List<Object[]> annotatorsOf(long projectId);

    /**
     * Every annotator's spans in a project (not the gold standard): id, document id, username, label, start, end. In
     * no particular order: its readers (agreement, the disagreement list) group and sort for themselves, and sorting
     * 150,000 rows was a large part of an agreement request (decision 026).
     */
    @Query(nativeQuery = true, value = "select s.id, s.document_id, u.username, s.label, s.start_cp, s.end_cp"
            + " from span s join document d on d.id = s.document_id join app_user u on u.id = s.user_id"
            + " where d.project_id = :projectId and u.system_account = false")
    List<Object[]> findAllOfProject(long projectId);

    /** User names of everyone with spans in the project (no system account), sorted. */
    @Query(nativeQuery = true, value = "select distinct u.username from span s join document d on d.id = s.document_id"
            + " join app_user u on u.id = s.user_id where d.project_id = :projectId and u.system_account = false"
            + " order by u.username")
    List<String> annotatorNamesOf(long projectId);

    /** One owner's spans in a project, columns as {@link #findAllOfProject}. */
    @Query(nativeQuery = true, value = "select s.id, s.document_id, u.username, s.label, s.start_cp, s.end_cp"
            + " from span s join document d on d.id = s.document_id join app_user u on u.id = s.user_id"
            + " where d.project_id = :projectId and s.user_id = :userId"
            + " order by d.position, s.document_id, s.start_cp, s.end_cp, s.id")
    List<Object[]> findAllOfProjectAndUser(long projectId, long userId);

    /** Provenance of one owner's spans on a document: span id, provenance id, curator's name, time. */
    @Query("select s.id, s.provenance, u.username, s.curatedAt from Span s left join AppUser u on u.id = s.curatedBy"
            + " where s.documentId = :documentId and s.userId = :userId and s.provenance is not null")
    List<Object[]> provenanceOf(long documentId, long userId);
}
