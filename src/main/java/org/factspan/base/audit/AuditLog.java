package org.factspan.base.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the audit trail. Services record inside their own transaction, so an entry exists exactly when the
 * change it describes was committed. No permission checks here: the services that show the trail check them.
 */
@Component
public class AuditLog {

    /** Who did it: a user id (null for the system) and the name as it was then. */
    public record Who(Long userId, String username) {
    }

    /** What it was done to; any part may be null. */
    public record Target(Long projectId, Long documentId, Long spanId, Long attributionId, String owner) {

        public static Target document(Long projectId, long documentId) {
            return new Target(projectId, documentId, null, null, null);
        }

        public static Target project(long projectId) {
            return new Target(projectId, null, null, null, null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RowMapper<AuditEvent> ROW = (r, i) -> new AuditEvent(r.getLong("id"),
            r.getTimestamp("at").toInstant(), r.getString("username"), r.getString("action"),
            (Long) r.getObject("project_id", Long.class), (Long) r.getObject("document_id", Long.class),
            (Long) r.getObject("span_id", Long.class), (Long) r.getObject("attribution_id", Long.class),
            r.getString("owner"), r.getString("before_json"), r.getString("after_json"));
    private static final String COLUMNS = "id, at, username, action, project_id, document_id, span_id, attribution_id,"
            + " owner, before_json, after_json";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action; {@code before} and {@code after} are written as JSON (records, maps, lists, values). */
    public void record(Who who, String action, Target target, Object before, Object after) {
        // an entry about a document always names its project, also where the caller did not have it at hand: the
        // change feed (decision 025) tells other instances which project changed from it
        boolean lookUp = target.projectId() == null && target.documentId() != null;
        jdbc.update("insert into audit_event (at, user_id, username, action, project_id, document_id, span_id,"
                + " attribution_id, owner, before_json, after_json) values (?, ?, ?, ?, "
                + (lookUp ? "(select d.project_id from document d where d.id = ?)" : "?") + ", ?, ?, ?, ?, ?, ?)",
                new Object[] {Timestamp.from(clock.instant()), who.userId(), who.username(), action,
                    lookUp ? target.documentId() : target.projectId(), target.documentId(), target.spanId(),
                    target.attributionId(), target.owner(), json(before), json(after)}, TYPES);
    }

    /**
     * The insert's parameter types: given, a null needs no look-up of the statement's parameter metadata (which the
     * JDBC template otherwise makes for each null, and an entry has three or four of them).
     */
    private static final int[] TYPES = {Types.TIMESTAMP, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
        Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    /** Everything recorded about a document (its spans and attributions included), oldest first. */
    public List<AuditEvent> ofDocument(long documentId) {
        return jdbc.query("select " + COLUMNS + " from audit_event where document_id = ? order by id", ROW,
                documentId);
    }

    /**
     * Everything recorded about one span of a document, oldest first. Read through the document's index: entries about
     * a span always name its document, and the span has no index of its own (one less to write on every change).
     */
    public List<AuditEvent> ofSpan(long documentId, long spanId) {
        return jdbc.query("select " + COLUMNS + " from audit_event where document_id = ? and span_id = ? order by id",
                ROW, documentId, spanId);
    }

    /** The newest entries of a project, newest first. */
    public List<AuditEvent> ofProject(long projectId, int limit) {
        return jdbc.query("select " + COLUMNS + " from audit_event where project_id = ? order by id desc limit ?", ROW,
                projectId, limit);
    }

    /** Every entry of a project whose action starts with {@code actionPrefix} (e.g. {@code claims.}), oldest first. */
    public List<AuditEvent> ofProject(long projectId, String actionPrefix) {
        return jdbc.query("select " + COLUMNS + " from audit_event where project_id = ? and action like ? order by id",
                ROW, projectId, actionPrefix.replace("%", "") + "%");
    }

    private static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }
}
