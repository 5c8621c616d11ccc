package org.factspan.corpus;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    @Query("select a from Assignment a where a.documentId in (select d.id from Document d where d.projectId = :projectId)"
            + " order by a.documentId, a.assignedAt, a.id")
    List<Assignment> findByProject(long projectId);

    @Query("select count(a) > 0 from Assignment a where a.documentId in"
            + " (select d.id from Document d where d.projectId = :projectId)")
    boolean existsInProject(long projectId);

    @Query("select a from Assignment a where a.userId = :userId and a.documentId in"
            + " (select d.id from Document d where d.projectId = :projectId)")
    List<Assignment> findByProjectAndUser(long projectId, long userId);

    Optional<Assignment> findByDocumentIdAndUserId(long documentId, long userId);

    /** The assignment, its row locked until the transaction ends (changes of it take turns); empty when gone. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Assignment a where a.documentId = :documentId and a.userId = :userId")
    Optional<Assignment> lock(long documentId, long userId);

    List<Assignment> findByDocumentIdOrderByAssignedAtAscIdAsc(long documentId);
}
