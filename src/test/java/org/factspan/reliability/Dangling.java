package org.factspan.reliability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts rows that point at a span (or an attribution) that is gone, per table, straight in SQL: what the foreign
 * keys promise and what H2 did not keep under concurrent create and delete (decision 016). Every count must be 0.
 */
final class Dangling {

    /** Per table: the condition that makes a row dangling. */
    static final Map<String, String> CHECKS = Map.of(
            "attribution", "not exists (select 1 from span s where s.id = t.content_span_id)"
                    + " or (t.source_span_id is not null and not exists (select 1 from span s where s.id = t.source_span_id))"
                    + " or (t.cue_span_id is not null and not exists (select 1 from span s where s.id = t.cue_span_id))",
            "span_attribute", "not exists (select 1 from span s where s.id = t.span_id)",
            "claim_member", "not exists (select 1 from span s where s.id = t.span_id)",
            "curation_rejection", "(t.span_id is not null and not exists (select 1 from span s where s.id = t.span_id))"
                    + " or (t.attribution_id is not null and not exists"
                    + " (select 1 from attribution a where a.id = t.attribution_id))",
            "span_suggestion", "not exists (select 1 from span s where s.id = t.span_id)");

    private Dangling() {
    }

    /** Dangling rows per table, in a fixed order. */
    static Map<String, Integer> count(JdbcTemplate jdbc) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : new java.util.TreeSet<>(CHECKS.keySet())) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table + " t where " + CHECKS.get(table),
                    Integer.class));
        }
        return counts;
    }

    /** The total of {@link #count}. */
    static int total(JdbcTemplate jdbc) {
        return count(jdbc).values().stream().mapToInt(Integer::intValue).sum();
    }
}
