package org.factspan.corpus;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectMemberRepository extends JpaRepository<ProjectMember, Long> {

    Optional<ProjectMember> findByProjectIdAndUserId(long projectId, long userId);

    java.util.List<ProjectMember> findByProjectId(long projectId);
}
