package org.factspan.corpus;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LabelRepository extends JpaRepository<Label, Long> {

    List<Label> findByProjectIdOrderByPosition(long projectId);
}
