package org.factspan.corpus;

import java.util.List;
import java.util.Optional;

/**
 * A project as one caller sees it, with its settings and label schema. {@code role} is empty for admins
 * who are not members.
 */
public record ProjectInfo(long id, String slug, String name, String description, String guidelines,
        boolean snapWords, Optional<ProjectRole> role, List<LabelInfo> labels) {

    public Optional<LabelInfo> label(String name) {
        return labels.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
