package org.factspan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.corpus.ProjectRole;
import org.factspan.security.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * 50 writers save spans at the same time, each its own user on its own document: through the annotation service
 * (permission checks, duplicate check, insert, commit), through HTTP (the REST API with Basic authentication), and
 * with a plain JDBC insert and commit on the same connection pool. Latency per save, p50 and p99. A third path runs
 * the statements a save needs in plain JDBC, one transaction on one connection: a read of the project, membership,
 * document and assignment by key, the span insert, the audit insert, the commit. It tells what the database must do
 * for a save apart from what the service adds. The three take turns, three timed rounds each after an untimed round
 * of each; HTTP runs one timed round after an untimed one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BenchDatabase.CONTEXT)
class SaveSpanBench {

    static final int WRITERS = 50;
    /** Timed rounds of each of the service and the plain insert, taking turns. */
    static final int ROUNDS = 3;

    @LocalServerPort
    int port;
    @Autowired
    BenchDatabase db;
    @Autowired
    AnnotationService annotations;
    @Autowired
    DataSource dataSource;
    @Autowired
    PasswordEncoder passwords;

    @FunctionalInterface
    interface Save {
        void save(int writer, int op) throws Exception;
    }

    /** Leaves nothing running for the next job (or for the JVM's exit). */
    @AfterEach
    void leaveNothingRunning() {
        db.settle();
    }

