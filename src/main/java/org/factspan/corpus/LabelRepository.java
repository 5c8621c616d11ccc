package org.factspan.corpus;

import org.springframework.data.jpa.repository.JpaRepository;

interface LabelRepository extends JpaRepository<Label, Long> {

    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = false)
    @org.springframework.data.jpa.repository.Query("delete from Label l where l.projectId = :projectId")
    void deleteByProject(long projectId);
}
