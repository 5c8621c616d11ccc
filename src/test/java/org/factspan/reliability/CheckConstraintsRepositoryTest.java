package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import javax.sql.DataSource;
import org.factspan.TestData;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.security.Role;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The check constraints keep working once the connection that created them is gone. On H2 2.4 an IN list in a check
 * constraint kept the migrating session; when the pool retired that connection (Hikari: after 30 minutes), every
 * insert into users, labels, spans, curations, assignments and claim members failed with "Check constraint invalid"
 * until a restart (migration V11); claim verdicts kept the fault until V21. Here the pool closes all its connections at
 * once; on H2 and on PostgreSQL.
 */
@SpringBootTest(properties = "factspan.test.context=check-constraints") // a context (and database) of its own
class CheckConstraintsRepositoryTest {

    @Autowired
    TestData data;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService users;

    java.util.Set<Integer> sessions() {
        return new java.util.HashSet<>(jdbc.queryForList("select session_id from information_schema.sessions",
                Integer.class));
    }

    @Test
    void constraintsHoldAndAcceptAfterTheMigratingConnectionIsClosed() throws Exception {
        // every pooled connection, the one Flyway migrated with included, is closed and replaced (the pool closes them
        // on a thread of its own: on H2, wait until none of today's sessions is left)
        boolean h2 = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).equals("H2");
        java.util.Set<Integer> before = h2 ? sessions() : java.util.Set.of();
        assertThat(before).hasSizeGreaterThan(h2 ? 0 : -1);
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (h2 && sessions().stream().anyMatch(before::contains)) {
            assertThat(System.nanoTime()).as("the pool closed its connections").isLessThan(deadline);
            Thread.onSpinWait();
        }

        String tag = Long.toString(System.nanoTime(), 36);
        long project = data.project("checks-" + tag).name("Checks").labels(
                new LabelInfo("CLAIM", "Claim", "1", "#0072B2", LabelKind.CONTENT),
                new LabelInfo("ATTRIBUTION", "Attribution", "3", "#009E73", LabelKind.CUE)).build().id;
        data.user("checks-" + tag, "Checks", "checks-secret-1", Role.CURATOR);
        assertThat(jdbc.queryForObject("select count(*) from label where project_id = ?", Integer.class, project))
                .isEqualTo(2);
        long userId = jdbc.queryForObject("select id from app_user where username = ?", Long.class, "checks-" + tag);
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        jdbc.update("insert into claim_cluster (project_id, statement, version, created_by, created_at, updated_by,"
                + " updated_at) values (?, 'A statement', 1, ?, ?, ?, ?)", project, userId, now, userId, now);
        long cluster = jdbc.queryForObject("select id from claim_cluster where project_id = ?", Long.class, project);
        String verdict = "insert into claim_verdict (cluster_id, time_zone, status, rating, explanation, set_by, set_at)"
                + " values (?, 'UTC', ?, ?, 'why', ?, ?)";
        jdbc.update(verdict, cluster, "CONSISTENT", "MOSTLY_TRUE", userId, now);
        assertThat(jdbc.queryForObject("select count(*) from claim_verdict where cluster_id = ?", Integer.class,
                cluster)).isEqualTo(1);
        jdbc.update("delete from claim_verdict where cluster_id = ?", cluster);
        assertThatThrownBy(() -> jdbc.update(verdict, cluster, "MAYBE", "TRUE", userId, now))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(verdict, cluster, "UPDATED", "PANTS_ON_FIRE", userId, now))
                .isInstanceOf(DataIntegrityViolationException.class);
        // and they still refuse what they should
        assertThatThrownBy(() -> jdbc.update("insert into label (project_id, name, title, hotkey, color, kind, position)"
                + " values (?, 'X', 'X', '5', '#000000', 'BLOB', 5)", project))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into app_user (username, display_name, password_hash, role,"
                + " enabled, created_at, system_account) values (?, 'x', 'x', 'GOD', true, ?, false)", "god-" + tag,
                java.sql.Timestamp.from(Instant.now()))).isInstanceOf(DataIntegrityViolationException.class);
    }
}
