package org.factspan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.factspan.AppInstance;
import org.factspan.NginxProxy;
import org.factspan.PostgresTestDatabase;
import org.factspan.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load a team puts on a multi-instance setup (issue 14): simulated annotators, each with a personal API token,
 * create, relabel, link and delete spans on the seed documents while two curators change the gold standard of one
 * document, for a fixed time (quick: 20 annotators, 15 s; full: 200 annotators, 60 s; loopback only, it stops by
 * itself). Run twice: through nginx ({@code deploy/nginx.conf}) to two instances on one PostgreSQL, and directly to one
 * instance on H2. Afterwards every acknowledged write is checked against what the database holds; a lost write or a
 * 5xx answer fails the job. Save latency (a span create, as the annotator's script sees it) p50 and p99.
 */
class LoadBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SLUG = TestUsers.SEED_PROJECT;
    static final String[] LABELS = {"CLAIM", "SOURCE", "ATTRIBUTION"};

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** What one run measured. */
    record Outcome(double p50, double p99, int saves, int operations, int conflicts, int serverErrors, int lost,
            int goldChanges, int goldConflicts) {
    }

    @Test
    void annotatorsAndCuratorsOnTwoInstancesBehindNginxAndOnOneH2Instance() throws Exception {
        int annotators = BenchResults.full() ? 200 : 20;
        Duration duration = Duration.ofSeconds(BenchResults.full() ? 60 : 15);
        Outcome two;
        Path work = Files.createTempDirectory("factspan-load");
        String url = PostgresTestDatabase.freshDatabase();
        try (AppInstance a = AppInstance.start("a", work, url).awaitUp();
                AppInstance b = AppInstance.start("b", work, url).awaitUp();
                NginxProxy proxy = NginxProxy.start(work, a, b)) {
            two = run(proxy.url(""), annotators, duration);
        }
        Outcome one;
        Path single = Files.createTempDirectory("factspan-load-h2");
        try (AppInstance h2 = AppInstance.startOnH2("h2", single).awaitUp()) {
            one = run("http://localhost:" + h2.port(), annotators, duration);
        }
        String scale = BenchResults.scale();
        String who = annotators + " annotators (tokens), 2 curators, " + duration.toSeconds() + " s";
        BenchResults.record(List.of(
                new BenchResults.Row("load: save p50, nginx + 2 instances + PostgreSQL", scale, two.p50(), one.p50(),
                        "ms", null, who + "; baseline: the same run on one instance with H2; " + two.saves()
                                + " saves of " + two.operations() + " operations (H2: " + one.saves() + " of "
                                + one.operations() + ")"),
                new BenchResults.Row("load: save p99, nginx + 2 instances + PostgreSQL", scale, two.p99(), one.p99(),
                        "ms", null, "baseline: one instance with H2"),
                new BenchResults.Row("load: lost acknowledged writes + 5xx answers", scale,
                        two.lost() + two.serverErrors(), (double) one.lost() + one.serverErrors(), "count", null,
                        "checked against the database after the run; 409s expected: " + two.conflicts()
                                + " (H2 " + one.conflicts() + "); gold changes " + two.goldChanges() + ", refused as"
                                + " stale " + two.goldConflicts())));
        for (Outcome o : List.of(two, one)) {
            if (o.lost() > 0 || o.serverErrors() > 0) {
                throw new AssertionError("The load run lost " + o.lost() + " acknowledged writes and got "
                        + o.serverErrors() + " 5xx answers: " + o);
            }
        }
    }

    // ------------------------------------------------------------------ one run

    /** A span an annotator's script saw acknowledged, with its last acknowledged label. */
    record Known(long document, long id, String label) {
    }

    Outcome run(String base, int annotators, Duration duration) throws Exception {
        String admin = bearer(mintToken(base, "admin", TestUsers.ADMIN_PASSWORD));
        JsonNode documents = json(call(base, "GET", "/api/v1/projects/" + SLUG + "/documents", admin, null));
        List<long[]> docs = new ArrayList<>(); // id, length
        documents.forEach(d -> docs.add(new long[] {d.get("id").asLong(), d.get("length").asLong()}));

        // the team: annotators with tokens, free to work on every document (the seed's assignments are removed: a
        // project without assignments lets every member annotate every document); a second curator beside carol
        for (JsonNode as : json(call(base, "GET", "/api/v1/projects/" + SLUG + "/assignments", admin, null))) {
            expect(call(base, "DELETE", "/api/v1/projects/" + SLUG + "/documents/" + as.get("documentId").asLong()
                    + "/assignees/" + as.get("username").asString(), admin, null), 204);
        }
        ExecutorService setup = Executors.newFixedThreadPool(4);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < annotators; i++) {
            String name = "load" + i;
            tokens.add(setup.submit(() -> {
                addUser(base, admin, name, "ANNOTATOR");
                return bearer(mintToken(base, name, "load-password-" + name));
            }));
        }
        addUser(base, admin, "dave", "CURATOR");
        List<String> curatorTokens = List.of(bearer(mintToken(base, "carol", TestUsers.DEMO_PASSWORD)),
                bearer(mintToken(base, "dave", "load-password-dave")));
        List<String> annotatorTokens = new ArrayList<>();
        for (Future<String> f : tokens) {
            annotatorTokens.add(f.get());
        }
        setup.shutdown();
        String goldDoc = "/api/v1/projects/" + SLUG + "/documents/" + docs.get(docs.size() - 1)[0];
        expect(call(base, "POST", goldDoc + "/curation", curatorTokens.get(0), null), 200);

        List<Double> saveMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger operations = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger goldChanges = new AtomicInteger();
        AtomicInteger goldConflicts = new AtomicInteger();
        Map<String, Map<Long, Known>> known = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + duration.toNanos();

        try (ExecutorService team = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < annotators; i++) {
                String token = annotatorTokens.get(i);
                Map<Long, Known> mine = new HashMap<>();
                known.put(token, mine);
                work.add(team.submit(() -> {
                    annotate(base, token, docs, mine, deadline, saveMillis, operations, conflicts, serverErrors);
                    return null;
                }));
            }
            for (String curator : curatorTokens) {
                work.add(team.submit(() -> {
                    curate(base, curator, goldDoc, docs.get(docs.size() - 1)[1], deadline, goldChanges, goldConflicts,
                            serverErrors);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }

        // every acknowledged span is there with its last label; nothing deleted came back
        int lost = 0;
        for (var entry : known.entrySet()) {
            Map<Long, Known> expected = entry.getValue();
            for (long[] d : docs) {
                Map<Long, String> stored = new HashMap<>();
                json(call(base, "GET", "/api/v1/projects/" + SLUG + "/documents/" + d[0] + "/spans", entry.getKey(),
                        null)).forEach(s -> stored.put(s.get("id").asLong(), s.get("label").asString()));
                for (Known k : expected.values()) {
                    if (k.document() == d[0] && !k.label().equals(stored.get(k.id()))) {
                        lost++;
                    }
                }
                for (Long id : stored.keySet()) {
                    if (!expected.containsKey(id)) {
                        lost++; // a span nobody saw acknowledged, or one acknowledged as deleted
                    }
                }
            }
        }
        List<Double> sorted = saveMillis.stream().sorted().toList();
        return new Outcome(percentile(sorted, 50), percentile(sorted, 99), sorted.size(), operations.get(),
                conflicts.get(), serverErrors.get(), lost, goldChanges.get(), goldConflicts.get());
    }

    /** One annotator's script: mostly new spans, some relabels, links and deletes, until the deadline. */
    void annotate(String base, String token, List<long[]> docs, Map<Long, Known> mine, long deadline,
            List<Double> saveMillis, AtomicInteger operations, AtomicInteger conflicts, AtomicInteger serverErrors)
            throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
            long[] doc = docs.get(random.nextInt(docs.size()));
            String spans = "/api/v1/projects/" + SLUG + "/documents/" + doc[0] + "/spans";
            List<Known> here = mine.values().stream().filter(k -> k.document() == doc[0]).toList();
            int dice = random.nextInt(10);
            HttpResponse<String> r;
            if (dice < 6 || here.size() < 2) {
                int start = random.nextInt((int) doc[1] - 12);
                String label = LABELS[random.nextInt(LABELS.length)];
                long t0 = System.nanoTime();
                r = call(base, "POST", spans, token, "{\"start\": " + start + ", \"end\": " + (start + 1
                        + random.nextInt(10)) + ", \"label\": \"" + label + "\"}");
                if (r.statusCode() == 201) {
                    saveMillis.add((System.nanoTime() - t0) / 1e6);
                    long id = json(r).get("id").asLong();
                    mine.put(id, new Known(doc[0], id, label));
                }
            } else if (dice < 8) {
                Known k = here.get(random.nextInt(here.size()));
                String label = LABELS[random.nextInt(LABELS.length)];
                r = call(base, "PATCH", spans + "/" + k.id(), token, "{\"label\": \"" + label + "\"}");
                if (r.statusCode() == 200) {
                    mine.put(k.id(), new Known(k.document(), k.id(), label));
                }
            } else if (dice < 9 && here.stream().anyMatch(k -> k.label().equals("SOURCE"))
                    && here.stream().anyMatch(k -> k.label().equals("CLAIM"))) {
                List<Known> sources = here.stream().filter(k -> k.label().equals("SOURCE")).toList();
                List<Known> claims = here.stream().filter(k -> k.label().equals("CLAIM")).toList();
                Known source = sources.get(random.nextInt(sources.size()));
                Known content = claims.get(random.nextInt(claims.size()));
                r = call(base, "POST", "/api/v1/projects/" + SLUG + "/documents/" + doc[0] + "/attributions", token,
                        "{\"source\": " + source.id() + ", \"cue\": null, \"content\": " + content.id() + "}");
            } else {
                Known k = here.get(random.nextInt(here.size()));
                r = call(base, "DELETE", spans + "/" + k.id(), token, null);
                if (r.statusCode() == 204 || r.statusCode() == 200) {
                    mine.remove(k.id());
                }
            }
            operations.incrementAndGet();
            count(r, conflicts, serverErrors);
        }
    }

    /** A curator adds gold spans on one document against the version they last read; a stale version is a 409. */
    void curate(String base, String token, String goldDoc, long length, long deadline, AtomicInteger changes,
            AtomicInteger stale, AtomicInteger serverErrors) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> read = call(base, "GET", goldDoc + "/curation", token, null);
            count(read, stale, serverErrors);
            if (read.statusCode() != 200) {
                continue;
            }
            long version = json(read).get("version").asLong();
            int start = random.nextInt((int) length - 4);
            HttpResponse<String> r = call(base, "POST", goldDoc + "/gold/spans?version=" + version, token,
                    "{\"start\": " + start + ", \"end\": " + (start + 3) + ", \"label\": \"CLAIM\"}");
            if (r.statusCode() == 201) {
                changes.incrementAndGet();
            } else if (r.statusCode() == 409) {
                stale.incrementAndGet();
            } else {
                count(r, new AtomicInteger(), serverErrors);
            }
        }
    }

    // ------------------------------------------------------------------ calls

    private static void count(HttpResponse<String> r, AtomicInteger conflicts, AtomicInteger serverErrors) {
        if (r.statusCode() >= 500) {
            serverErrors.incrementAndGet();
            System.err.println("load: " + r.statusCode() + " " + r.request().method() + " " + r.request().uri()
                    + " " + r.body());
        } else if (r.statusCode() == 409 || r.statusCode() == 404) {
            conflicts.incrementAndGet(); // a duplicate span, a link to a span just deleted: expected under load
        }
    }

    private void addUser(String base, String admin, String name, String role) throws Exception {
        expect(call(base, "POST", "/api/v1/users", admin, "{\"username\": \"" + name + "\", \"displayName\": \""
                + name + "\", \"password\": \"load-password-" + name + "\", \"role\": \"ANNOTATOR\"}"), 201);
        expect(call(base, "PUT", "/api/v1/projects/" + SLUG + "/members/" + name, admin,
                "{\"role\": \"" + role + "\"}"), 200);
    }

    private String mintToken(String base, String user, String password) throws Exception {
        HttpResponse<String> r = call(base, "POST", "/api/v1/me/tokens", AppInstance.basic(user, password),
                "{\"name\": \"load\"}");
        expect(r, 201, 200);
        return json(r).get("token").asString();
    }

    private HttpResponse<String> call(String base, String method, String path, String authorization, String body)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization);
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int... statuses) {
        for (int s : statuses) {
            if (r.statusCode() == s) {
                return;
            }
        }
        throw new AssertionError(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode() + ": "
                + r.body());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }
}
