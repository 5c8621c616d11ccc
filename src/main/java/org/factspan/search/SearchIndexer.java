package org.factspan.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.factspan.annotation.AnnotatedDocument;
import org.factspan.annotation.AnnotationExchangeService;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.SpanChanged;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.NotFoundException;
import org.factspan.base.StorageUnavailableException;
import org.factspan.base.audit.ChangeFeed;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ProjectSummary;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index current: after a span change commits, the changed document is queued and re-indexed (its text and
 * all its spans) on one background thread, so edits never wait for Lucene. Rebuilds everything on demand and at start
 * when the index is missing. Reads through the services as {@link #SYSTEM}, an admin that is nobody: the index holds
 * every annotator's work and {@link SearchService} decides who sees which part of it.
 */
@Component
class SearchIndexer implements DisposableBean, ChangeFeed.Listener {

    /** The indexer's own identity: an admin (sees every project), id 0 (no such user). */
    static final Actor SYSTEM = new Actor(0, "system", Role.ADMIN);

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private record Pending(String slug, long documentId) {
    }

    private final SearchIndex index;
    private final CorpusService corpus;
    private final AnnotationExchangeService exchange;
    private final DocumentStates states;
    /** How long after a failed index write the indexer tries again (reopen the index, rebuild it). */
    static final Duration RETRY = Duration.ofSeconds(30);
    /** How long a change may stay searchable but not yet synced to disk (see {@link #commitSoon}). */
    static final Duration COMMIT_AFTER = Duration.ofSeconds(2);
    /**
     * The shortest time between the end of a drain and the start of the next: a change made less than this long after
     * the last drain waits for the rest of it. Under a burst of saves, each drain re-indexes the documents changed since
     * the last one, once each, and the processors go to the saves in between (at least this long per drain).
     */
    static final Duration DRAIN_GAP = Duration.ofSeconds(1);
    /** When the last drain that indexed something ended ({@link System#nanoTime()}; guarded by {@link #pending}). */
    private long lastDrain = System.nanoTime() - DRAIN_GAP.toNanos();
    /**
     * True while a drain runs (guarded by {@link #pending}): what is queued meanwhile waits for its end and the gap
     * after it.
     */
    private boolean draining;
    /**
     * The drain queued to run, at once or after the gap (guarded by {@link #pending}); null when none is. Any drain that
     * starts cancels it, since it takes that work: at most one queued drain is live at a time.
     */
    private java.util.concurrent.Future<?> queuedDrain;
    private final java.util.concurrent.atomic.AtomicBoolean commitQueued =
            new java.util.concurrent.atomic.AtomicBoolean();

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-indexer");
        t.setDaemon(true);
        return t;
    });
    private final Set<Pending> pending = new LinkedHashSet<>();
    /** The change feed ids of the pending documents (guarded by {@link #pending}, like everything of the position). */
    private final Map<Pending, List<Long>> pendingEvents = new java.util.HashMap<>();
    /** Feed ids told to the indexer whose documents are not in the index writer yet. */
    private final java.util.NavigableSet<Long> unapplied = new java.util.TreeSet<>();
    /** The highest feed id told to the indexer (or where it started the feed); -1 before the start. */
    private long told = -1;
    /** An audit event up to which the index is current regardless of the feed (a rebuild's, a start's); -1: unknown. */
    private long covered = -1;
    /** How the index was brought up to date at this start (for the health endpoint), null until decided. */
    private volatile String startedBy;
    /** True while a retry after a failed write is scheduled. */
    private final java.util.concurrent.atomic.AtomicBoolean recovering = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger rebuilds = new java.util.concurrent.atomic.AtomicInteger();
    /** Drains per project slug (a counter per project ever drained: a few bytes each). */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> drains =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private String database;
    private final ChangeFeed feed;
    /** Project slugs by id, for the change feed (which names projects by id). */
    private final Map<Long, String> slugs = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean following;

    SearchIndexer(SearchIndex index, CorpusService corpus, AnnotationExchangeService exchange, DocumentStates states,
            org.springframework.jdbc.core.simple.JdbcClient jdbc, ChangeFeed feed) {
        this.feed = feed;
        this.jdbc = jdbc;
        this.index = index;
        this.corpus = corpus;
        this.exchange = exchange;
        this.states = states;
    }

    /**
     * Brings the index on disk up to date at start. Every Lucene commit records the audit event (change feed position)
     * up to which every change's document is in that commit (see {@link #position}), whether the index was closed
     * cleanly or killed; so an index that was not closed cleanly lost only work after its last commit, and that work is
     * in the audit trail after the recorded position. The index is caught up from there (the documents named by later
     * events are re-indexed) when it can be: see {@link #catchUp}. It is rebuilt when it is missing or empty, carries
     * no position (written by an older version), was built from another database (one deleted and created again keeps
     * document ids and texts, but not the spans), or catching up cannot be trusted. Decision 024.
     */
    @EventListener(ApplicationReadyEvent.class)
    void buildWhenMissing() {
        following = true;
        database = databaseIdentity();
        Long audited = lastAuditEvent();
        synchronized (pending) {
            told = audited == null ? -1 : audited;
        }
        // the feed tells every change after the one read here: catching up covers those up to it
        if (audited != null) {
            feed.start(audited);
        } else {
            feed.start();
        }
        String clean = index.closedCleanlyLastTime() ? "it was closed cleanly" : "it was not closed cleanly";
        String behind = !index.existedAtStart() ? "there is none"
                : index.documentCount() == 0 ? "it is empty"
                : database == null || !database.equals(index.database())
                        ? "it was built from another database (" + index.database() + ", now " + database + ")"
                : index.audited() == null ? clean + " and records no audit event it is current to"
                // after a kill, even an index at the newest event catches up: see the look-back in catchUp
                : audited == null || !index.closedCleanlyLastTime() || !audited.toString().equals(index.audited())
                        ? catchUp(clean, index.audited(), audited)
                : null;
        if (behind != null) {
            startedBy = "rebuilt: " + behind;
            log.info("The search index is rebuilt: {}", behind);
            worker.submit(() -> guarded(this::rebuildNow));
        } else if (startedBy == null) {
            startedBy = "current: " + clean + " at audit event " + index.audited();
            synchronized (pending) {
                covered = audited; // not null here: an unreadable audit trail answers a rebuild reason
            }
        }
    }

    /** How the index was brought up to date at this start: {@code rebuilt: ...}, {@code caught up ...}, {@code current: ...}. */
    String startedBy() {
        return startedBy;
    }

    /** The slug of a project named by id in the audit trail, or null when it is gone (remembered once read). */
    private String slugOf(long projectId) {
        return slugs.computeIfAbsent(projectId, id -> jdbc.sql("select slug from project where id = ?").param(id)
                .query(String.class).optional().orElse(null));
    }

    /** At most this many changed documents are re-indexed one by one at start; more, and the index is rebuilt. */
    static final int CATCH_UP_DOCUMENTS = 1_000;

    /**
     * An index that is current up to audit event {@code indexed} while the database is at {@code now} (changes after
     * its last commit were lost to a kill, or another instance wrote while this one was down): the documents those
     * events name are queued for re-indexing, and null is answered (no rebuild). The documents of the
     * {@value ChangeFeed#LOOK_BACK} events before {@code indexed} are re-indexed too: a transaction that took a lower
     * id may have committed after the position was recorded (the change feed's own look-back rule). A rebuild reason
     * is answered instead when that cannot be trusted: an unreadable mark, an event after {@code indexed} that names no
     * document (a project-wide change), or more than {@value #CATCH_UP_DOCUMENTS} changed documents.
     */
    private String catchUp(String clean, String indexed, Long now) {
        String changed = clean + " and the database changed since it was indexed (audit event " + indexed + ", now "
                + now + ")";
        long from;
        try {
            from = Long.parseLong(indexed);
        } catch (NumberFormatException | NullPointerException e) {
            return changed;
        }
        if (now == null || from > now) {
            return changed + ", and the index is ahead of it";
        }
        try {
            Long withoutDocument = jdbc.sql("select count(*) from audit_event where id > ? and (document_id is null"
                    + " or project_id is null)").param(from).query(Long.class).single();
            if (withoutDocument > 0) {
                return changed + ", with " + withoutDocument + " project-wide changes";
            }
            List<long[]> documents = jdbc.sql("select project_id, document_id, max(id) from audit_event where id > ?"
                    + " and id <= ? and document_id is not null and project_id is not null group by project_id,"
                    + " document_id").param(Math.max(0, from - ChangeFeed.LOOK_BACK)).param(now)
                    .query((r, i) -> new long[] {r.getLong(1), r.getLong(2), r.getLong(3)}).list();
            if (documents.size() > CATCH_UP_DOCUMENTS) {
                return changed + ", in " + documents.size() + " documents";
            }
            Map<Long, String> projectSlugs = new java.util.HashMap<>();
            for (long[] d : documents) {
                String slug = slugOf(d[0]);
                if (slug == null && d[2] > from) {
                    return changed + ", and project " + d[0] + " is gone";
                }
                projectSlugs.put(d[0], slug);
            }
            synchronized (pending) {
                covered = from;
            }
            long started = System.nanoTime();
            int queued = 0;
            for (long[] d : documents) {
                if (projectSlugs.get(d[0]) != null) {
                    enqueue(projectSlugs.get(d[0]), d[1], d[2]);
                    queued++;
                }
            }
            startedBy = "caught up " + queued + " documents changed since audit event " + from + " (" + clean + ")";
            log.info("The search index catches up with {} documents changed since audit event {} ({}; the {} events"
                    + " before it included, for late commits)", queued, from, clean, ChangeFeed.LOOK_BACK);
            int count = queued;
            worker.submit(() -> log.info("The search index caught up: {} documents in {} ms", count,
                    (System.nanoTime() - started) / 1_000_000)); // runs after the drain the queue started
            return null;
        } catch (RuntimeException e) {
            log.warn("Cannot read what changed since the index was built ({}); it is rebuilt", e.toString());
            return changed;
        }
    }

    /**
     * The newest audit event: every change of spans, attributions, documents and curation writes one in its
     * transaction, so an index marked with it (at a rebuild, at a clean close) reflects the database up to there.
     */
    private Long lastAuditEvent() {
        try {
            return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        } catch (RuntimeException e) {
            log.warn("Cannot read the audit trail ({}); the search index is rebuilt", e.toString());
            return null;
        }
    }

    /**
     * When Flyway created this database's schema: tells one database from another. Flyway creates its table and
     * columns with quoted lower-case names on every database, so they are quoted here too (H2 folds unquoted names to
     * upper case and would not find them); the time is read as a timestamp (read as an {@code Object} bean it was a new
     * object, so a different "database", at every start).
     */
    private String databaseIdentity() {
        try {
            return jdbc.sql("select min(\"installed_on\") from \"flyway_schema_history\"").query(rs -> {
                java.sql.Timestamp installed = rs.next() ? rs.getTimestamp(1) : null;
                return installed == null ? null : installed.toInstant().toString();
            });
        } catch (RuntimeException e) {
            log.warn("Cannot tell which database the search index belongs to ({}); it is rebuilt", e.toString());
            return null;
        }
    }

    /** How many drains indexed documents of the project since start (a test sees saves coalesce). */
    int drains(String slug) {
        java.util.concurrent.atomic.AtomicInteger n = drains.get(slug);
        return n == null ? 0 : n.get();
    }

    /** How many documents wait for a drain now, plus one while a drain runs (a test sees the queue empty by itself). */
    int queued() {
        synchronized (pending) {
            return pending.size() + (draining ? 1 : 0);
        }
    }

    /** How many times the whole index was rebuilt since start (at start, on demand, after a failed write). */
    int rebuilds() {
        return rebuilds.get();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void spanChanged(SpanChanged event) {
        enqueue(event.slug(), event.documentId());
    }

    @Override
    public boolean active() {
        return following;
    }

    /**
     * Every change to a document's work, through any instance on the database (decision 025), re-indexes that
     * document. This instance's own changes arrive here too, a moment after {@link #spanChanged}; a document queued
     * twice is indexed once.
     */
    @Override
    public void changed(List<ChangeFeed.Change> changes) {
        for (ChangeFeed.Change c : changes) {
            if (c.projectId() == null || c.documentId() == null) {
                continue;
            }
            String slug = slugOf(c.projectId());
            if (slug != null) {
                enqueue(slug, c.documentId(), c.id());
            }
        }
        long highest = changes.stream().mapToLong(ChangeFeed.Change::id).max().orElse(-1);
        synchronized (pending) {
            told = Math.max(told, highest);
        }
    }

    /**
     * The audit event up to which every change's document is in the index writer: every event the feed told up to it
     * has been drained into the writer, so a commit made now holds them all. Changes that name no document (or a project
     * that is gone) count as applied, as they do for a running index. Null while unknown (before the start decided, or
     * during the rebuild at start). Changes that arrive as {@code SpanChanged} only are indexed sooner, but count once
     * the feed tells them: the feed is the durable record.
     */
    Long position() {
        synchronized (pending) {
            if (covered < 0) {
                return null;
            }
            long applied = unapplied.isEmpty() ? told : unapplied.first() - 1;
            return Math.max(covered, applied);
        }
    }

    /** Records {@link #position} in the index's next commit (before every commit the indexer makes). */
    private void markPosition() {
        Long at = position();
        if (at != null) {
            index.markAudited(at);
        }
    }

    /**
     * Queues a document for re-indexing (after a change the index cannot see, e.g. a document state). Such a change is
     * durable for the index only when it also writes an audit event naming the document: a kill before the next commit
     * loses what only this queue held (see {@link #position}).
     */
    void enqueue(String slug, long documentId) {
        enqueue(slug, documentId, -1);
    }

    /** Queues a document for re-indexing because of change feed event {@code event} (-1: none). */
    private void enqueue(String slug, long documentId, long event) {
        synchronized (pending) {
            // A drain is queued (or runs, and queues the next as it ends) whenever the set is not empty: it takes
            // everything that is there when it runs.
            Pending p = new Pending(slug, documentId);
            pending.add(p);
            if (event >= 0) {
                pendingEvents.computeIfAbsent(p, k -> new ArrayList<>()).add(event);
                unapplied.add(event);
            }
            if (queuedDrain == null && !draining) {
                scheduleDrain();
            }
        }
    }

    /**
     * Queues a drain (holding {@link #pending}): at once on an idle instance, else {@link #DRAIN_GAP} after the last
     * drain ended, so that a burst of saves re-indexes each changed document once per gap, not once per save.
     */
    private void scheduleDrain() {
        long wait = DRAIN_GAP.toNanos() - (System.nanoTime() - lastDrain);
        queuedDrain = wait <= 0 ? worker.submit(() -> guarded(this::drain))
                : worker.schedule(() -> guarded(this::drain), wait, TimeUnit.NANOSECONDS);
    }

    /**
     * Waits until every queued change is in the index (or the time is up); true when it is. A drain waiting for its
     * {@link #DRAIN_GAP} runs now: a search sees the saves made before it.
     */
    boolean awaitIdle(Duration timeout) {
        var marker = worker.submit(() -> guarded(this::drain));
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    /** Rebuilds the whole index on the indexer thread and waits for it; returns the number of documents. */
    int rebuild() {
        try {
            return worker.submit(() -> {
                try {
                    index.reopen();
                    return rebuildNow();
                } catch (StorageUnavailableException e) {
                    scheduleRecovery();
                    throw e;
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rebuilding the search index", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof StorageUnavailableException storage) {
                throw storage;
            }
            throw new IllegalStateException("Rebuilding the search index failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs an index write on the indexer thread; when the index cannot be written (a full disk, a read-only folder),
     * the change is not lost: the whole index is rebuilt once writing works again, tried every {@link #RETRY}.
     */
    private void guarded(Runnable write) {
        try {
            write.run();
        } catch (StorageUnavailableException e) {
            log.warn("The search index cannot be written ({}); retrying in {} s", e.getCause(), RETRY.toSeconds());
            scheduleRecovery();
        }
    }

    private void guarded(java.util.function.IntSupplier write) {
        guarded(() -> {
            write.getAsInt();
        });
    }

    private void scheduleRecovery() {
        if (recovering.compareAndSet(false, true)) {
            worker.schedule(this::recoverNow, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Reopens the index if Lucene closed it, then rebuilds it; on failure tries again later. */
    private void recoverNow() {
        recovering.set(false);
        guarded(() -> {
            index.reopen();
            int documents = rebuildNow();
            log.info("The search index can be written again: rebuilt with {} documents", documents);
        });
    }

    /** Runs a recovery attempt now and waits for it (tests; the retry does the same by itself). */
    void recover() {
        try {
            worker.submit(this::recoverNow).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Makes the index agree with the project's documents (added or removed since; the corpus publishes no events):
     * indexes the missing ones and drops the gone ones, on the indexer thread, and waits.
     */
    void reconcile(ProjectInfo project, List<DocumentSummary> documents) {
        Map<Long, String> current = new java.util.LinkedHashMap<>();
        documents.forEach(d -> current.put(d.id(), d.sha256()));
        if (index.documents(project.id()).equals(current)) {
            return;
        }
        try {
            worker.submit(() -> {
                Map<Long, String> now = index.documents(project.id());
                for (Long gone : now.keySet()) {
                    if (!current.containsKey(gone)) {
                        index.removeDocument(gone);
                    }
                }
                List<Long> missing = current.keySet().stream()
                        .filter(id -> !current.get(id).equals(now.get(id))).toList();
                if (!missing.isEmpty()) {
                    indexDocuments(project.slug(), missing);
                }
                markPosition();
                index.commit(database);
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("Could not bring the search index of {} up to date: {}", project.slug(), e.getCause().toString());
            if (e.getCause() instanceof StorageUnavailableException) {
                scheduleRecovery();
            }
        }
    }

    private int rebuildNow() {
        rebuilds.incrementAndGet();
        long started = System.nanoTime();
        Long audited = lastAuditEvent(); // before reading: a change after it comes with its own event
        index.removeAll();
        int documents = 0;
        for (ProjectSummary p : corpus.listProjects(SYSTEM)) {
            documents += indexDocuments(p.slug(), null);
        }
        synchronized (pending) {
            if (audited != null) {
                // everything up to it is in what was just read; the feed's later events stay to be drained
                covered = Math.max(covered, audited);
                unapplied.headSet(audited, true).clear();
            } else {
                // unknown: commits keep the mark they had, a lower bound still (the index now holds more than it)
                covered = -1;
            }
        }
        markPosition();
        index.commit(database);
        log.info("Search index built: {} documents in {} ms", documents, (System.nanoTime() - started) / 1_000_000);
        return documents;
    }

    /**
     * Indexes what is queued, on the indexer thread: as the queued drain, or at once for a search. It cancels the queued
     * drain (or, when it is that drain, marks its own task cancelled, which does not stop it), and queues the next one
     * if changes arrived while it ran.
     */
    private void drain() {
        synchronized (pending) {
            if (queuedDrain != null) {
                queuedDrain.cancel(false);
                queuedDrain = null;
            }
            draining = true;
        }
        boolean worked = false;
        try {
            worked = drainNow();
        } finally {
            synchronized (pending) {
                draining = false;
                if (worked) {
                    lastDrain = System.nanoTime();
                }
                if (!pending.isEmpty()) {
                    scheduleDrain(); // what was queued while this drain ran
                }
            }
        }
    }

    /** Indexes what is queued; false when nothing was. */
    private boolean drainNow() {
        List<Pending> batch;
        Map<Pending, List<Long>> events;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            events = new java.util.HashMap<>(pendingEvents);
            pending.clear();
            pendingEvents.clear();
        }
        if (batch.isEmpty()) {
            return false;
        }
        Map<String, List<Long>> bySlug = new java.util.LinkedHashMap<>();
        batch.forEach(p -> bySlug.computeIfAbsent(p.slug(), k -> new ArrayList<>()).add(p.documentId()));
        List<Long> applied = new ArrayList<>();
        bySlug.forEach((slug, ids) -> {
            try {
                indexDocuments(slug, ids);
                ids.forEach(id -> applied.addAll(events.getOrDefault(new Pending(slug, id), List.of())));
            } catch (StorageUnavailableException e) {
                throw e; // the events stay unapplied: the recovery rebuilds the index
            } catch (RuntimeException e) {
                // the events stay unapplied: the position stops before them, and the next start re-indexes them
                log.warn("Could not index documents {} of {}: {}", ids, slug, e.toString());
            }
        });
        synchronized (pending) {
            applied.forEach(unapplied::remove);
        }
        index.refresh();
        commitSoon();
        bySlug.keySet().forEach(slug -> drains.computeIfAbsent(slug, k -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet());
        return true;
    }

    /**
     * Makes what the index holds durable within {@link #COMMIT_AFTER}: a Lucene commit syncs files to disk, far dearer
     * than the refresh that makes a change searchable, so a busy instance commits once per interval, not once per save.
     * A crash in between loses nothing: each commit records the change feed position it holds (see {@link #position}),
     * and the next start catches up from there.
     */
    private void commitSoon() {
        if (commitQueued.compareAndSet(false, true)) {
            worker.schedule(() -> guarded(() -> {
                commitQueued.set(false);
                markPosition();
                index.commit(database);
            }), COMMIT_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Indexes documents of a project (all of them when {@code ids} is null); returns how many. A few changed documents
     * cost reads of those documents only, not a listing of the project: this runs after every batch of saves.
     */
    private int indexDocuments(String slug, List<Long> ids) {
        ProjectInfo project;
        try {
            project = corpus.requireProject(SYSTEM, slug);
        } catch (NotFoundException e) {
            return 0; // the project is gone (or renamed: a rebuild catches up)
        }
        // the index sorts hits by the documents' positions in the project
        Map<Long, Integer> order = corpus.documentPositions(project.id(), ids);
        List<Long> wanted = ids == null ? new ArrayList<>(order.keySet())
                : ids.stream().distinct().filter(order::containsKey).toList();
        if (ids != null) {
            ids.stream().filter(id -> !order.containsKey(id)).forEach(index::removeDocument);
        }
        if (wanted.isEmpty()) {
            return 0;
        }
        int[] count = {0};
        exchange.forEachDocument(SYSTEM, slug, AnnotationExchangeService.ALL,
                ids == null ? AnnotationFilter.none() : new AnnotationFilter(Set.copyOf(wanted), Set.of()), doc -> {
                    index.put(toIndexed(project, doc, order.getOrDefault(doc.document().id(), Integer.MAX_VALUE)));
                    count[0]++;
                });
        return count[0];
    }

    private SearchIndex.IndexedDocument toIndexed(ProjectInfo project, AnnotatedDocument doc, int order) {
        List<SearchIndex.IndexedSpan> spans = new ArrayList<>();
        for (SpanInfo s : doc.spans()) {
            LabelInfo label = project.label(s.label()).orElse(null);
            List<String> notes = new ArrayList<>();
            s.attributes().forEach((name, value) -> {
                if (label != null && label.attribute(name).map(a -> a.kind().support().searchedAsText()).orElse(false)) {
                    notes.add(value);
                }
            });
            spans.add(new SearchIndex.IndexedSpan(s.id(), s.label(), s.annotator(), s.start(), s.end(), s.text(),
                    s.attributes(), notes));
        }
        return new SearchIndex.IndexedDocument(project.id(), doc.document().id(), order, doc.document().title(),
                doc.document().text(), org.factspan.corpus.ProjectSetupService.sha256(doc.document().text()),
                states.of(doc), spans);
    }

    /**
     * Drains the queue, then marks the index with its {@link #position}: every change the feed told up to it has been
     * indexed (a change after it is caught up at the next start). The index writes the mark as it closes.
     */
    @Override
    public void destroy() throws InterruptedException {
        following = false;
        worker.shutdown();
        boolean drained = worker.awaitTermination(10, TimeUnit.SECONDS);
        Long audited = position();
        if (drained && audited != null && !recovering.get()) {
            try {
                index.markAudited(audited);
            } catch (RuntimeException e) {
                log.warn("Could not mark the search index as current ({}); it is rebuilt at the next start",
                        e.toString());
            }
        }
    }
}
