package org.factspan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.factspan.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application twice on the same H2 file database and index folder, as a restart: the first start builds the
 * index, the second finds it current and leaves it alone (it used to rebuild at every start on H2, because the query
 * that tells databases apart named Flyway's table unquoted); when the database has moved on meanwhile, it rebuilds.
 */
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
        // while it is down, the database moves on (another instance writes, an older backup is restored)
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
