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
 * A span change reaches the search index even when the process dies right after acknowledging it: the app runs as its
 * own process on an H2 file and a search index on disk, alice labels words and the process is killed with SIGKILL
 * at once (the index had no chance to take them in or close cleanly); after the restart the index is rebuilt and
 * search finds every acknowledged span (decision 024).
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
    void acknowledgedSpansAreSearchableAfterSigkill() throws Exception {
        Map<String, Long> spans = new LinkedHashMap<>(); // word -> span id
        AppInstance app = start();
        try {
            app.awaitUp();
            JsonNode doc = JSON.readTree(get("/api/v1/projects/" + SLUG + "/documents")).get(0);
            long documentId = doc.get("id").asLong();
            String text = get("/api/v1/projects/" + SLUG + "/documents/" + documentId + "/text");
            Matcher words = Pattern.compile("\\b[A-Za-z]{7,}\\b").matcher(text);
            while (words.find() && spans.size() < 12) {
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
            assertThat(spans).hasSizeGreaterThan(5);
            app.kill(); // SIGKILL on Unix, right after the last acknowledgement
        } finally {
            app.kill();
        }

        AppInstance again = start();
        try {
            again.awaitUp();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                for (Map.Entry<String, Long> span : spans.entrySet()) {
                    String hits = get("/api/v1/projects/" + SLUG + "/search?kind=span&label=SOURCE&q="
                            + URLEncoder.encode(span.getKey(), StandardCharsets.UTF_8));
                    assertThat(JSON.readTree(hits).get("hits").valueStream().map(h -> h.get("spanId").asLong()))
                            .as("search for %s after the restart", span.getKey()).contains(span.getValue());
                }
            });
            assertThat(Files.readString(again.log()))
                    .contains("The search index is rebuilt: it was not closed cleanly");
        } finally {
            again.kill();
        }
    }

    /** The application on the H2 URL it ships with, under the test's folder; a restart finds the same index. */
    private AppInstance start() throws IOException {
        AppInstance app = AppInstance.startOnDatabase("app", work,
                KillRestartTest.shippedDatabaseUrl().replace("./data/", work.resolve("data") + "/"));
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
