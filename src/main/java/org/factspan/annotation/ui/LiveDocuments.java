package org.factspan.annotation.ui;

import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.factspan.base.audit.ChangeFeed;
import org.springframework.stereotype.Component;
import org.springframework.modulith.NamedInterface;

/**
 * Live sessions: open editors follow the changes of their document made elsewhere (another window of the same user,
 * another curator on the gold standard, a script through the REST API, another node of a cluster) within a second.
 *
 * <p>Two ways in, one way out. An editor that made a change says so at once ({@link #changed}); and every committed
 * change is in the audit trail, which the {@link ChangeFeed} polls ({@code factspan.changes.poll}, 250 ms) while an
 * editor is open, so nothing is missed (REST, imports, other nodes). Followers are told "document D, work of O changed" and read what they
 * may see themselves, through the services and their permission checks: an annotator follows only her own work
 * ({@code owner}), so she is never even told that someone else's changed (annotators stay blind). A curator's view
 * follows every owner of the document ({@code owner} null).
 */
@NamedInterface("editor")
@Component
public class LiveDocuments implements DisposableBean, ChangeFeed.Listener {

    private static final Logger log = LoggerFactory.getLogger(LiveDocuments.class);

    /** Told that the followed document changed; runs on the hub's thread (read there, then change the UI in access). */
    public interface Listener {
        void changed();
    }

    private record Follower(String owner, Object source, Listener listener) {
    }

    /** How long a follower's own change is recognised in the audit trail. */
    private static final long ECHO_NANOS = 5_000_000_000L;

    /** Spans and attributions a follower changed itself a moment ago. */
    private static final class Echo {
        final java.util.Set<Long> spans = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final java.util.Set<Long> attributions = java.util.concurrent.ConcurrentHashMap.newKeySet();
        volatile long until;

        boolean expired() {
            return System.nanoTime() > until;
        }

        /** An audit entry about what the follower changed itself. */
        boolean covers(Long span, Long attribution) {
            if (expired()) {
                return false;
            }
            return attribution != null ? attributions.contains(attribution) : span != null && spans.contains(span);
        }
    }

    private final Map<Object, Echo> echoes = new ConcurrentHashMap<>();
    private final ChangeFeed feed;
    private final Map<Long, List<Follower>> followers = new ConcurrentHashMap<>();
    private ScheduledExecutorService thread;

    LiveDocuments(ChangeFeed feed) {
        this.feed = feed;
    }

    /**
     * Follows changes of {@code documentId}: of {@code owner}'s work (a user name, or "gold"), or of anyone's (null).
     * {@code source} is the follower itself (it is not told about its own changes).
     */
    public Registration follow(long documentId, String owner, Object source, Listener listener) {
        Follower f = new Follower(owner, source, listener);
        followers.computeIfAbsent(documentId, k -> new CopyOnWriteArrayList<>()).add(f);
        start();
        return () -> {
            echoes.remove(source);
            followers.computeIfPresent(documentId, (k, list) -> {
                list.remove(f);
                return list.isEmpty() ? null : list;
            });
        };
    }

    /** {@code source} changed {@code owner}'s work on the document: the others following it are told now. */
    public void changed(long documentId, String owner, Object source) {
        changed(documentId, owner, source, java.util.Set.of(), java.util.Set.of());
    }

    /**
     * As {@link #changed(long, String, Object)}, naming the spans and attributions changed: when the audit trail shows
     * only those a moment later, {@code source} is not told about its own change again (it would only read the
     * document to find nothing new).
     */
    public void changed(long documentId, String owner, Object source, java.util.Set<Long> spanIds,
            java.util.Set<Long> attributionIds) {
        if (!spanIds.isEmpty() || !attributionIds.isEmpty()) {
            echoes.compute(source, (k, e) -> {
                Echo next = e == null || e.expired() ? new Echo() : e;
                next.spans.addAll(spanIds);
                next.attributions.addAll(attributionIds);
                next.until = System.nanoTime() + ECHO_NANOS;
                return next;
            });
        }
        List<Follower> list = followers.get(documentId);
        if (list == null) {
            return;
        }
        for (Follower f : list) {
            if (f.source() != source && (f.owner() == null || owner == null || f.owner().equals(owner))) {
                thread().execute(() -> tell(f));
            }
        }
    }

    /** Number of followers (tests). */
    int followers() {
        return followers.values().stream().mapToInt(List::size).sum();
    }

    private synchronized ScheduledExecutorService thread() {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "live-documents");
                t.setDaemon(true);
                return t;
            });
        }
        return thread;
    }

    private void start() {
        feed.start();
    }

    @Override
    public boolean active() {
        return !followers.isEmpty();
    }

    /** New audit entries (from any instance): their documents' followers are told, each once per look. */
    @Override
    public void changed(List<ChangeFeed.Change> changes) {
        java.util.Set<Follower> told = new java.util.HashSet<>();
        for (ChangeFeed.Change change : changes) {
            List<Follower> list = change.documentId() == null ? null : followers.get(change.documentId());
            if (list == null) {
                continue;
            }
            for (Follower f : list) {
                if (!(f.owner() == null || change.owner() == null || Objects.equals(f.owner(), change.owner()))) {
                    continue;
                }
                Echo echo = echoes.get(f.source());
                if (echo != null && echo.covers(change.spanId(), change.attributionId())) {
                    continue; // its own change, shown already
                }
                if (told.add(f)) {
                    thread().execute(() -> tell(f));
                }
            }
        }
    }

    private static void tell(Follower f) {
        try {
            f.listener().changed();
        } catch (RuntimeException e) {
            log.debug("A live follower failed: {}", e.toString());
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
