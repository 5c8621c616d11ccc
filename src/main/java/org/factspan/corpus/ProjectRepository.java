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

    /**
     * The project with the caller's membership and the label schema, in one statement: rows of (project, membership
     * or null, label or null, label attribute or null), labels and attributes in schema order. Read on every call
     * that names a project, a span save included (issue 14: at most four statements per save).
     */
    @Query("select p, m, l, a from Project p left join ProjectMember m on m.projectId = p.id and m.userId = :userId"
            + " left join Label l on l.projectId = p.id left join LabelAttribute a on a.labelId = l.id"
            + " where p.slug = :slug order by l.position, l.id, a.position, a.id")
    List<Object[]> findWithMembershipAndSchema(String slug, long userId);

    @Query("select p from Project p where p.id in (select m.projectId from ProjectMember m where m.userId = :userId) order by p.name")
    List<Project> findForMember(long userId);
}
