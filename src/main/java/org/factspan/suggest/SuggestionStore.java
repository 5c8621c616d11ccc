package org.factspan.suggest;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The three small tables of V6: accepted suggestions ({@code span_suggestion}), rejections
 * ({@code suggestion_rejection}) and recommenders switched per project ({@code recommender_setting}). Plain SQL: three
 * tables of a few columns need no entities; it joins the callers' JPA transactions.
 */
@Repository
class SuggestionStore {

    private final JdbcClient jdbc;

    SuggestionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keys ({@code LABEL:start:end}) of the suggestions a user rejected in a document. */
    Set<String> rejected(long documentId, long userId) {
        return new HashSet<>(jdbc.sql("select label, start_cp, end_cp from suggestion_rejection"
                + " where document_id = ? and user_id = ?").params(documentId, userId)
                .query((rs, n) -> rs.getString(1) + ":" + rs.getInt(2) + ":" + rs.getInt(3)).list());
    }

    /** Stores a rejection; false when it was there already. */
    boolean reject(long documentId, long userId, String label, int start, int end, String recommender, Instant at) {
        boolean exists = jdbc.sql("select count(*) from suggestion_rejection where document_id = ? and user_id = ?"
                + " and label = ? and start_cp = ? and end_cp = ?").params(documentId, userId, label, start, end)
                .query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        jdbc.sql("insert into suggestion_rejection (document_id, user_id, label, start_cp, end_cp, recommender,"
                + " rejected_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(documentId, userId, label, start, end, recommender, java.sql.Timestamp.from(at)).update();
        return true;
    }

    void accepted(long spanId, String recommender, double score, Instant at) {
        jdbc.sql("delete from span_suggestion where span_id = ?").param(spanId).update();
        jdbc.sql("insert into span_suggestion (span_id, recommender, score, accepted_at) values (?, ?, ?, ?)")
                .params(spanId, recommender, score, java.sql.Timestamp.from(at)).update();
    }

    /** The recommender a span was accepted from, if it was. */
    java.util.Optional<String> acceptedFrom(long spanId) {
        return jdbc.sql("select recommender from span_suggestion where span_id = ?").param(spanId).query(String.class)
                .optional();
    }

    /** Accepted suggestions per recommender in a project. */
    Map<String, Long> acceptedCounts(long projectId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select x.recommender, count(*) from span_suggestion x join span s on s.id = x.span_id"
                + " join document d on d.id = s.document_id where d.project_id = ? group by x.recommender")
                .param(projectId).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Recommenders switched off in a project (everything else is on). */
    Set<String> disabled(long projectId) {
        List<String> off = jdbc.sql("select recommender from recommender_setting where project_id = ? and enabled = false")
                .param(projectId).query(String.class).list();
        return Set.copyOf(off);
    }

    void setEnabled(long projectId, String recommender, boolean enabled) {
        int updated = jdbc.sql("update recommender_setting set enabled = ? where project_id = ? and recommender = ?")
                .params(enabled, projectId, recommender).update();
        if (updated == 0) {
            jdbc.sql("insert into recommender_setting (project_id, recommender, enabled) values (?, ?, ?)")
                    .params(projectId, recommender, enabled).update();
        }
    }
}
