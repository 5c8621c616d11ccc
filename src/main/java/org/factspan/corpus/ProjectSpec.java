package org.factspan.corpus;

import java.util.List;

/** What a new project is made of; {@code settings} null means {@link ProjectSettings#DEFAULT}. */
public record ProjectSpec(String slug, String name, String description, String guidelines, ProjectSettings settings,
        List<LabelInfo> labels) {
}
