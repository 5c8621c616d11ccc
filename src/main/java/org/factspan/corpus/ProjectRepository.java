package org.factspan.corpus;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProjectRepository extends JpaRepository<Project, Long> {

    Optional<Project> findBySlug(String slug);

    /** The project, its row locked until the transaction ends; empty when it is gone. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Project p where p.slug = :slug")
    Optional<Project> lockBySlug(String slug);

    List<Project> findAllByOrderByNameAsc();

    @Query("select p from Project p where p.id in (select m.projectId from ProjectMember m where m.userId = :userId) order by p.name")
    List<Project> findForMember(long userId);
}
