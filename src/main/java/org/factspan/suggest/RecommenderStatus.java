package org.factspan.suggest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recommender in a project: whether it is on, which labels it proposes, what its current model learnt from
 * ({@code trainedOn}: spans per label; empty for rules or before the first training) and when, and how many of its
 * suggestions were accepted.
 */
public record RecommenderStatus(String id, String title, String description, boolean enabled, List<String> labels,
        Map<String, Integer> trainedOn, Instant trainedAt, long accepted) {
}
