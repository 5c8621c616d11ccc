package org.factspan.base.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail read as a change feed: every change written through any instance on the database, in order, told
 * to the {@link Listener}s of this instance within {@code factspan.changes.poll} (a quarter of a second). This is how
 * one instance learns what another changed (decision 025): live editors follow documents, recommenders retrain on
 * spans saved elsewhere. Each audit row is written in the transaction of its change, so a committed change is in the
 * feed and a rolled-back one never is.
 * <p>
 * One thread per instance polls, and only while a listener is active. An id is told once: the feed re-reads a window
 * of {@value #LOOK_BACK} ids below the highest it has seen, because on PostgreSQL a transaction that took a lower id
 * can commit after a higher one was read.
 */
@Component
public class ChangeFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    /**
     * How far below the highest id seen the feed looks again for late commits: a listener that keeps a position in the
     * feed (the search index, decision 024) treats the ids this far below it as possibly not told yet.
     */
    public static final int LOOK_BACK = 500;
    /** At most this many rows per look. */
    static final int BATCH = 5000;

    /** One change: an audit row's action and what it was done to (any part but the id may be null). */
    public record Change(long id, String action, Long projectId, Long documentId, Long spanId, Long attributionId,
            String owner) {
    }

    /** Told about new changes, on the feed's thread (keep it short: hand work to your own thread). */
    public interface Listener {
        /** Whether the listener wants changes now; the feed stops polling while none does. */
        boolean active();

        void changed(List<Change> changes);
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Listener> listeners;
    private final long pollMillis;
    private final NavigableSet<Long> seen = new ConcurrentSkipListSet<>();
    private ScheduledExecutorService thread;
    private long highest = -1;
    /** Ids up to this one were there before anybody listened: never told. */
    private long floor;

    ChangeFeed(JdbcTemplate jdbc, ObjectProvider<Listener> listeners,
            @Value("${factspan.changes.poll:PT0.25S}") Duration poll) {
        this.jdbc = jdbc;
        this.listeners = listeners;
        this.pollMillis = Math.max(20, poll.toMillis());
    }

    /** Starts polling (idempotent); listeners call it when they become active. */
    public synchronized void start() {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "change-feed");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts polling from audit event {@code after}: every change with a higher id is told, also those committed
     * before this call (the first poll reads them, {@value #BATCH} at a time). For a listener that knows up to where it
     * is current (the search index after a restart) and must not miss what happened between its last look at the
     * audit trail and the feed's start. A position below the one the feed has reached moves the feed back to it (the
     * changes in between are told again); other listeners are told them too and take a change told twice as one.
     */
    public synchronized void start(long after) {
        if (after >= 0 && (highest < 0 || after < highest)) {
            highest = after;
            floor = after;
            seen.clear();
        }
        start();
    }

    /** One look at the audit trail; public for tests that do not want to wait for the thread. */
    synchronized void poll() {
        try {
            List<Listener> active = listeners.orderedStream().filter(Listener::active).toList();
            if (active.isEmpty()) {
                highest = -1; // nobody listens: start from "now" when somebody does again
                seen.clear();
                return;
            }
            if (highest < 0) {
                Long max = jdbc.queryForObject("select max(id) from audit_event", Long.class);
                highest = max == null ? 0 : max;
                floor = highest;
                return;
            }
            List<Change> fresh = new ArrayList<>();
            jdbc.query("select id, action, project_id, document_id, span_id, attribution_id, owner from audit_event"
                    + " where id > ? order by id limit " + BATCH, r -> {
                        long id = r.getLong(1);
                        if (!seen.add(id)) {
                            return; // told in an earlier look (every row read lies inside the look-back window)
                        }
                        fresh.add(new Change(id, r.getString(2), (Long) r.getObject(3, Long.class),
                                (Long) r.getObject(4, Long.class), (Long) r.getObject(5, Long.class),
                                (Long) r.getObject(6, Long.class), r.getString(7)));
                    }, Math.max(floor, highest - LOOK_BACK));
            for (Change c : fresh) {
                highest = Math.max(highest, c.id());
            }
            seen.headSet(highest - LOOK_BACK, true).clear();
            if (fresh.isEmpty()) {
                return;
            }
            for (Listener l : active) {
                try {
                    l.changed(fresh);
                } catch (RuntimeException e) {
                    log.warn("A change feed listener failed", e);
                }
            }
        } catch (RuntimeException e) {
            log.debug("Change feed poll failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void destroy() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}
