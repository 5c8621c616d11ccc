package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.FreshProject;
import org.factspan.TestUsers;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input to every write path and API: broken JSON, invalid UTF-8, wrong types, huge values, negative and
 * reversed offsets, unknown ids, missing fields, wrong media types. Each must answer a 4xx with a JSON message,
 * and the database must be exactly as before. The number of cases is printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputApiTest {

    static final byte[] INVALID_UTF8 = {'{', '"', 's', 't', 'a', 'r', 't', '"', ':', '1', ',', '"', 'l', 'a', 'b', 'e', 'l',
            '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectSetupService setup;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;

    /** The project's API path; a fresh copy of the seed project, so that no other test's data is touched. */
    String P;
    String alice;
    String bob;
    String carol;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    long doc;
    long span;
    long triple;

    record Case(String name, String user, String method, String path, String contentType, byte[] body) {
    }

    @BeforeEach
    void someDataToProtect() throws Exception {
        FreshProject p = new FreshProject("badinput", setup, corpus, users);
        P = "/api/v1/projects/" + p.slug;
        alice = p.annotator.username();
        bob = p.annotator2.username();
        carol = p.curator.username();
        doc = json.readTree(send(alice, "GET", P + "/documents", null, null).body()).get(0).get("id").asLong();
        String spans = P + "/documents/" + doc + "/spans";
        span = json.readTree(send(alice, "POST", spans, "application/json",
                bytes("{\"start\":0,\"end\":7,\"label\":\"CLAIM\"}")).body()).get("id").asLong();
        long source = json.readTree(send(alice, "POST", spans, "application/json",
                bytes("{\"start\":10,\"end\":15,\"label\":\"SOURCE\"}")).body()).get("id").asLong();
        triple = json.readTree(send(alice, "POST", P + "/documents/" + doc + "/attributions", "application/json",
                bytes("{\"source\":" + source + ",\"content\":" + span + "}")).body()).get("id").asLong();
    }

    List<Case> cases() {
        String spans = P + "/documents/" + doc + "/spans";
        String triples = P + "/documents/" + doc + "/attributions";
        String json = "application/json";
        List<Case> c = new ArrayList<>();
        // span creation
        c.add(new Case("broken JSON", alice, "POST", spans, json, bytes("{\"start\": 1, \"end\": ")));
        c.add(new Case("JSON array instead of object", alice, "POST", spans, json, bytes("[1,2,3]")));
        c.add(new Case("empty body", alice, "POST", spans, json, new byte[0]));
        c.add(new Case("invalid UTF-8", alice, "POST", spans, json, INVALID_UTF8));
        c.add(new Case("start is a string", alice, "POST", spans, json, bytes("{\"start\":\"abc\",\"end\":5,\"label\":\"CLAIM\"}")));
        c.add(new Case("start is a fraction", alice, "POST", spans, json, bytes("{\"start\":1.5,\"end\":5,\"label\":\"CLAIM\"}")));
        c.add(new Case("huge end", alice, "POST", spans, json, bytes("{\"start\":1,\"end\":99999999999999999999,\"label\":\"CLAIM\"}")));
        c.add(new Case("end beyond int", alice, "POST", spans, json, bytes("{\"start\":1,\"end\":2147483648,\"label\":\"CLAIM\"}")));
        c.add(new Case("end past the text", alice, "POST", spans, json, bytes("{\"start\":1,\"end\":2147483647,\"label\":\"CLAIM\"}")));
        c.add(new Case("negative start", alice, "POST", spans, json, bytes("{\"start\":-3,\"end\":5,\"label\":\"CLAIM\"}")));
        c.add(new Case("reversed offsets", alice, "POST", spans, json, bytes("{\"start\":9,\"end\":2,\"label\":\"CLAIM\"}")));
        c.add(new Case("empty range", alice, "POST", spans, json, bytes("{\"start\":4,\"end\":4,\"label\":\"CLAIM\"}")));
        c.add(new Case("missing end", alice, "POST", spans, json, bytes("{\"start\":4,\"label\":\"CLAIM\"}")));
        c.add(new Case("missing label", alice, "POST", spans, json, bytes("{\"start\":20,\"end\":25}")));
        c.add(new Case("unknown label", alice, "POST", spans, json, bytes("{\"start\":20,\"end\":25,\"label\":\"OPINION\"}")));
        c.add(new Case("label of wrong type", alice, "POST", spans, json, bytes("{\"start\":20,\"end\":25,\"label\":42}")));
        c.add(new Case("unknown attribute", alice, "POST", spans, json,
                bytes("{\"start\":20,\"end\":25,\"label\":\"CLAIM\",\"attributes\":{\"mood\":\"happy\"}}")));
        c.add(new Case("attribute value not allowed", alice, "POST", spans, json,
                bytes("{\"start\":20,\"end\":25,\"label\":\"CLAIM\",\"attributes\":{\"verdict\":\"maybe\"}}")));
        c.add(new Case("attributes not an object", alice, "POST", spans, json,
                bytes("{\"start\":20,\"end\":25,\"label\":\"CLAIM\",\"attributes\":[1]}")));
        c.add(new Case("duplicate span", alice, "POST", spans, json, bytes("{\"start\":0,\"end\":7,\"label\":\"CLAIM\"}")));
        c.add(new Case("form data instead of JSON", alice, "POST", spans, "application/x-www-form-urlencoded",
                bytes("start=1&end=4&label=CLAIM")));
        c.add(new Case("text/plain body", alice, "POST", spans, "text/plain", bytes("1 4 CLAIM")));
        c.add(new Case("unknown document", alice, "POST", P + "/documents/987654321/spans", json,
                bytes("{\"start\":0,\"end\":3,\"label\":\"CLAIM\"}")));
        c.add(new Case("document id not a number", alice, "POST", P + "/documents/abc/spans", json,
                bytes("{\"start\":0,\"end\":3,\"label\":\"CLAIM\"}")));
        c.add(new Case("negative document id", alice, "POST", P + "/documents/-1/spans", json,
                bytes("{\"start\":0,\"end\":3,\"label\":\"CLAIM\"}")));
        c.add(new Case("unknown project", alice, "POST", "/api/v1/projects/no-such-project/documents/" + doc + "/spans",
                json, bytes("{\"start\":0,\"end\":3,\"label\":\"CLAIM\"}")));
        c.add(new Case("someone else's document project", bob, "DELETE", spans + "/" + span, null, null));
        // relabel, attributes, delete
        c.add(new Case("relabel to unknown label", alice, "PATCH", spans + "/" + span, json, bytes("{\"label\":\"NOPE\"}")));
        c.add(new Case("relabel without label", alice, "PATCH", spans + "/" + span, json, bytes("{}")));
        c.add(new Case("relabel broken JSON", alice, "PATCH", spans + "/" + span, json, bytes("{\"label\":")));
        c.add(new Case("relabel unknown span", alice, "PATCH", spans + "/987654321", json, bytes("{\"label\":\"SOURCE\"}")));
        c.add(new Case("attribute value not allowed", alice, "PUT", spans + "/" + span + "/attributes/verdict", json,
                bytes("{\"value\":\"perhaps\"}")));
        c.add(new Case("attribute unknown", alice, "PUT", spans + "/" + span + "/attributes/colour", json,
                bytes("{\"value\":\"red\"}")));
        c.add(new Case("attribute value blank", alice, "PUT", spans + "/" + span + "/attributes/verdict", json,
                bytes("{\"value\":\"  \"}")));
        c.add(new Case("attribute value huge", alice, "PUT", spans + "/" + span + "/attributes/note", json,
                bytes("{\"value\":\"" + "x".repeat(100_000) + "\"}")));
        c.add(new Case("delete unknown span", alice, "DELETE", spans + "/987654321", null, null));
        c.add(new Case("delete span id not a number", alice, "DELETE", spans + "/x1", null, null));
        c.add(new Case("delete another annotator's span", bob, "DELETE", spans + "/" + span, null, null));
        // attributions
        c.add(new Case("triple without content", alice, "POST", triples, json, bytes("{\"source\":" + span + "}")));
        c.add(new Case("triple with unknown spans", alice, "POST", triples, json,
                bytes("{\"source\":987654321,\"content\":987654322}")));
        c.add(new Case("triple content of wrong label", alice, "POST", triples, json,
                bytes("{\"content\":" + span + ",\"source\":" + span + "}")));
        c.add(new Case("triple ids of wrong type", alice, "POST", triples, json, bytes("{\"content\":\"first\"}")));
        c.add(new Case("triple on another user's spans", bob, "POST", triples, json, bytes("{\"content\":" + span + "}")));
        c.add(new Case("delete unknown triple", alice, "DELETE", triples + "/987654321", null, null));
        c.add(new Case("delete another annotator's triple", bob, "DELETE", triples + "/" + triple, null, null));
        // imports and exports
        c.add(new Case("import without format", alice, "POST", P + "/annotations", json, bytes("{}")));
        c.add(new Case("import unknown format", alice, "POST", P + "/annotations?format=excel", json, bytes("{}")));
        c.add(new Case("import empty body", alice, "POST", P + "/annotations?format=jsonl", json, new byte[0]));
        c.add(new Case("import broken JSON line", alice, "POST", P + "/annotations?format=jsonl", json,
                bytes("{\"id\":" + doc + ",\"spans\":[{\"start\":1,")));
        c.add(new Case("import invalid UTF-8", alice, "POST", P + "/annotations?format=jsonl", json, INVALID_UTF8));
        c.add(new Case("import span past the text", alice, "POST", P + "/annotations?format=jsonl", json,
                bytes("{\"id\":" + doc + ",\"spans\":[{\"id\":1,\"start\":1,\"end\":99999999,\"label\":\"CLAIM\"}]}")));
        c.add(new Case("import reversed span", alice, "POST", P + "/annotations?format=jsonl", json,
                bytes("{\"id\":" + doc + ",\"spans\":[{\"id\":1,\"start\":9,\"end\":3,\"label\":\"CLAIM\"}]}")));
        c.add(new Case("import unknown document", alice, "POST", P + "/annotations?format=jsonl", json,
                bytes("{\"id\":987654321,\"name\":\"nothing-like-it\",\"spans\":[]}")));
        c.add(new Case("import brat that is not a zip", alice, "POST", P + "/annotations?format=brat",
                "application/zip", bytes("this is not a zip")));
        c.add(new Case("import doccano wrong types", alice, "POST", P + "/annotations?format=doccano", json,
                bytes("{\"id\":" + doc + ",\"entities\":[{\"start_offset\":\"a\",\"end_offset\":2,\"label\":\"CLAIM\"}]}")));
        c.add(new Case("import labelstudio not an array", alice, "POST", P + "/annotations?format=labelstudio", json,
                bytes("{\"data\":1}")));
        c.add(new Case("import for someone else", alice, "POST", P + "/annotations?format=jsonl", json,
                bytes("{\"id\":" + doc + ",\"spans\":[{\"id\":1,\"start\":20,\"end\":25,\"label\":\"CLAIM\",\"annotator\":\"bob\"}]}")));
        c.add(new Case("export without format", alice, "GET", P + "/export", null, null));
        c.add(new Case("export unknown format", alice, "GET", P + "/export?format=docx", null, null));
        c.add(new Case("export documents not numbers", alice, "GET", P + "/export?format=jsonl&documents=a,b", null, null));
        c.add(new Case("export another annotator's set", alice, "GET", P + "/export?format=jsonl&set=bob", null, null));
        c.add(new Case("agreement documents not numbers", carol, "GET", P + "/agreement?documents=x", null, null));
        // methods, ids and admin paths
        c.add(new Case("method not allowed", alice, "PUT", P + "/documents", json, bytes("{}")));
        c.add(new Case("text of unknown document", alice, "GET", P + "/documents/987654321/text", null, null));
        c.add(new Case("backup by an annotator", alice, "POST", "/api/v1/admin/backups", null, null));
        // (an encoded slash or backslash, %2F or %5C, is refused by Tomcat itself with an HTML 400 before the app sees it)
        c.add(new Case("backup name that is no backup", "admin", "GET", "/api/v1/admin/backups/factspan.mv.db", null, null));
        c.add(new Case("unknown API path", alice, "GET", "/api/v1/nothing-here", null, null));
        return c;
    }

    @Test
    void everyBadInputGetsA4xxWithAMessageAndChangesNothing() throws Exception {
        Map<String, Object> before = fingerprint();
        List<String> failures = new ArrayList<>();
        List<Case> cases = cases();
        for (Case c : cases) {
            HttpResponse<String> r = send(c.user(), c.method(), c.path(), c.contentType(), c.body());
            String what = c.name() + " (" + c.method() + " " + c.path().replaceAll("\\?.*", "") + ")";
            if (r.statusCode() < 400 || r.statusCode() >= 500) {
                failures.add(what + ": status " + r.statusCode() + " " + abbreviate(r.body()));
                continue;
            }
            JsonNode body;
            try {
                body = json.readTree(r.body());
            } catch (RuntimeException e) {
                failures.add(what + ": body is not JSON: " + abbreviate(r.body()));
                continue;
            }
            if (body == null || !body.hasNonNull("message") || body.get("message").asString().isBlank()) {
                failures.add(what + ": no message: " + abbreviate(r.body()));
            }
            Map<String, Object> after = fingerprint();
            if (!after.equals(before)) {
                failures.add(what + ": the database changed: " + before + " -> " + after);
                before = after;
            }
        }
        System.out.printf("bad input: %d cases tried, %d answered 4xx with a message and changed nothing%n",
                cases.size(), cases.size() - failures.size());
        assertThat(failures).isEmpty();
    }

    /** Row counts and a digest of every table a write path touches. */
    Map<String, Object> fingerprint() {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String table : List.of("project", "label", "label_attribute", "document", "span", "span_attribute",
                "attribution", "app_user", "project_member")) {
            f.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        f.put("spans", jdbc.queryForList("select id, label, start_cp, end_cp from span order by id").toString());
        f.put("values", jdbc.queryForList("select span_id, name, val from span_attribute order by span_id, name")
                .toString());
        return f;
    }

    HttpResponse<String> send(String user, String method, String path, String contentType, byte[] body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        String password = user.equals("admin") ? TestUsers.ADMIN_PASSWORD : TestUsers.DEMO_PASSWORD;
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
