package org.factspan.claims;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ClaimClusterRepository extends JpaRepository<ClaimCluster, Long> {

    List<ClaimCluster> findByProjectIdOrderByIdAsc(long projectId);

    /** The cluster, its row locked until the transaction ends; empty when it is gone. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ClaimCluster c where c.id = :id")
    Optional<ClaimCluster> lock(long id);
}
