package org.factspan.corpus;

import java.util.List;

/** A project with everything an admin or curator edits: settings, label schema, guidelines (Markdown). */
public record ProjectDetails(String slug, String name, String description, String guidelines, boolean archived,
        ProjectSettings settings, List<LabelInfo> labels, long documents) {
}
