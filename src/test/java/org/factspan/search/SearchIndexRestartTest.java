package org.factspan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.factspan.Application;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import java.util.Set;
import static org.awaitility.Awaitility.await;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application twice on the same H2 file database and index folder, as a restart: the first start builds the
 * index, the second finds it current and leaves it alone (it used to rebuild at every start on H2, because the query
 * that tells databases apart named Flyway's table unquoted); when the database has moved on meanwhile, it rebuilds.
 */
@Tag("slow") // about 10 s on two cores: integration phase (decision 028)
class SearchIndexRestartTest {

    @Test
    void aRestartKeepsTheIndexItFindsCurrentAndRebuildsOneBehind(@TempDir Path dir) throws Exception {
        String[] args = {"--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/factspan") + ";WRITE_DELAY=0",
            "--factspan.search.index-dir=" + dir.resolve("index")};
        int documents;
        try (ConfigurableApplicationContext first = start(args)) {
            SearchIndexer indexer = first.getBean(SearchIndexer.class);
            assertThat(indexer.awaitIdle(Duration.ofMinutes(2))).isTrue();
            assertThat(indexer.rebuilds()).as("the first start builds the missing index").isEqualTo(1);
            documents = first.getBean(SearchIndex.class).documentCount();
            assertThat(documents).as("the seed documents").isPositive();
        }
        try (ConfigurableApplicationContext second = start(args)) {
            SearchIndexer indexer = second.getBean(SearchIndexer.class);
            assertThat(indexer.awaitIdle(Duration.ofMinutes(2))).isTrue();
            assertThat(indexer.rebuilds()).as("a restart rebuilds nothing").isZero();
            assertThat(second.getBean(SearchIndex.class).documentCount()).isEqualTo(documents);
        }
        // while it is down, another instance saves a span: the restart re-indexes that one document, no rebuild
        long spanId;
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db/factspan"), "sa", "")) {
            var doc = db.createStatement().executeQuery("select d.id, d.project_id from document d order by d.id");
            doc.next();
            long documentId = doc.getLong(1);
            long projectId = doc.getLong(2);
            var alice = db.createStatement().executeQuery("select id from app_user where username = 'alice'");
            alice.next();
            var insert = db.prepareStatement("insert into span (document_id, user_id, label, start_cp, end_cp,"
                    + " created_at) values (?, ?, 'CLAIM', 0, 7, current_timestamp)", new String[] {"id"});
            insert.setLong(1, documentId);
            insert.setLong(2, alice.getLong(1));
            insert.executeUpdate();
            var key = insert.getGeneratedKeys();
            key.next();
            spanId = key.getLong(1);
            var audit = db.prepareStatement("insert into audit_event (at, username, action, project_id, document_id,"
                    + " span_id) values (current_timestamp, 'alice', 'span.create', ?, ?, ?)");
            audit.setLong(1, projectId);
            audit.setLong(2, documentId);
            audit.setLong(3, spanId);
            audit.executeUpdate();
        }
        try (ConfigurableApplicationContext caughtUp = start(args)) {
            SearchIndexer indexer = caughtUp.getBean(SearchIndexer.class);
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                assertThat(indexer.awaitIdle(Duration.ofSeconds(30))).isTrue();
                var admin = caughtUp.getBean(org.factspan.security.UserService.class).findActor("admin").orElseThrow();
                var hits = caughtUp.getBean(SearchService.class).search(admin, org.factspan.TestUsers.SEED_PROJECT,
                        new SearchRequest(null, Set.of("CLAIM"), null, Set.of("alice"), null,
                                SearchRequest.Kind.SPAN, 50, 0));
                assertThat(hits.hits()).as("the span saved elsewhere is found").extracting(SearchHit::spanId)
                        .contains(spanId);
            });
            assertThat(indexer.rebuilds()).as("a few documents behind: caught up, not rebuilt").isZero();
        }
        // while it is down, the database moves on in a way that names no document (a project-wide change)
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db/factspan"), "sa", "")) {
            db.createStatement().executeUpdate("insert into audit_event (at, username, action) "
                    + "values (current_timestamp, 'elsewhere', 'span.create')");
        }
        try (ConfigurableApplicationContext third = start(args)) {
            SearchIndexer indexer = third.getBean(SearchIndexer.class);
            assertThat(indexer.awaitIdle(Duration.ofMinutes(2))).isTrue();
            assertThat(indexer.rebuilds()).as("an index behind the database is rebuilt").isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(Application.class).run(args);
    }
}
