package org.factspan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API over real HTTP: authentication, permissions, offsets, JSON errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestApiTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    Reply call(String method, String path, String user, String password, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    Reply as(String user, String method, String path, String body) throws Exception {
        return call(method, path, user, user.equals("admin") ? TestUsers.ADMIN_PASSWORD : TestUsers.DEMO_PASSWORD, body);
    }

    String docs() {
        return "/api/v1/projects/" + TestUsers.SEED_PROJECT + "/documents";
    }

    long firstDocumentId() throws Exception {
        return as("alice", "GET", docs(), null).json().get(0).get("id").asLong();
    }

    @Test
    void withoutValidCredentialsTheAnswerIs401AsJson() throws Exception {
        for (Reply reply : List.of(call("GET", "/api/v1/projects", null, null, null),
                call("GET", "/api/v1/projects", "alice", "wrong-password", null),
                call("GET", "/api/v1/projects", "nobody", "whatever1", null))) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(reply.json().get("message").asString()).contains("credentials");
        }
    }

    @Test
    void projectsListSlugNameAndCounts() throws Exception {
        JsonNode projects = as("alice", "GET", "/api/v1/projects", null).json();
        assertThat(projects).hasSize(1);
        assertThat(projects.get(0).get("slug").asString()).isEqualTo(TestUsers.SEED_PROJECT);
        assertThat(projects.get(0).get("name").asString()).isEqualTo("Kazakhstan unrest, January 2022");
        assertThat(projects.get(0).get("documents").asInt()).isEqualTo(5);
        assertThat(projects.get(0).has("mySpans")).isTrue();
    }

    @Test
    void documentsCarryLengthInCodePointsShaAndMetadata() throws Exception {
        JsonNode documents = as("bob", "GET", docs(), null).json();
        assertThat(documents).hasSize(5);
        JsonNode first = documents.get(0);
        String text = Files.readString(Path.of("seeds", first.get("name").asString()), StandardCharsets.UTF_8);
        assertThat(first.get("length").asInt()).isEqualTo(text.codePointCount(0, text.length()));
        assertThat(first.get("sha256").asString()).isEqualTo(org.factspan.corpus.ProjectSetupService.sha256(text));
        assertThat(first.get("meta").get("outlet").asString()).isEqualTo("The Moscow Times");
        assertThat(first.get("title").asString()).isEqualTo("Russia-led Alliance to Send Forces to Unrest-Hit Kazakhstan");
    }

    @Test
    void textIsTheExactUtf8Text() throws Exception {
        for (JsonNode doc : as("alice", "GET", docs(), null).json()) {
            Reply reply = as("alice", "GET", docs() + "/" + doc.get("id").asLong() + "/text", null);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).isEqualToIgnoringCase("text/plain;charset=UTF-8");
            assertThat(reply.body()).isEqualTo(Files.readString(Path.of("seeds", doc.get("name").asString())));
        }
    }

    @Test
    void spansAreCreatedListedAndDeletedPerCaller() throws Exception {
        long doc = firstDocumentId();
        String spans = docs() + "/" + doc + "/spans";
        Reply created = as("alice", "POST", spans, "{\"start\": 2, \"end\": 13, \"label\": \"CLAIM\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode span = created.json();
        assertThat(span.get("text").asString()).isEqualTo("Russia-led ");
        assertThat(span.get("start").asInt()).isEqualTo(2);
        assertThat(span.get("end").asInt()).isEqualTo(13);
        long id = span.get("id").asLong();

        assertThat(as("alice", "GET", spans, null).json()).anySatisfy(s -> assertThat(s.get("id").asLong()).isEqualTo(id));
        assertThat(as("bob", "GET", spans, null).json()).noneSatisfy(s -> assertThat(s.get("id").asLong()).isEqualTo(id));

        Reply bobDeletes = as("bob", "DELETE", spans + "/" + id, null);
        assertThat(bobDeletes.status()).isEqualTo(403);
        assertThat(bobDeletes.json().get("message").asString()).contains("another annotator");

        assertThat(as("alice", "DELETE", spans + "/" + id, null).status()).isEqualTo(204);
        assertThat(as("alice", "GET", spans, null).json()).noneSatisfy(s -> assertThat(s.get("id").asLong()).isEqualTo(id));
        assertThat(as("alice", "DELETE", spans + "/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void badInputGetsA4xxWithAMessage() throws Exception {
        String spans = docs() + "/" + firstDocumentId() + "/spans";
        Map<String, Integer> cases = Map.of(
                "{\"start\": 5, \"end\": 5, \"label\": \"CLAIM\"}", 400,
                "{\"start\": -3, \"end\": 5, \"label\": \"CLAIM\"}", 400,
                "{\"start\": 0, \"end\": 99999999, \"label\": \"CLAIM\"}", 400,
                "{\"start\": 0, \"end\": 5, \"label\": \"NOPE\"}", 400,
                "{\"start\": 0, \"label\": \"CLAIM\"}", 400,
                "{\"start\": \"zero\", \"end\": 5, \"label\": \"CLAIM\"}", 400,
                "{not json", 400);
        int before = as("alice", "GET", spans, null).json().size();
        for (var c : cases.entrySet()) {
            Reply reply = as("alice", "POST", spans, c.getKey());
            assertThat(reply.status()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(reply.json().get("message").asString()).as(c.getKey()).isNotBlank();
        }
        assertThat(as("alice", "GET", spans, null).json()).hasSize(before);
        assertThat(as("alice", "GET", docs() + "/999999/spans", null).status()).isEqualTo(404);
        assertThat(as("alice", "GET", "/api/v1/projects/no-such-project/documents", null).status()).isEqualTo(404);
        assertThat(as("alice", "GET", docs() + "/abc/text", null).status()).isEqualTo(400);
    }

    @Test
    void aProjectTheCallerIsNotInIsForbidden(@org.springframework.beans.factory.annotation.Autowired TestData data)
            throws Exception {
        String slug = "private-" + System.nanoTime();
        long doc = data.project(slug).name("Private").labels(TestData.claimOnly())
                .document("p.txt", "Private text said nothing.").build().document("p.txt");
        Reply reply = as("alice", "GET", "/api/v1/projects/" + slug + "/documents", null);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("message").asString()).contains("not a member");
        assertThat(as("alice", "POST", "/api/v1/projects/" + slug + "/documents/" + doc + "/spans",
                "{\"start\": 0, \"end\": 7, \"label\": \"CLAIM\"}").status()).isEqualTo(403);
        assertThat(as("alice", "GET", "/api/v1/projects", null).json()).hasSize(1);
        assertThat(as("admin", "GET", "/api/v1/projects/" + slug + "/documents", null).status()).isEqualTo(200);
    }
}
