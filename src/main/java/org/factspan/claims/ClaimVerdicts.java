package org.factspan.claims;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The curators' verdicts on claim clusters (decision 019): stored one per cluster, with their evidence members. No
 * permission checks here: only {@link ClaimService} uses it, after its own.
 */
@Component
class ClaimVerdicts {

    static final int MAX_VALUE = 100;
    static final int MAX_AS_OF = 100;
    static final int MAX_EXPLANATION = 2000;
    static final int MAX_URLS = 10;
    static final int MAX_URL = 500;

    /** How the cluster's numbers stand. */
    enum Status {
        CONSISTENT, UPDATED, CONTRADICTED, UNRESOLVED;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The rating, with its value on schema.org's 1 (worst) to 5 (best) scale; unverifiable has none. */
    enum Rating {
        TRUE(5, "True"), MOSTLY_TRUE(4, "Mostly true"), MIXED(3, "Mixed"), FALSE(1, "False"),
        UNVERIFIABLE(null, "Unverifiable");

        final Integer value;
        final String label;

        Rating(Integer value, String label) {
            this.value = value;
            this.label = label;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Rating of(String id) {
            for (Rating r : values()) {
                if (r.id().equals(id)) {
                    return r;
                }
            }
            return null;
        }
    }

    /** A stored verdict. */
    record Row(long cluster, String value, String asOfText, Instant asOfFrom, Instant asOfTo, String zone,
            Status status, Rating rating, String explanation, List<String> urls, List<Long> members, long setBy,
            String setByName, Instant setAt) {
    }

    private final JdbcTemplate jdbc;

    ClaimVerdicts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, Row> load(Collection<Long> clusters) {
        if (clusters.isEmpty()) {
            return Map.of();
        }
        String ids = clusters.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, List<Long>> members = new HashMap<>();
        jdbc.query("select cluster_id, member_id from claim_verdict_member where cluster_id in (" + ids
                + ") order by member_id", r -> {
                    members.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getLong(2));
                });
        Map<Long, Row> out = new HashMap<>();
        jdbc.query("select v.cluster_id, v.value_text, v.as_of_text, v.as_of_from, v.as_of_to, v.time_zone, v.status,"
                + " v.rating, v.explanation, v.urls, v.set_by, u.username, v.set_at from claim_verdict v"
                + " join app_user u on u.id = v.set_by where v.cluster_id in (" + ids + ")", r -> {
                    long id = r.getLong(1);
                    Timestamp from = r.getTimestamp(4);
                    Timestamp to = r.getTimestamp(5);
                    String urls = r.getString(10);
                    out.put(id, new Row(id, r.getString(2), r.getString(3), from == null ? null : from.toInstant(),
                            to == null ? null : to.toInstant(), r.getString(6), Status.valueOf(r.getString(7)),
                            Rating.valueOf(r.getString(8)), r.getString(9),
                            urls == null || urls.isEmpty() ? List.of() : Arrays.asList(urls.split("\n")),
                            members.getOrDefault(id, List.of()), r.getLong(11), r.getString(12),
                            r.getTimestamp(13).toInstant()));
                });
        return out;
    }

    /** Replaces the cluster's verdict. */
    void save(Row v) {
        delete(v.cluster());
        jdbc.update("insert into claim_verdict (cluster_id, value_text, as_of_text, as_of_from, as_of_to, time_zone,"
                + " status, rating, explanation, urls, set_by, set_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.cluster(), v.value(), v.asOfText(), v.asOfFrom() == null ? null : Timestamp.from(v.asOfFrom()),
                v.asOfTo() == null ? null : Timestamp.from(v.asOfTo()), v.zone(), v.status().name(),
                v.rating().name(), v.explanation(), v.urls().isEmpty() ? null : String.join("\n", v.urls()),
                v.setBy(), Timestamp.from(v.setAt()));
        for (long member : v.members()) {
            jdbc.update("insert into claim_verdict_member (cluster_id, member_id) values (?, ?)", v.cluster(), member);
        }
    }

    /** Removes the cluster's verdict; true when there was one. */
    boolean delete(long cluster) {
        return jdbc.update("delete from claim_verdict where cluster_id = ?", cluster) > 0;
    }

    // ------------------------------------------------------------------ reading what people type

    private static final Pattern RANGE = Pattern.compile("(?i)^\\s*(?:between\\s+)?([\\d,.]+)\\s*(?:-|–|to|and)\\s*"
            + "([\\d,.]+)\\s*$");
    private static final Pattern NOTATION = Pattern.compile("^\\s*([\\[(])\\s*([\\d,.]+)\\s*,\\s*([\\d,.]+|∞|inf)\\s*"
            + "([\\])])\\s*$");

    /**
     * An established value as a person types it: a number ("13", "1,000"), words ("at least 13", "more than 1,000",
     * "nearly 400"), a range ("8 to 13", "between 8 and 13", "8-13") or interval notation ("[8, 13]", "(1000, ∞)").
     * Null when it is none of these.
     */
    static Interval interval(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            Matcher n = NOTATION.matcher(typed);
            if (n.matches()) {
                double low = number(n.group(2));
                boolean infinite = n.group(3).equals("∞") || n.group(3).equals("inf");
                return new Interval(low, n.group(1).equals("["), infinite ? Double.POSITIVE_INFINITY
                        : number(n.group(3)), n.group(4).equals("]"));
            }
            Matcher r = RANGE.matcher(typed);
            if (r.matches()) {
                return Interval.closed(number(r.group(1)), number(r.group(2)));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<Quantity> found = new QuantityExtractor().extract(typed.strip());
        if (found.size() != 1 || found.get(0).partial()) {
            return null;
        }
        return found.get(0).value();
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }

    /** The zone of a verdict's as-of time. */
    static ZoneId zone(String id) {
        return ZoneId.of(id);
    }
}
