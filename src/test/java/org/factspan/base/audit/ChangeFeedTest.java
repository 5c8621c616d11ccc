package org.factspan.base.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The audit trail as a change feed: each committed row told once, late commits below the highest id included. */
class ChangeFeedTest {

    final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:feed-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    final List<Long> told = new CopyOnWriteArrayList<>();
    final AtomicBoolean listening = new AtomicBoolean(true);
    final ChangeFeed feed;

    ChangeFeedTest() {
        jdbc.execute("create table audit_event (id bigint primary key, action varchar(64), project_id bigint,"
                + " document_id bigint, span_id bigint, attribution_id bigint, owner varchar(64))");
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("listener", new ChangeFeed.Listener() {
            @Override
            public boolean active() {
                return listening.get();
            }

            @Override
            public void changed(List<ChangeFeed.Change> changes) {
                changes.forEach(c -> told.add(c.id()));
            }
        });
        feed = new ChangeFeed(jdbc, beans.getBeanProvider(ChangeFeed.Listener.class), Duration.ofSeconds(1));
    }

    void row(long id) {
        jdbc.update("insert into audit_event (id, action, project_id, document_id) values (?, 'span.create', 1, 2)", id);
    }

    @Test
    void whatWasThereBeforeIsNotToldNewRowsAreToldOnceAndLateCommitsAreNotMissed() {
        row(1);
        row(2);
        feed.poll(); // starts from "now"
        assertThat(told).isEmpty();
        row(5);
        row(6);
        feed.poll();
        assertThat(told).containsExactly(5L, 6L);
        feed.poll();
        assertThat(told).as("told once").containsExactly(5L, 6L);
        // a transaction that took id 4 commits after 5 and 6 were read (PostgreSQL sequences)
        row(4);
        feed.poll();
        assertThat(told).containsExactly(5L, 6L, 4L);
        feed.poll();
        assertThat(told).hasSize(3);
    }

    @Test
    void aListenerThatKeptAPositionIsToldEverythingAfterItAlsoWhatCommittedBeforeTheStart() {
        row(1);
        row(2);
        row(3);
        feed.start(1); // the search index is current up to event 1 (decision 024)
        feed.destroy(); // no thread: the test polls
        feed.poll();
        assertThat(told).containsExactly(2L, 3L);
        row(4);
        feed.poll();
        assertThat(told).as("then on as usual, each once").containsExactly(2L, 3L, 4L);
        feed.start(2); // a listener further back moves the feed back: told again, never skipped
        feed.destroy();
        feed.poll();
        assertThat(told).containsExactly(2L, 3L, 4L, 3L, 4L);
    }

    @Test
    void nobodyListeningMeansNoQueriesAndAFreshStartAfterwards() {
        listening.set(false);
        feed.poll();
        row(1);
        feed.poll();
        listening.set(true);
        feed.poll(); // starts from "now": row 1 happened while nobody listened
        row(2);
        feed.poll();
        assertThat(told).containsExactly(2L);
    }
}
