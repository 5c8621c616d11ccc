package org.factspan.corpus;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LabelAttributeRepository extends JpaRepository<LabelAttribute, Long> {

    List<LabelAttribute> findByLabelIdInOrderByPosition(Collection<Long> labelIds);
}
