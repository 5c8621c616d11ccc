package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.factspan.BrokenRows;
import org.factspan.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration V9 (decision 016) on a database as H2 could leave it before the fix: rows that point at spans, triples,
 * clusters, documents and projects that are gone. After V9 nothing points at anything gone, what pointed at something
 * that exists is untouched, and the triples and claim members it removed are in the audit trail. On H2 and, in the
 * "postgres" Surefire execution, on PostgreSQL (where such rows could not arise, but the migration must run).
 */
class IntegrityMigrationRepositoryTest {

    static final long GONE = 987_654_321L;

    @Test
    void v9RemovesWhatPointsAtRowsThatAreGoneAndAuditsTheTriplesAndClaimMembers() throws Exception {
        String url = PostgresTestDatabase.enabled() ? PostgresTestDatabase.freshDatabase()
                : "jdbc:h2:mem:v9-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        String user = PostgresTestDatabase.enabled() ? "postgres" : "sa";
        var data = new SingleConnectionDataSource(url, user, "", true);
        Flyway.configure().dataSource(data).locations("classpath:db/migration").target("8").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(data);

        jdbc.update("insert into app_user (username, display_name, password_hash, role, enabled, created_at)"
                + " values ('alice', 'Alice', '!', 'ANNOTATOR', true, current_timestamp)");
        long alice = jdbc.queryForObject("select id from app_user where username = 'alice'", Long.class);
        jdbc.update("insert into project (slug, name, created_at) values ('p', 'P', current_timestamp)");
        long project = jdbc.queryForObject("select id from project where slug = 'p'", Long.class);
        long doc = document(jdbc, project, "a");
        long claim = span(jdbc, doc, alice, "CLAIM", 0);
        long source = span(jdbc, doc, alice, "SOURCE", 10);
        long intact = BrokenRows.triple(data, doc, alice, source, null, claim);
        jdbc.update("insert into span_attribute (span_id, name, val) values (?, 'note', 'kept')", claim);
        jdbc.update("insert into claim_cluster (project_id, statement, version, created_by, created_at, updated_by,"
                + " updated_at) values (?, 'S', 0, ?, current_timestamp, ?, current_timestamp)", project, alice, alice);
        long cluster = jdbc.queryForObject("select max(id) from claim_cluster", Long.class);
        jdbc.update("insert into claim_member (cluster_id, span_id, stance, stance_suggested, added_by, added_at)"
                + " values (?, ?, 'AGREES', true, ?, current_timestamp)", cluster, claim, alice);

        // what a create racing a delete left behind on H2
        long brokenTriple = BrokenRows.triple(data, doc, alice, GONE, null, claim);
        BrokenRows.triple(data, doc, alice, source, GONE + 1, GONE + 2);
        BrokenRows.insert(data, "insert into span_attribute (span_id, name, val) values (?, 'note', 'orphan')", GONE);
        BrokenRows.insert(data, "insert into claim_member (cluster_id, span_id, stance, stance_suggested, added_by,"
                + " added_at) values (?, ?, 'AGREES', true, ?, current_timestamp)", cluster, GONE, alice);
        BrokenRows.insert(data, "insert into claim_member (cluster_id, span_id, stance, stance_suggested, added_by,"
                + " added_at) values (?, ?, 'AGREES', true, ?, current_timestamp)", GONE, claim, alice);
        BrokenRows.insert(data, "insert into curation_rejection (document_id, span_id, rejected_by, rejected_at)"
                + " values (?, ?, ?, current_timestamp)", doc, GONE, alice);
        BrokenRows.insert(data, "insert into curation_rejection (document_id, attribution_id, rejected_by,"
                + " rejected_at) values (?, ?, ?, current_timestamp)", doc, GONE, alice);
        BrokenRows.insert(data, "insert into span_suggestion (span_id, recommender, score, accepted_at)"
                + " values (?, 'patterns', 0.5, current_timestamp)", GONE);
        // a document of a project that is gone, with a span: both go
        long orphan = BrokenRows.insert(data, "insert into document (project_id, name, title, body, sha256, length_cp,"
                + " meta, position, created_at) values (?, 'o', 'o', 'text', 'sha-o', 4, '{}', 0, current_timestamp)",
                GONE);
        BrokenRows.insert(data, "insert into span (document_id, user_id, label, start_cp, end_cp, created_at)"
                + " values (?, ?, 'CLAIM', 0, 2, current_timestamp)", orphan, alice);
        Map<String, Integer> before = Dangling.count(jdbc);
        assertThat(before.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);

        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();

        assertThat(Dangling.count(jdbc)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(jdbc.queryForList("select id from attribution", Long.class)).containsExactly(intact);
        assertThat(jdbc.queryForList("select val from span_attribute", String.class)).containsExactly("kept");
        assertThat(jdbc.queryForObject("select count(*) from claim_member", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from document where id = ?", Integer.class, orphan)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from span where document_id = ?", Integer.class, orphan))
                .isZero();
        assertThat(jdbc.queryForList("select action from audit_event order by id", String.class))
                .containsExactly("attribution.repair", "attribution.repair", "claim.member.repair");
        Map<String, Object> first = jdbc.queryForMap("select * from audit_event where attribution_id = ?",
                brokenTriple);
        assertThat(first.get("owner")).isEqualTo("alice");
        assertThat(((Number) first.get("project_id")).longValue()).isEqualTo(project);
        assertThat((String) first.get("before_json")).contains("\"source\":" + GONE).contains("\"cue\":null")
                .contains("\"content\":" + claim);
        data.destroy();
    }

    static long document(JdbcTemplate jdbc, long project, String name) {
        jdbc.update("insert into document (project_id, name, title, body, sha256, length_cp, meta, position, created_at)"
                + " values (?, ?, ?, 'Some text of a document.', ?, 24, '{}', 0, current_timestamp)", project, name,
                name, "sha-" + name);
        return jdbc.queryForObject("select id from document where name = ?", Long.class, name);
    }

    static long span(JdbcTemplate jdbc, long doc, long user, String label, int start) {
        jdbc.update("insert into span (document_id, user_id, label, start_cp, end_cp, created_at)"
                + " values (?, ?, ?, ?, ?, current_timestamp)", doc, user, label, start, start + 5);
        return jdbc.queryForObject("select id from span where document_id = ? and start_cp = ?", Long.class, doc,
                start);
    }
}