    @Test
    void fiftyConcurrentWriters() throws Exception {
        int perWriter = BenchResults.full() ? 20 : 12;
        int perWriterHttp = BenchResults.full() ? 20 : 4;
        long project = db.project("bench-save-" + System.nanoTime());
        String slug = db.jdbc.queryForObject("select slug from project where id = ?", String.class, project);
        db.load(project, SyntheticCorpus.main().documents(WRITERS), false, d -> {
        });
        List<Long> docs = db.jdbc.queryForList("select id from document where project_id = ? order by position",
                Long.class, project);
        // 50 writers, each a member; one real BCrypt hash (cost 10) for all
        String hash = passwords.encode(TestUsers.DEMO_PASSWORD);
        List<Actor> writers = new ArrayList<>();
        String prefix = "w" + project + "-";
        for (int w = 0; w < WRITERS; w++) {
            db.jdbc.update("insert into app_user (username, display_name, password_hash, role, enabled, created_at)"
                    + " values (?, ?, ?, 'ANNOTATOR', true, ?)", prefix + w, prefix + w, hash,
                    Timestamp.from(Instant.now()));
            Actor a = db.actor(prefix + w);
            db.setup.addMember(project, a.userId(), ProjectRole.ANNOTATOR);
            writers.add(a);
        }
        db.settle();
        // spans of three code points, one word apart; each phase uses its own stretch of the text. Every phase first
        // runs a round that is not timed (the JIT compiles its path, the pool fills), then waits for the background
        // work of the round (indexing) to finish, so that the timed round compares steady states and no phase pays
        // for the one before it.
        Save service = (w, op) -> annotations.createSpan(writers.get(w), slug, docs.get(w), 4 * op, 4 * op + 3,
                "CLAIM");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Save web = (w, op) -> {
            int start = 400 + 4 * op;
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/projects/" + slug + "/documents/" + docs.get(w) + "/spans"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((prefix + w + ":"
                            + TestUsers.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"start\":" + start + ",\"end\":" + (start + 3)
                            + ",\"label\":\"SOURCE\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new AssertionError(r.statusCode() + " " + r.body());
            }
        };
        Save plain = (w, op) -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "insert into span (document_id, user_id, label, start_cp, end_cp, created_at)"
                            + " values (?, ?, 'ATTRIBUTION', ?, ?, ?)")) {
                ps.setLong(1, docs.get(w));
                ps.setLong(2, writers.get(w).userId());
                ps.setInt(3, 1200 + 4 * op);
                ps.setInt(4, 1200 + 4 * op + 3);
                ps.setTimestamp(5, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
        };
        String read = "select p.id, m.role, d.length_cp, a.status from project p left join project_member m"
                + " on m.project_id = p.id and m.user_id = ? left join document d on d.id = ? and d.project_id = p.id"
                + " left join assignment a on a.document_id = d.id and a.user_id = ? where p.slug = ?";
        Save statements = (w, op) -> {
            long user = writers.get(w).userId();
            long doc = docs.get(w);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    try (PreparedStatement ps = c.prepareStatement(read)) {
                        ps.setLong(1, user);
                        ps.setLong(2, doc);
                        ps.setLong(3, user);
                        ps.setString(4, slug);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw new AssertionError("no project " + slug);
                            }
                        }
                    }
                    long span;
                    try (PreparedStatement ps = c.prepareStatement("insert into span (document_id, user_id, label,"
                            + " start_cp, end_cp, created_at) values (?, ?, 'SOURCE', ?, ?, ?)", new String[] {"id"})) {
                        ps.setLong(1, doc);
                        ps.setLong(2, user);
                        ps.setInt(3, 2400 + 4 * op);
                        ps.setInt(4, 2400 + 4 * op + 3);
                        ps.setTimestamp(5, Timestamp.from(Instant.now()));
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            span = keys.getLong(1);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("insert into audit_event (at, user_id, username,"
                            + " action, project_id, document_id, span_id, owner, after_json) values (?, ?, ?,"
                            + " 'span.create', ?, ?, ?, ?, ?)")) {
                        ps.setTimestamp(1, Timestamp.from(Instant.now()));
                        ps.setLong(2, user);
                        ps.setString(3, prefix + w);
                        ps.setLong(4, project);
                        ps.setLong(5, doc);
                        ps.setLong(6, span);
                        ps.setString(7, prefix + w);
                        ps.setString(8, "{\"start\":" + (2400 + 4 * op) + ",\"end\":" + (2403 + 4 * op)
                                + ",\"label\":\"SOURCE\",\"text\":\"abc\",\"attributes\":{}}");
                        ps.executeUpdate();
                    }
                    c.commit();
                } finally {
                    c.setAutoCommit(true);
                }
            }
        };
        // the three take turns, ROUNDS timed rounds each after an untimed one: a machine that is slower for a few
        // seconds (another process, the JIT, a collection) slows all alike
        run(perWriter, service);
        db.settle();
        run(perWriter, statements);
        db.settle();
        run(perWriter, plain);
        db.settle();
        List<Double> serviceMillis = new ArrayList<>();
        List<Double> statementsMillis = new ArrayList<>();
        List<Double> jdbcMillis = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            int first = round * perWriter;
            Latencies s = run(perWriter, (w, op) -> service.save(w, first + op));
            db.settle();
            Latencies t = run(perWriter, (w, op) -> statements.save(w, first + op));
            db.settle();
            Latencies j = run(perWriter, (w, op) -> plain.save(w, first + op));
            db.settle();
            System.out.printf("save span round %d: service p50 %.2f ms, the save's statements in plain JDBC p50 %.2f"
                    + " ms, plain JDBC insert p50 %.2f ms%n", round, s.p(50), t.p(50), j.p(50));
            serviceMillis.addAll(s.millis());
            statementsMillis.addAll(t.millis());
            jdbcMillis.addAll(j.millis());
        }
        Latencies serviceTimed = new Latencies(serviceMillis);
        Latencies statementsTimed = new Latencies(statementsMillis);
        Latencies jdbc = new Latencies(jdbcMillis);
        Latencies webTimed = afterWarmUp(perWriterHttp, web);
        String scale = BenchResults.scale();
        BenchResults.record(List.of(
                new BenchResults.Row("save span p50, service (50 writers)", scale, serviceTimed.p(50), jdbc.p(50), "ms",
                        null, serviceTimed.count() + " saves in " + ROUNDS + " rounds after an untimed one; baseline: plain JDBC"
                                + " insert, same pool, likewise, in turns with them"),
                new BenchResults.Row("save span p99, service (50 writers)", scale, serviceTimed.p(99), jdbc.p(99), "ms",
                        null, "goal p99 < 25 ms"),
                new BenchResults.Row("save span p50, its statements in plain JDBC (50 writers)", scale,
                        statementsTimed.p(50), jdbc.p(50), "ms", null, "read, span insert, audit insert, commit on one"
                                + " connection: what the database must do for a save; baseline: the plain insert"),
                new BenchResults.Row("save span p50, HTTP (50 writers)", scale, webTimed.p(50), jdbc.p(50), "ms", null,
                        webTimed.count() + " saves; Basic auth checks the BCrypt hash on every request"),
                new BenchResults.Row("save span p99, HTTP (50 writers)", scale, webTimed.p(99), jdbc.p(99), "ms", null,
                        "goal p99 < 25 ms")));
    }

    record Latencies(List<Double> millis) {
        int count() {
            return millis.size();
        }

        double p(int percentile) {
            List<Double> sorted = millis.stream().sorted().toList();
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
        }
    }

    /**
     * A round of {@code perWriter} saves per writer that is not timed, the background work it caused, then the timed
     * round (its saves numbered after the first round's, so that they touch other offsets).
     */
    Latencies afterWarmUp(int perWriter, Save save) throws Exception {
        run(perWriter, save);
        db.settle();
        Latencies timed = run(perWriter, (w, op) -> save.save(w, perWriter + op));
        db.settle();
        return timed;
    }

    /** Every writer on its own thread, all started together; returns each save's latency. */
    static Latencies run(int perWriter, Save save) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int op = 0; op < perWriter; op++) {
                        long t0 = System.nanoTime();
                        save.save(writer, op);
                        millis.add((System.nanoTime() - t0) / 1e6);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Latencies(List.copyOf(millis));
    }
}
