package org.factspan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Writes rows that point at a span that is gone, past the foreign keys, as a create that raced a delete left them on
 * H2 before decision 016: the "old bad rows" readers must survive and V9 must remove. H2: referential integrity off
 * for the statement; PostgreSQL: the session's foreign key triggers off ({@code session_replication_role = replica},
 * the embedded server's user may do that).
 */
public final class BrokenRows {

    private BrokenRows() {
    }

    /** Inserts an attribution triple naming these span ids (any of which may not exist); returns its id. */
    public static long triple(DataSource data, long documentId, long userId, Long source, Long cue, long content)
            throws SQLException {
        return insert(data, "insert into attribution (document_id, user_id, source_span_id, cue_span_id,"
                + " content_span_id, created_at) values (?, ?, ?, ?, ?, current_timestamp)", documentId, userId,
                source, cue, content);
    }

    /** Runs one insert with the foreign keys off and answers the generated id (0 when the table has none). */
    public static long insert(DataSource data, String sql, Object... values) throws SQLException {
        try (Connection c = data.getConnection()) {
            boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(h2 ? "set referential_integrity false" : "set session_replication_role = replica");
                try (PreparedStatement insert = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                    for (int i = 0; i < values.length; i++) {
                        insert.setObject(i + 1, values[i]);
                    }
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        return keys.next() ? keys.getLong(1) : 0;
                    }
                } finally {
                    s.execute(h2 ? "set referential_integrity true" : "set session_replication_role = default");
                }
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }
}
