package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.factspan.PostgresTestDatabase;
import org.factspan.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two app instances on one PostgreSQL (issue 14, decision 025), each its own process with its own search index: what
 * one instance learns through the other must hold at once. Login throttling counts failures on both, a user disabled
 * or a token revoked through A is refused by B, a span saved through A is found by B's search, and B's recommenders
 * retrain on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SLUG = TestUsers.SEED_PROJECT;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<Process> processes = new ArrayList<>();
    Path work;
    Instance a;
    Instance b;

    record Instance(int port, Process process, Path log) {
    }

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @BeforeAll
    void startTwoInstancesOnOneDatabase() throws Exception {
        work = Files.createTempDirectory("factspan-two-instances");
        String url = PostgresTestDatabase.freshDatabase();
        a = start("a", url); // the first creates the schema, the users and the seed project
        waitUntilUp(a);
        b = start("b", url);
        waitUntilUp(b);
    }

    @AfterAll
    void stop() throws Exception {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void failedLoginsCountOnBothInstances() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call(a, "GET", "/api/v1/me", basic("bob", "wrong-password-" + i), null).status()).isEqualTo(401);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(call(b, "GET", "/api/v1/me", basic("bob", "wrong-password-" + i), null).status()).isEqualTo(401);
        }
        // five failures in all: bob is locked on both, his right password included
        Answer onA = call(a, "GET", "/api/v1/me", basic("bob", TestUsers.DEMO_PASSWORD), null);
        Answer onB = call(b, "GET", "/api/v1/me", basic("bob", TestUsers.DEMO_PASSWORD), null);
        assertThat(onA.status()).as(onA.body()).isEqualTo(429);
        assertThat(onB.status()).as(onB.body()).isEqualTo(429);
    }

    @Test
    void aUserDisabledOrATokenRevokedThroughOneInstanceIsRefusedByTheOther() throws Exception {
        String admin = basic("admin", TestUsers.ADMIN_PASSWORD);
        assertThat(call(a, "POST", "/api/v1/users", admin, """
                {"username": "erin", "displayName": "Erin", "password": "erin-secret-12", "role": "ANNOTATOR"}""")
                .status()).isEqualTo(201);
        String erin = basic("erin", "erin-secret-12");
        String first = call(a, "POST", "/api/v1/me/tokens", erin, "{\"name\": \"script 1\"}").json().get("token")
                .asString();
        Answer second = call(a, "POST", "/api/v1/me/tokens", erin, "{\"name\": \"script 2\"}");
        String secondToken = second.json().get("token").asString();
        long secondId = second.json().get("info").get("id").asLong();
        assertThat(call(b, "GET", "/api/v1/me", bearer(first), null).status()).isEqualTo(200);
        assertThat(call(b, "GET", "/api/v1/me", bearer(secondToken), null).status()).isEqualTo(200);

        // revoked on A: refused by B at once
        assertThat(call(a, "DELETE", "/api/v1/me/tokens/" + secondId, erin, null).status()).isEqualTo(204);
        assertThat(call(b, "GET", "/api/v1/me", bearer(secondToken), null).status()).isEqualTo(401);
        assertThat(call(b, "GET", "/api/v1/me", bearer(first), null).status()).isEqualTo(200);

        // disabled on A: B refuses her password and her token the next moment
        assertThat(call(a, "PATCH", "/api/v1/users/erin", admin, "{\"enabled\": false}").status()).isEqualTo(200);
        assertThat(call(b, "GET", "/api/v1/me", bearer(first), null).status()).isEqualTo(401);
        assertThat(call(b, "GET", "/api/v1/me", erin, null).status()).isEqualTo(401);
    }

    @Test
    void aSpanSavedThroughOneInstanceIsSearchedAndLearntFromOnTheOther() throws Exception {
        String alice = basic("alice", TestUsers.DEMO_PASSWORD);
        JsonNode documents = call(a, "GET", "/api/v1/projects/" + SLUG + "/documents", alice, null).json();
        long doc = documents.get(0).get("id").asLong();
        long other = documents.get(1).get("id").asLong();
        // B trains its recommenders now (the first suggestions ask for it)
        assertThat(call(b, "GET", "/api/v1/projects/" + SLUG + "/documents/" + other + "/suggestions", alice, null)
                .status()).isEqualTo(200);
        String before = trainedAt(b, alice);
        assertThat(before).as("B trained its models").isNotEmpty();

        String text = call(a, "GET", "/api/v1/projects/" + SLUG + "/documents/" + doc + "/text", alice, null).body();
        int start = text.indexOf(' ') + 1;
        int end = text.indexOf(' ', start);
        String word = text.substring(start, end);
        Answer span = call(a, "POST", "/api/v1/projects/" + SLUG + "/documents/" + doc + "/spans", alice,
                "{\"start\": " + start + ", \"end\": " + end + ", \"label\": \"CLAIM\"}");
        assertThat(span.status()).as(span.body()).isEqualTo(201);
        long spanId = span.json().get("id").asLong();

        // B's search finds it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Answer hits = call(b, "GET", "/api/v1/projects/" + SLUG + "/search?kind=span&label=CLAIM&annotator=alice&q="
                    + java.net.URLEncoder.encode(word.replaceAll("[^\\p{L}\\p{N}]", ""), StandardCharsets.UTF_8),
                    alice, null);
            assertThat(hits.status()).as(hits.body()).isEqualTo(200);
            assertThat(hits.json().get("hits").valueStream().map(h -> h.get("spanId").asLong()).toList())
                    .contains(spanId);
        });
        // B's recommenders learnt from it: the change feed told B, not a rebuild
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(trainedAt(b, alice))
                .isGreaterThan(before));
    }

    /** When B's models were last trained (ISO instants compare as strings); empty before the first training. */
    private String trainedAt(Instance i, String auth) throws Exception {
        Answer answer = call(i, "GET", "/api/v1/projects/" + SLUG + "/recommenders", auth, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String latest = "";
        for (JsonNode r : answer.json()) {
            JsonNode at = r.get("trainedAt");
            if (at != null && !at.isNull() && at.asString().compareTo(latest) > 0) {
                latest = at.asString();
            }
        }
        return latest;
    }

    // ------------------------------------------------------------------ processes and calls

    private Instance start(String name, String url) throws IOException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = work.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.factspan.Application", "--server.port=" + port, "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--factspan.search.index-dir=" + work.resolve(name + "-index"),
                "--factspan.search.retrain-delay=PT0.3S", "--factspan.backup-dir=" + work.resolve(name + "-backups"),
                "--factspan.admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--factspan.demo-password=" + TestUsers.DEMO_PASSWORD, "--vaadin.devmode.devTools.enabled=false",
                "--vaadin.launch-browser=false", "--vaadin.devmode.usageStatistics.enabled=false")
                .directory(Path.of(System.getProperty("user.dir")).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("FACTSPAN_DB_URL");
        Process p = pb.start();
        processes.add(p);
        return new Instance(port, p, log);
    }

    private void waitUntilUp(Instance i) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(i.process().isAlive()).as("instance on port %d is running; its log: %s", i.port(),
                    i.log()).isTrue();
            try {
                if (call(i, "GET", "/api/v1/projects", basic("admin", TestUsers.ADMIN_PASSWORD), null).status()
                        == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the instance on port " + i.port() + " did not come up; log: " + i.log());
    }

    private Answer call(Instance i, String method, String path, String auth, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + i.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", auth);
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
