package org.factspan.claims;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClaimMemberRepository extends JpaRepository<ClaimMember, Long> {

    List<ClaimMember> findByClusterIdInOrderByIdAsc(Collection<Long> clusterIds);

    List<ClaimMember> findByClusterIdOrderByIdAsc(long clusterId);

    boolean existsByClusterIdAndSpanId(long clusterId, long spanId);

    List<ClaimMember> findBySpanId(long spanId);
}
