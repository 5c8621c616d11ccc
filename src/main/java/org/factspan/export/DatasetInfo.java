package org.factspan.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a dataset card says about an export besides the counts: the project, the annotation set, the filters,
 * when it was made and by which Factspan version, and each label's attributes (label name to descriptions such as
 * {@code verdict: supported|refuted}).
 */
public record DatasetInfo(String projectSlug, String projectName, String set, List<String> filters,
        Instant exportedAt, String factspanVersion, Map<String, List<String>> attributes) {

    public DatasetInfo {
        filters = filters == null ? List.of() : List.copyOf(filters);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
