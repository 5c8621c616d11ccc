package org.factspan.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.search.IndexerIdle;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.factspan.suggest.TrainingIdle;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts synthetic corpora into the database the fast way (JDBC batches with ids chosen here; the identity columns are
 * moved past them afterwards), creates the bench annotators, and measures time and heap. Setup is never timed.
 */
@Component
class BenchDatabase {

    /**
     * The benchmarks' Spring context: a file database under target/bench (as the app runs, not in the heap), one
     * context shared by every bench class.
     */
    static final String CONTEXT = "spring.datasource.url=jdbc:h2:file:./target/bench/h2-${random.uuid};WRITE_DELAY=0";

    private static final Map<String, Long> LOADED = new LinkedHashMap<>();

    final JdbcTemplate jdbc;
    final ProjectSetupService setup;
    final UserService users;
    final CorpusService corpus;
    private final JsonMapper json = JsonMapper.builder().build();

    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final ApplicationContext context;

    BenchDatabase(JdbcTemplate jdbc, ProjectSetupService setup, UserService users, CorpusService corpus,
            org.springframework.transaction.PlatformTransactionManager transactions, ApplicationContext context) {
        this.context = context;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.setup = setup;
        this.users = users;
        this.corpus = corpus;
        // databases of earlier bench runs (this run's was made after the JVM started); only in a bench run
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        java.io.File[] old = System.getProperty("bench.scale") == null ? null
                : new java.io.File("target/bench").listFiles((dir, name) -> name.startsWith("h2-"));
        for (java.io.File f : old == null ? new java.io.File[0] : old) {
            if (f.lastModified() < started) {
                f.delete();
            }
        }
    }

    /**
     * Waits until the application has no background work left: tasks on Spring's task executor (a recommender
     * training a browser session started, a streamed export), queued search indexing and scheduled retraining. Every
     * job calls it before it measures, so that no job measures, or times out on, what an earlier job left running
     * (PeerBench's REST export once ran past the servlet container's async timeout while BigDocumentBench's training
     * still held a core).
     */
    void settle() {
        Awaitility.await("the application's background work").atMost(Duration.ofMinutes(15))
                .pollInterval(Duration.ofMillis(200)).until(() -> executorIdle()
                        && IndexerIdle.await(context, Duration.ofSeconds(1))
                        && TrainingIdle.await(context, Duration.ofSeconds(1))
                        && executorIdle());
    }

    private boolean executorIdle() {
        Object executor = context.getBean("applicationTaskExecutor");
        if (executor instanceof ThreadPoolTaskExecutor pool) {
            return pool.getActiveCount() == 0 && pool.getThreadPoolExecutor().getQueue().isEmpty();
        }
        return true;
    }

    Actor actor(String name) {
        return users.findActor(name).orElseThrow();
    }

