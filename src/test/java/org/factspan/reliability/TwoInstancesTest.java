package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.factspan.AppInstance;
import org.factspan.PostgresTestDatabase;
import org.factspan.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two app instances on one PostgreSQL (issue 14, decision 025), each its own process with its own search index: what
 * one instance learns through the other must hold at once. Login throttling counts failures on both, a user disabled
 * or a token revoked through A is refused by B, a span saved through A is found by B's search, and B's recommenders
 * retrain on it, and a claim saved through A is a claim candidate on B at its next request.
 */
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SLUG = TestUsers.SEED_PROJECT;

    Path work;
    AppInstance a;
    AppInstance b;

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @BeforeAll
    void startTwoInstancesOnOneDatabase() throws Exception {
        work = Files.createTempDirectory("factspan-two-instances");
        String url = PostgresTestDatabase.freshDatabase();
        // the first creates the schema, the users and the seed project
        a = AppInstance.start("a", work, url, "--factspan.search.retrain-delay=PT0.3S").awaitUp();
        b = AppInstance.start("b", work, url, "--factspan.search.retrain-delay=PT0.3S").awaitUp();
    }

    @AfterAll
    void stop() throws Exception {
        for (AppInstance i : new AppInstance[] {a, b}) {
            if (i != null) {
                i.close();
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

    @Test
    void aClaimSavedThroughOneInstanceIsAClaimCandidateOnTheOtherAtOnce() throws Exception {
        String alice = basic("alice", TestUsers.DEMO_PASSWORD);
        String carol = basic("carol", TestUsers.DEMO_PASSWORD);
        JsonNode documents = call(a, "GET", "/api/v1/projects/" + SLUG + "/documents", alice, null).json();
        long queryDoc = documents.get(3).get("id").asLong();
        long otherDoc = documents.get(4).get("id").asLong();
        String queryText = call(a, "GET", "/api/v1/projects/" + SLUG + "/documents/" + queryDoc + "/text", alice, null)
                .body();
        String otherText = call(a, "GET", "/api/v1/projects/" + SLUG + "/documents/" + otherDoc + "/text", alice, null)
                .body();
        // a name both articles use (not one of the words so common in this corpus that the suggester ignores them):
        // the claim on B's side and the candidate saved through A say the same thing
        java.util.Set<String> common = java.util.Set.of("kazakhstan", "kazakh", "russian", "president", "minister",
                "government", "police", "protests", "protesters", "officials", "military", "peacekeeping", "january");
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("\\p{Lu}\\p{L}{5,}").matcher(queryText);
        String word = null;
        int at = -1;
        while (word == null && words.find()) {
            java.util.regex.Matcher same = java.util.regex.Pattern.compile("\\b" + words.group() + "\\b")
                    .matcher(otherText);
            if (!common.contains(words.group().toLowerCase(java.util.Locale.ROOT)) && same.find()) {
                word = words.group();
                at = same.start();
            }
        }
        assertThat(word).as("the two articles share a long word").isNotNull();
        Answer query = call(a, "POST", "/api/v1/projects/" + SLUG + "/documents/" + queryDoc + "/spans", alice,
                spanJson(queryText, words.start(), words.end(), "CLAIM"));
        assertThat(query.status()).as(query.body()).isEqualTo(201);
        long queryId = query.json().get("id").asLong();
        String suggestions = "/api/v1/projects/" + SLUG + "/claims/suggestions?limit=100&span=" + queryId;
        Answer before = call(b, "GET", suggestions, carol, null);
        assertThat(before.status()).as(before.body()).isEqualTo(200);

        // (bob is locked out by the throttling test in this class: alice labels both)
        Answer candidate = call(a, "POST", "/api/v1/projects/" + SLUG + "/documents/" + otherDoc + "/spans", alice,
                spanJson(otherText, at, at + word.length(), "CLAIM"));
        assertThat(candidate.status()).as(candidate.body()).isEqualTo(201);
        long candidateId = candidate.json().get("id").asLong();
        assertThat(before.json().valueStream().map(s -> s.get("spanId").asLong()).toList()).doesNotContain(candidateId);
        // B computes candidates from the database on each request: the very next request sees the claim (no wait)
        Answer after = call(b, "GET", suggestions, carol, null);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(after.json().valueStream().map(s -> s.get("spanId").asLong()).toList()).as("candidates for %s",
                word).contains(candidateId);
    }

    /** A span over {@code [from, to)} UTF-16 units of {@code text}, sent as code points (the API's offsets). */
    private static String spanJson(String text, int from, int to, String label) {
        return "{\"start\": " + text.codePointCount(0, from) + ", \"end\": " + text.codePointCount(0, to)
                + ", \"label\": \"" + label + "\"}";
    }

    @Test
    void twoCuratorsOnTwoInstancesChangeTheSameGoldVersionAndExactlyOneChangePasses() throws Exception {
        String carol = basic("carol", TestUsers.DEMO_PASSWORD);
        String admin = basic("admin", TestUsers.ADMIN_PASSWORD);
        JsonNode documents = call(a, "GET", "/api/v1/projects/" + SLUG + "/documents", carol, null).json();
        String doc = "/api/v1/projects/" + SLUG + "/documents/" + documents.get(2).get("id").asLong();
        Answer opened = call(a, "POST", doc + "/curation", carol, null);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        long version = opened.json().get("version").asLong();
        int goldAtStart = opened.json().get("gold").size();

        for (int round = 0; round < 5; round++) {
            long v = version;
            int at = round * 20;
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var onA = two.submit(() -> {
                    together.await();
                    return call(a, "POST", doc + "/gold/spans?version=" + v, carol,
                            "{\"start\": " + at + ", \"end\": " + (at + 5) + ", \"label\": \"CLAIM\"}");
                });
                var onB = two.submit(() -> {
                    together.await();
                    return call(b, "POST", doc + "/gold/spans?version=" + v, admin,
                            "{\"start\": " + (at + 10) + ", \"end\": " + (at + 15) + ", \"label\": \"SOURCE\"}");
                });
                java.util.List<Integer> statuses = java.util.List.of(onA.get().status(), onB.get().status());
                assertThat(statuses).as("round %d: %s / %s", round, onA.get().body(), onB.get().body())
                        .containsExactlyInAnyOrder(201, 409);
            } finally {
                two.shutdownNow();
            }
            JsonNode now = call(b, "GET", doc + "/curation", admin, null).json();
            assertThat(now.get("version").asLong()).as("one change, one new version").isEqualTo(version + 1);
            assertThat(now.get("gold")).as("one gold span more per round").hasSize(goldAtStart + round + 1);
            version = now.get("version").asLong();
        }
    }

    /** When B's models were last trained (ISO instants compare as strings); empty before the first training. */
    private String trainedAt(AppInstance i, String auth) throws Exception {
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

    // ------------------------------------------------------------------ calls

    private Answer call(AppInstance i, String method, String path, String auth, String body)
            throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> response = i.call(method, path, auth, body);
        return new Answer(response.statusCode(), response.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
