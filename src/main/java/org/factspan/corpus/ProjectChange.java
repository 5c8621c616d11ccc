package org.factspan.corpus;

import java.util.List;
import java.util.Map;

/**
 * A change to a project: null fields stay as they are. {@code labels} is the whole new schema; removed labels
 * that spans use must be mapped to a label of the new schema in {@code labelMapping} (old name to new name).
 */
public record ProjectChange(String name, String description, String guidelines, ProjectSettings settings,
        Boolean archived, List<LabelInfo> labels, Map<String, String> labelMapping) {
}
