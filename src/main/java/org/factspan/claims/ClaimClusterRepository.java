package org.factspan.claims;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClaimClusterRepository extends JpaRepository<ClaimCluster, Long> {

    List<ClaimCluster> findByProjectIdOrderByIdAsc(long projectId);
}
