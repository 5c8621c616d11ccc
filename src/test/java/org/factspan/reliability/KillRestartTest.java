package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.factspan.AppInstance;
import org.factspan.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing acknowledged is lost: the app runs as a separate process on an H2 file database, writers create
 * spans and attribution triples through the REST API, the process is killed with SIGKILL in the middle of
 * that, restarted on the same files, and every write that was answered 201 must still be there, and every
 * stored triple must point at stored spans. Several kill-restart cycles.
 */
@Tag("process")
class KillRestartTest {

    static final int CYCLES = 3;
    static final int WRITERS = 6;
    static final String SLUG = TestUsers.SEED_PROJECT;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int port;

    record Ack(String user, long document, String kind, long id) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Set<Ack> acknowledged = ConcurrentHashMap.newKeySet();
        int killedInFlight = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            AppInstance app = start();
            try {
                app.awaitUp();
                checkEverythingAcknowledgedIsThere(acknowledged);
                List<Long> documents = documents();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                int offset = cycle * 1000;
                for (int w = 0; w < WRITERS; w++) {
                    String user = w % 2 == 0 ? "alice" : "bob";
                    long doc = documents.get(w % documents.size());
                    int base = offset + (w / 2) * 300;
                    writers.submit(() -> write(user, doc, base, stop, acknowledged));
                }
                // let the load build up, then kill while requests are in flight
                int before = acknowledged.size();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> acknowledged.size() >= before + 30);
                app.kill(); // SIGKILL on Unix: no shutdown hook, no flush
                stop.set(true);
                writers.shutdown();
                writers.awaitTermination(30, TimeUnit.SECONDS);
                killedInFlight++;
                assertThat(acknowledged.size()).as("writes acknowledged before the kill").isGreaterThan(before);
            } finally {
                app.kill();
            }
        }
        AppInstance app = start();
        try {
            app.awaitUp();
            checkEverythingAcknowledgedIsThere(acknowledged);
        } finally {
            app.kill();
        }
        System.out.printf("kill-restart: %d SIGKILL cycles survived, %d acknowledged writes, 0 lost%n", killedInFlight,
                acknowledged.size());
    }

    /** Claim, source, then a triple linking them, again and again, until stopped or the server is gone. */
    private void write(String user, long doc, int base, AtomicBoolean stop, Set<Ack> acknowledged) {
        String spans = "/api/v1/projects/" + SLUG + "/documents/" + doc + "/spans";
        String triples = "/api/v1/projects/" + SLUG + "/documents/" + doc + "/attributions";
        for (int i = 0; !stop.get() && i < 90; i += 3) {
            try {
                int s = base + i;
                var claim = post(user, spans, "{\"start\":" + s + ",\"end\":" + (s + 2) + ",\"label\":\"CLAIM\"}");
                if (claim.statusCode() != 201) {
                    return;
                }
                long claimId = JSON.readTree(claim.body()).get("id").asLong();
                acknowledged.add(new Ack(user, doc, "span", claimId));
                var source = post(user, spans, "{\"start\":" + (s + 1) + ",\"end\":" + (s + 3)
                        + ",\"label\":\"SOURCE\"}");
                if (source.statusCode() != 201) {
                    return;
                }
                long sourceId = JSON.readTree(source.body()).get("id").asLong();
                acknowledged.add(new Ack(user, doc, "span", sourceId));
                var triple = post(user, triples, "{\"source\":" + sourceId + ",\"content\":" + claimId + "}");
                if (triple.statusCode() != 201) {
                    return;
                }
                acknowledged.add(new Ack(user, doc, "triple", JSON.readTree(triple.body()).get("id").asLong()));
            } catch (IOException | InterruptedException e) {
                return; // the server was killed: this write was never acknowledged
            }
        }
    }

    private void checkEverythingAcknowledgedIsThere(Set<Ack> acknowledged) throws Exception {
        Map<String, Set<Long>> present = new ConcurrentHashMap<>();
        Set<String> keys = new HashSet<>();
        for (Ack a : acknowledged) {
            keys.add(a.user() + "/" + a.document());
        }
        for (String key : keys) {
            String user = key.substring(0, key.indexOf('/'));
            long doc = Long.parseLong(key.substring(key.indexOf('/') + 1));
            String base = "/api/v1/projects/" + SLUG + "/documents/" + doc;
            Set<Long> spanIds = new HashSet<>();
            for (JsonNode s : JSON.readTree(get(user, base + "/spans").body())) {
                spanIds.add(s.get("id").asLong());
            }
            Set<Long> tripleIds = new HashSet<>();
            for (JsonNode t : JSON.readTree(get(user, base + "/attributions").body())) {
                tripleIds.add(t.get("id").asLong());
                // no half-written triple: whatever is stored points at stored spans
                assertThat(spanIds).contains(t.get("content").asLong());
                if (!t.get("source").isNull()) {
                    assertThat(spanIds).contains(t.get("source").asLong());
                }
            }
            present.put(key + "/span", spanIds);
            present.put(key + "/triple", tripleIds);
        }
        List<Ack> lost = new ArrayList<>();
        for (Ack a : acknowledged) {
            if (!present.get(a.user() + "/" + a.document() + "/" + a.kind()).contains(a.id())) {
                lost.add(a);
            }
        }
        assertThat(lost).as("acknowledged writes missing after restart").isEmpty();
    }

    /** The application on the H2 URL it ships with, its data folder under the test's; the same index each run. */
    private AppInstance start() throws IOException {
        AppInstance app = AppInstance.startOnDatabase("app", work,
                shippedDatabaseUrl().replace("./data/", work.resolve("data") + "/"));
        port = app.port();
        return app;
    }

    /** The H2 URL the app ships with (application.properties), so that its durability settings are tested. */
    static String shippedDatabaseUrl() throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = KillRestartTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        String value = p.getProperty("spring.datasource.url"); // ${FACTSPAN_DB_URL:jdbc:h2:file:./data/...}
        String url = value.substring(value.indexOf(':') + 1, value.length() - 1);
        assertThat(url).startsWith("jdbc:h2:file:./data/");
        return url;
    }

    private List<Long> documents() throws Exception {
        List<Long> ids = new ArrayList<>();
        HttpResponse<String> list = get("alice", "/api/v1/projects/" + SLUG + "/documents");
        assertThat(list.statusCode()).as("the seed project's documents: %s", list.body()).isEqualTo(200);
        for (JsonNode d : JSON.readTree(list.body())) {
            ids.add(d.get("id").asLong());
        }
        return ids;
    }

    private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String user, String path, String body) throws IOException, InterruptedException {
        return http.send(request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestUsers.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
