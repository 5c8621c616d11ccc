package org.factspan.curation;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CurationStateRepository extends JpaRepository<CurationState, Long> {

    /** The state, its row locked until the transaction ends: concurrent changes of one document queue up here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from CurationState s where s.documentId = :documentId")
    Optional<CurationState> lock(long documentId);

    List<CurationState> findByDocumentIdIn(Collection<Long> documentIds);

    /** User names by id (for "who did it"). */
    @Query("select u.id, u.username from AppUser u where u.id in :ids")
    List<Object[]> usernames(Collection<Long> ids);
}