    /** The bench annotators (created once; their password is the demo password). */
    synchronized Map<String, Long> annotators() {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String name : SyntheticCorpus.ANNOTATORS) {
            if (users.findUser(name).isEmpty()) {
                users.create(name, name, org.factspan.TestUsers.DEMO_PASSWORD, org.factspan.security.Role.ANNOTATOR);
            }
            ids.put(name, users.findUser(name).orElseThrow().getId());
        }
        return ids;
    }

    /** A new project with the seed schema, the bench annotators as annotators and carol as curator. */
    long project(String slug) {
        var schema = corpus.requireProject(actor("admin"), org.factspan.TestUsers.SEED_PROJECT).labels();
        long id = setup.createProject(slug, "Bench " + slug, "synthetic", null, schema);
        annotators().values().forEach(user -> setup.addMember(id, user, ProjectRole.ANNOTATOR));
        setup.addMember(id, actor("carol").userId(), ProjectRole.CURATOR);
        return id;
    }

    /**
     * A project named {@code key} holding the first {@code count} documents of the corpus, with annotations; loaded
     * once per JVM (the bench context and its database are shared). Returns the slug.
     */
    synchronized String loaded(String key, SyntheticCorpus corpus, int count, boolean annotations) {
        String slug = "bench-" + key + "-" + count;
        if (!LOADED.containsKey(slug)) {
            long project = project(slug);
            load(project, corpus.documents(count), annotations, doc -> {
            });
            LOADED.put(slug, project);
        }
        return slug;
    }

    /** Inserts documents (and, if asked, their annotations) in batches of 200 documents. */
    void load(long projectId, Iterator<SyntheticCorpus.Doc> docs, boolean annotations,
            Consumer<SyntheticCorpus.Doc> each) {
        Map<String, Long> users = annotators();
        long documentId = next("document");
        long spanId = next("span");
        long attributionId = next("attribution");
        int position = jdbc.queryForObject("select count(*) from document where project_id = ?", Integer.class,
                projectId);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> documentRows = new ArrayList<>();
        List<Object[]> spanRows = new ArrayList<>();
        List<Object[]> attributeRows = new ArrayList<>();
        List<Object[]> attributionRows = new ArrayList<>();
        while (docs.hasNext()) {
            SyntheticCorpus.Doc doc = docs.next();
            each.accept(doc);
            long docId = documentId++;
            documentRows.add(new Object[] {docId, projectId, doc.name(), doc.meta().getOrDefault("title", doc.name()),
                    doc.text(), ProjectSetupService.sha256(doc.text()), doc.text().codePointCount(0, doc.text().length()),
                    json.writeValueAsString(doc.meta()), position++, now});
            if (annotations) {
                for (SyntheticCorpus.Work w : doc.work()) {
                    long user = users.get(w.annotator());
                    long first = spanId;
                    for (SyntheticCorpus.Span s : w.spans()) {
                        long id = spanId++;
                        spanRows.add(new Object[] {id, docId, user, s.label(), s.start(), s.end(), now});
                        if (s.verdict() != null) {
                            attributeRows.add(new Object[] {id, "verdict", s.verdict()});
                        }
                    }
                    for (SyntheticCorpus.Triple t : w.triples()) {
                        attributionRows.add(new Object[] {attributionId++, docId, user,
                                t.source() < 0 ? null : first + t.source(), t.cue() < 0 ? null : first + t.cue(),
                                first + t.content(), now});
                    }
                }
            }
            if (documentRows.size() == 200 || !docs.hasNext()) {
                flush(documentRows, spanRows, attributeRows, attributionRows);
            }
        }
        restart("document", documentId);
        restart("span", spanId);
        restart("attribution", attributionId);
    }

    void flush(List<Object[]> documents, List<Object[]> spans, List<Object[]> attributes,
            List<Object[]> attributions) {
        transaction.executeWithoutResult(status -> {
            jdbc.batchUpdate("insert into document (id, project_id, name, title, body, sha256, length_cp, meta,"
                    + " position, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", documents);
            insertAnnotations(spans, attributes, attributions);
        });
        documents.clear();
    }

    /** Inserts the rows in JDBC batches, in one transaction (the caller's, if there is one). */
    void insertAnnotations(List<Object[]> spans, List<Object[]> attributes, List<Object[]> attributions) {
        transaction.executeWithoutResult(status -> insertRows(spans, attributes, attributions));
    }

    private void insertRows(List<Object[]> spans, List<Object[]> attributes, List<Object[]> attributions) {
        jdbc.batchUpdate("insert into span (id, document_id, user_id, label, start_cp, end_cp, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", spans);
        jdbc.batchUpdate("insert into span_attribute (span_id, name, val) values (?, ?, ?)", attributes);
        jdbc.batchUpdate("insert into attribution (id, document_id, user_id, source_span_id, cue_span_id,"
                + " content_span_id, created_at) values (?, ?, ?, ?, ?, ?, ?)", attributions);
        spans.clear();
        attributes.clear();
        attributions.clear();
    }

    long next(String table) {
        return jdbc.queryForObject("select coalesce(max(id), 0) + 1 from " + table, Long.class);
    }

    void restart(String table, long next) {
        jdbc.execute("alter table " + table + " alter column id restart with " + Math.max(next, next(table)));
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** Spans of a project. */
    long spans(String slug) {
        return count("select count(*) from span s join document d on d.id = s.document_id join project p"
                + " on p.id = d.project_id where p.slug = ?", slug);
    }

    // ---- measuring

    /**
     * Seconds and heap of one run: {@code heapPeakMb} is the most heap in use right after a garbage collection during
     * the run (what the job kept alive, plus garbage the collector had not reached yet); {@code heapWithGarbageMb}
     * the pools' peak, garbage included, which mostly tells how large the collector let the young generation grow.
     */
    record Measured(double seconds, double heapPeakMb, double heapWithGarbageMb) {
    }

    @FunctionalInterface
    interface Job {
        void run() throws Exception;
    }

    static Measured measure(Job job) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        java.util.concurrent.atomic.AtomicLong afterGc = new java.util.concurrent.atomic.AtomicLong(-1);
        javax.management.NotificationListener listener = (notification, handback) -> {
            if (notification.getType().equals(
                    com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) notification.getUserData());
                long used = 0;
                for (MemoryPoolMXBean pool : heap) {
                    var after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                    used += after == null ? 0 : after.getUsed();
                }
                afterGc.accumulateAndGet(used, Math::max);
            }
        };
        List<javax.management.NotificationEmitter> emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(b -> (javax.management.NotificationEmitter) b).toList();
        emitters.forEach(e -> e.addNotificationListener(listener, null, null));
        long t0 = System.nanoTime();
        try {
            job.run();
        } finally {
            for (var e : emitters) {
                e.removeNotificationListener(listener);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long kept = afterGc.get() >= 0 ? afterGc.get()
                : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Measured(seconds, kept / (1024.0 * 1024.0), peak / (1024.0 * 1024.0));
    }

    /** The better (shorter) of {@code runs} runs; the heap peak of that run. */
    static Measured best(int runs, Job job) throws Exception {
        Measured best = null;
        for (int i = 0; i < runs; i++) {
            Measured m = measure(job);
            if (best == null || m.seconds() < best.seconds()) {
                best = m;
            }
        }
        return best;
    }

    /** Live heap after a full collection, in MB. */
    static double liveHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var usage = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return usage.getUsed() / (1024.0 * 1024.0);
    }
}
