package org.factspan.corpus;

import org.springframework.data.jpa.repository.JpaRepository;

interface LabelAttributeRepository extends JpaRepository<LabelAttribute, Long> {
}
