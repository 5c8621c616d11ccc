package org.factspan.corpus;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LabelRepository extends JpaRepository<Label, Long> {

    List<Label> findByProjectIdOrderByPosition(long projectId);

    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = false)
    @org.springframework.data.jpa.repository.Query("delete from Label l where l.projectId = :projectId")
    void deleteByProject(long projectId);
}
