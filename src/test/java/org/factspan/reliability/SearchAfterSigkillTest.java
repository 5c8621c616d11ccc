package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factspan.AppInstance;
import org.factspan.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A span change reaches the search index even when the process dies right after acknowledging it, and the index is not
 * rebuilt for it: the app runs as its own process on an H2 file and a search index on disk, alice labels words and the
 * process is killed with SIGKILL at once (the index had no chance to take them in, commit or close cleanly). Each
 * Lucene commit records the audit event up to which it holds every change; after the restart the index catches up from
 * there through the audit trail (the durable event log) and search finds every acknowledged span. When the database
 * moved on by more documents than a catch-up re-indexes, the restart still rebuilds (decision 024).
 */
@Tag("process")
class SearchAfterSigkillTest {

    static final String SLUG = TestUsers.SEED_PROJECT;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int port;

    @Test
    void acknowledgedSpansAreSearchableAfterSigkillAndTheIndexCatchesUpInsteadOfRebuilding() throws Exception {
        Map<String, Long> spans = new LinkedHashMap<>(); // word -> span id
        AppInstance app = start();
        try {
            app.awaitUp();
            awaitIndexBuilt();
            spans.putAll(labelWords(12));
            assertThat(spans).hasSizeGreaterThan(5);
            app.kill(); // SIGKILL on Unix, right after the last acknowledgement
        } finally {
            app.kill();
        }

        AppInstance again = start();
        try {
            again.awaitUp();
            awaitFound(spans);
            String log = Files.readString(again.log());
            assertThat(log).as("the restart's log").contains("The search index catches up with")
                    .contains("it was not closed cleanly").doesNotContain("The search index is rebuilt")
                    .doesNotContain("Search index built");
            assertThat(atStart()).startsWith("caught up ");
            printFigures("after SIGKILL, caught up", again);
        } finally {
            again.kill();
        }
    }

    @Test
    void anIndexFurtherBehindThanACatchUpIsStillRebuiltAfterSigkill() throws Exception {
        Map<String, Long> spans = new LinkedHashMap<>();
        AppInstance app = start();
        try {
            app.awaitUp();
            awaitIndexBuilt();
            long built = searchIndexDetails().path("auditEvent").asLong();
            spans.putAll(labelWords(3));
            // the position moves on as the change feed's events reach the index (what the next commit records)
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(searchIndexDetails().path("auditEvent").asLong()).isGreaterThanOrEqualTo(built + 3));
            app.kill();
        } finally {
            app.kill();
        }
        // while it is down, another instance changes more documents than a catch-up re-indexes one by one
        try (Connection db = DriverManager.getConnection(databaseUrl(), "sa", "")) {
            var project = db.createStatement().executeQuery("select id from project where slug = '" + SLUG + "'");
            project.next();
            var insert = db.prepareStatement("insert into audit_event (at, username, action, project_id, document_id)"
                    + " values (current_timestamp, 'elsewhere', 'span.create', ?, ?)");
            for (int i = 1; i <= 1_001; i++) { // SearchIndexer.CATCH_UP_DOCUMENTS + 1
                insert.setLong(1, project.getLong(1));
                insert.setLong(2, 1_000_000 + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }

        AppInstance again = start();
        try {
            again.awaitUp();
            awaitFound(spans);
            assertThat(Files.readString(again.log())).as("the restart's log")
                    .contains("The search index is rebuilt: it was not closed cleanly and the database changed")
                    .containsPattern("in \\d{4,} documents").contains("Search index built")
                    .doesNotContain("The search index catches up");
            assertThat(atStart()).startsWith("rebuilt: ");
            printFigures("after SIGKILL, far behind", again);
        } finally {
            again.kill();
        }
    }

    /** Waits until the index built at the first start is committed (its health names the audit event it is at). */
    private void awaitIndexBuilt() throws IOException, InterruptedException {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode details = searchIndexDetails();
            assertThat(details.path("atStart").asString("")).startsWith("rebuilt: there is none");
            assertThat(details.has("auditEvent")).isTrue();
        });
        // a search waits for the indexer to be idle: the build and its commit are done
        get("/api/v1/projects/" + SLUG + "/search?q=the");
    }

    /** Labels up to {@code count} different words of the first document SOURCE; word to span id, as acknowledged. */
    private Map<String, Long> labelWords(int count) throws Exception {
        Map<String, Long> spans = new LinkedHashMap<>();
        JsonNode doc = JSON.readTree(get("/api/v1/projects/" + SLUG + "/documents")).get(0);
        long documentId = doc.get("id").asLong();
        String text = get("/api/v1/projects/" + SLUG + "/documents/" + documentId + "/text");
        Matcher words = Pattern.compile("\\b[A-Za-z]{7,}\\b").matcher(text);
        while (words.find() && spans.size() < count) {
            String word = words.group();
            if (spans.containsKey(word)) {
                continue;
            }
            int start = text.codePointCount(0, words.start());
            HttpResponse<String> created = post("/api/v1/projects/" + SLUG + "/documents/" + documentId
                    + "/spans", "{\"start\":" + start + ",\"end\":" + (start + word.length())
                            + ",\"label\":\"SOURCE\"}");
            if (created.statusCode() == 201) {
                spans.put(word, JSON.readTree(created.body()).get("id").asLong());
            }
        }
        return spans;
    }

    private void awaitFound(Map<String, Long> spans) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Map.Entry<String, Long> span : spans.entrySet()) {
                String hits = get("/api/v1/projects/" + SLUG + "/search?kind=span&label=SOURCE&q="
                        + URLEncoder.encode(span.getKey(), StandardCharsets.UTF_8));
                assertThat(JSON.readTree(hits).get("hits").valueStream().map(h -> h.get("spanId").asLong()))
                        .as("search for %s after the restart", span.getKey()).contains(span.getValue());
            }
        });
    }

    /** Prints the restart's figures (start time, how the index was brought up to date and how long it took). */
    private static void printFigures(String test, AppInstance app) throws IOException {
        try (var lines = Files.lines(app.log())) {
            lines.filter(l -> l.contains("Started Application in") || l.contains("The search index")
                    || l.contains("Search index built")).map(l -> test + ": " + l.substring(Math.max(0,
                            l.indexOf(" : ") + 3))).forEach(System.out::println);
        }
    }

    /** How the running instance brought its index up to date at start (health detail, admins only). */
    private String atStart() throws IOException, InterruptedException {
        return searchIndexDetails().path("atStart").asString("");
    }

    private JsonNode searchIndexDetails() throws IOException, InterruptedException {
        HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health")).timeout(Duration.ofSeconds(30)).header("Authorization", AppInstance.basic("admin",
                        TestUsers.ADMIN_PASSWORD)).GET().build());
        return JSON.readTree(health.body()).path("components").path("searchIndex").path("details");
    }

    private String databaseUrl() throws IOException {
        return KillRestartTest.shippedDatabaseUrl().replace("./data/", work.resolve("data") + "/");
    }

    /** The application on the H2 URL it ships with, under the test's folder; a restart finds the same index. */
    private AppInstance start() throws IOException {
        AppInstance app = AppInstance.startOnDatabase("app", work, databaseUrl());
        port = app.port();
        return app;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path).GET().build());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("alice:" + TestUsers.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
