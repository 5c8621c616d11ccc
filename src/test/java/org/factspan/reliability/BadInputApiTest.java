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
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.corpus.CorpusService;
import org.factspan.ingest.Zips;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
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
@Tag("slow") // about 39 s on two cores: integration phase (decision 028)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputApiTest {

    static final byte[] INVALID_UTF8 = {'{', '"', 's', 't', 'a', 'r', 't', '"', ':', '1', ',', '"', 'l', 'a', 'b', 'e', 'l',
            '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
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
    long doc2;
    long span;
    long source;
    long triple;
    long bobSpan;
    long curationVersion;
    long cluster;
    long clusterVersion;
    long member;
    long token;
    String slug;

    record Case(String name, String user, String method, String path, String contentType, byte[] body,
            boolean chunked) {

        Case(String name, String user, String method, String path, String contentType, byte[] body) {
            this(name, user, method, path, contentType, body, false);
        }
    }

    @BeforeEach
    void someDataToProtect() throws Exception {
        FreshProject p = data.fresh("badinput");
        P = "/api/v1/projects/" + p.slug;
        alice = p.annotator.username();
        bob = p.annotator2.username();
        carol = p.curator.username();
        doc = json.readTree(send(alice, "GET", P + "/documents", null, null).body()).get(0).get("id").asLong();
        String spans = P + "/documents/" + doc + "/spans";
        span = json.readTree(send(alice, "POST", spans, "application/json",
                bytes("{\"start\":0,\"end\":7,\"label\":\"CLAIM\"}")).body()).get("id").asLong();
        source = json.readTree(send(alice, "POST", spans, "application/json",
                bytes("{\"start\":10,\"end\":15,\"label\":\"SOURCE\"}")).body()).get("id").asLong();
        triple = json.readTree(send(alice, "POST", P + "/documents/" + doc + "/attributions", "application/json",
                bytes("{\"source\":" + source + ",\"content\":" + span + "}")).body()).get("id").asLong();
        // more state for the later write paths: a second annotator's span, assignments, an open curation, a claim
        // cluster with one member, an API token
        slug = p.slug;
        doc2 = json.readTree(send(alice, "GET", P + "/documents", null, null).body()).get(1).get("id").asLong();
        bobSpan = ok(send(bob, "POST", spans, "application/json",
                bytes("{\"start\":0,\"end\":7,\"label\":\"CLAIM\"}"))).get("id").asLong();
        ok(send(carol, "PUT", P + "/documents/" + doc + "/assignees/" + alice, null, null));
        ok(send(carol, "PUT", P + "/documents/" + doc + "/assignees/" + bob, null, null));
        curationVersion = ok(send(carol, "POST", P + "/documents/" + doc + "/curation", null, null)).get("version")
                .asLong();
        JsonNode c = ok(send(carol, "POST", P + "/claims/clusters", "application/json",
                bytes("{\"statement\":\"Something happened\",\"spans\":[" + span + "]}")));
        cluster = c.get("id").asLong();
        clusterVersion = c.get("version").asLong();
        member = c.get("members").get(0).get("id").asLong();
        token = ok(send(alice, "POST", "/api/v1/me/tokens", "application/json", bytes("{\"name\":\"ci\"}")))
                .get("info").get("id").asLong();
    }

    JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return r.body().isBlank() ? null : json.readTree(r.body());
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
        c.add(new Case("triple on another user's spans", bob, "POST", triples, json,
                bytes("{\"content\":" + span + ",\"source\":" + source + "}")));
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
        c.add(new Case("backup name that is no backup", "admin", "GET", "/api/v1/admin/backups/factspan.mv.db", null, null));
        c.add(new Case("unknown API path", alice, "GET", "/api/v1/nothing-here", null, null));
        c.addAll(projectCases());
        c.addAll(userCases());
        c.addAll(importCases());
        c.addAll(assignmentCases());
        c.addAll(curationCases());
        c.addAll(claimCases());
        c.addAll(searchAndSuggestionCases());
        c.addAll(integrityCases());
        c.addAll(credentialAndTransportCases());
        c.addAll(ingestCases());
        return c;
    }

    /**
     * One way in (decision 018): annotation import of hostile files, bodies over their limit, huge values quoted
     * short, and text XML cannot hold on every write path.
     */
    List<Case> ingestCases() {
        String json = "application/json";
        String raw = "application/octet-stream";
        String brat = P + "/annotations?format=brat";
        String jsonl = P + "/annotations?format=jsonl";
        String spans = P + "/documents/" + doc + "/spans";
        String note = spans + "/" + span + "/attributes/note";
        String label = "{\"name\":\"OPINION\",\"title\":\"Opinion\",\"key\":\"7\",\"color\":\"#112233\",\"kind\":\"SPAN\"";
        List<Case> c = new ArrayList<>();
        // annotation import: the twin of document import
        c.add(new Case("annotation import: brat zip bomb (256 MB)", alice, "POST", brat, raw, Zips.bomb(256)));
        c.add(new Case("annotation import: brat zip of 2,001 entries", alice, "POST", brat, raw, Zips.many(2001)));
        c.add(new Case("annotation import: brat zip in a zip", alice, "POST", brat, raw, Zips.zip("a.txt", "A text.",
                "a.ann", "", "inner.zip", Zips.zip("b.txt", "x"))));
        c.add(new Case("annotation import: brat zip slip", alice, "POST", brat, raw, Zips.zip("../a.txt", "A text.")));
        c.add(new Case("annotation import: brat file of invalid UTF-8", alice, "POST", brat, raw, Zips.zip("a.txt",
                "A text.", "a.ann", new byte[] {'T', '1', '\t', (byte) 0xC3, (byte) 0x28})));
        byte[] big = new byte[50_000_001];
        java.util.Arrays.fill(big, (byte) '\n');
        c.add(new Case("annotation import: body over the file limit", alice, "POST", jsonl, raw, big));
        c.add(new Case("annotation import: chunked body over the file limit", alice, "POST", jsonl, raw, big, true));
        c.add(new Case("annotation import: multipart instead of the file", alice, "POST", jsonl,
                "multipart/form-data; boundary=xyz", bytes("--xyz\r\nContent-Disposition: form-data; name=\"file\";"
                        + " filename=\"a.jsonl\"\r\n\r\n{}\r\n--xyz--\r\n")));
        c.add(new Case("annotation import: text with a lone surrogate", alice, "POST", jsonl, raw,
                bytes("{\"id\":1,\"name\":\"x\",\"text\":\"hello \\ud800 world\",\"spans\":[]}")));
        c.add(new Case("annotation import: attribute value with NUL", alice, "POST", jsonl, raw, bytes("{\"id\":" + doc
                + ",\"spans\":[{\"id\":1,\"start\":20,\"end\":25,\"label\":\"CLAIM\",\"attributes\":{\"note\":"
                + "\"a\\u0000b\"}}]}")));
        // every body bounded: 2 MB unless the endpoint takes uploads
        byte[] over = bytes("{\"start\":20,\"end\":25,\"label\":\"CLAIM\"" + " ".repeat(2_200_000) + "}");
        c.add(new Case("span: body over 2 MB", alice, "POST", spans, json, over));
        c.add(new Case("span: chunked body over 2 MB", alice, "POST", spans, json, over, true));
        c.add(new Case("project change: chunked body over 2 MB", carol, "PUT", P, json,
                bytes("{\"description\":\"" + "d".repeat(2_200_000) + "\"}"), true));
        c.add(new Case("user: form body over 2 MB", "admin", "POST", "/api/v1/users", "application/x-www-form-urlencoded",
                bytes("username=x&displayName=" + "d".repeat(2_200_000))));
        // a huge value is quoted as an excerpt, not echoed (the message length is checked for every case)
        c.add(new Case("span: label of 1,000,000 characters", alice, "POST", spans, json,
                bytes("{\"start\":20,\"end\":25,\"label\":\"" + "L".repeat(1_000_000) + "\"}")));
        c.add(new Case("project: label name of 1,000,000 characters", "admin", "POST", "/api/v1/projects", json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":[" + label.replace("OPINION",
                        "O".repeat(1_000_000)) + "}]}")));
        c.add(new Case("export: set of 6,000 characters", carol, "GET", P + "/export?format=jsonl&set=" + "s".repeat(
                6000), null, null));
        // only valid text gets in
        c.add(new Case("attribute value with a lone surrogate", alice, "PUT", note, json, bytes("{\"value\":\"\\ud800x\"}")));
        c.add(new Case("attribute value with NUL", alice, "PUT", note, json, bytes("{\"value\":\"a\\u0000b\"}")));
        c.add(new Case("attribute value with U+FFFF", alice, "PUT", note, json, bytes("{\"value\":\"a\\uffffb\"}")));
        c.add(new Case("attribute value of 4,001 characters", alice, "PUT", note, json,
                bytes("{\"value\":\"" + "v".repeat(4001) + "\"}")));
        c.add(new Case("span with an attribute value with a control character", alice, "POST", spans, json,
                bytes("{\"start\":20,\"end\":25,\"label\":\"CLAIM\",\"attributes\":{\"note\":\"bell\\u0007\"}}")));
        c.add(new Case("project: description with NUL", "admin", "POST", "/api/v1/projects", json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"description\":\"a\\u0000b\",\"labels\":["
                        + label + "}]}")));
        c.add(new Case("project: name with a lone surrogate", "admin", "POST", "/api/v1/projects", json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\\udc00\",\"labels\":[" + label + "}]}")));
        c.add(new Case("project change: guidelines with a lone surrogate", carol, "PUT", P, json,
                bytes("{\"guidelines\":\"# Rules \\ud800\"}")));
        c.add(new Case("project change: description of 2,001 characters", carol, "PUT", P, json,
                bytes("{\"description\":\"" + "d".repeat(2001) + "\"}")));
        c.add(new Case("label: title with U+FFFF", carol, "PUT", P + "/labels/OPINION", json,
                bytes(label.replace("\"Opinion\"", "\"Op\\uffffinion\"") + "}")));
        c.add(new Case("label: list option with NUL", carol, "PUT", P + "/labels/OPINION", json, bytes(label
                + ",\"attributes\":[{\"name\":\"mood\",\"kind\":\"ENUM\",\"options\":[\"ok\",\"n\\u0000o\"]}]}")));
        c.add(new Case("label: list options of 2,001 characters together", carol, "PUT", P + "/labels/OPINION", json,
                bytes(label + ",\"attributes\":[{\"name\":\"mood\",\"kind\":\"ENUM\",\"options\":[\"" + "a".repeat(1000)
                        + "\",\"" + "b".repeat(1000) + "\"]}]}")));
        c.add(new Case("user: display name with NUL", "admin", "POST", "/api/v1/users", json,
                bytes("{\"username\":\"bad-input-user\",\"displayName\":\"Ev\\u0000e\",\"password\":\"long-enough-1\","
                        + "\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("user: password with a lone surrogate", "admin", "POST", "/api/v1/users", json,
                bytes("{\"username\":\"bad-input-user\",\"displayName\":\"x\",\"password\":\"long-enough-\\ud800\","
                        + "\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("user change: display name with a lone surrogate", "admin", "PATCH", "/api/v1/users/" + alice,
                json, bytes("{\"displayName\":\"Alice \\udbff\"}")));
        c.add(new Case("own password: new one with NUL", alice, "PUT", "/api/v1/me/password", json,
                bytes("{\"currentPassword\":\"" + TestUsers.DEMO_PASSWORD + "\",\"newPassword\":\"brand-new-\\u0000\"}")));
        c.add(new Case("token: name with NUL", alice, "POST", "/api/v1/me/tokens", json, bytes("{\"name\":\"c\\u0000i\"}")));
        c.add(new Case("cluster: statement with a lone surrogate", carol, "POST", P + "/claims/clusters", json,
                bytes("{\"statement\":\"A fact \\ud800\",\"spans\":[" + bobSpan + "]}")));
        c.add(new Case("cluster rename: statement with NUL", carol, "PUT", P + "/claims/clusters/" + cluster
                + "?version=" + clusterVersion, json, bytes("{\"statement\":\"Re\\u0000named\"}")));
        // document import: the repro, and the other fields of a line
        c.add(multipart("import: JSONL text with a lone surrogate", carol, "batch.jsonl",
                bytes("{\"text\":\"hello \\ud800 world\"}\n")));
        c.add(multipart("import: JSONL name with NUL", carol, "batch.jsonl",
                bytes("{\"text\":\"A new text.\",\"name\":\"n\\u0000\"}\n")));
        c.add(multipart("import: JSONL meta value of 2,001 characters", carol, "batch.jsonl",
                bytes("{\"text\":\"A new text.\",\"meta\":{\"outlet\":\"" + "o".repeat(2001) + "\"}}\n")));
        c.add(multipart("import: text with U+FFFF", carol, "odd.txt", bytes("A text \uffff here.")));
        c.add(multipart("import: file name of 300 characters", carol, "f".repeat(296) + ".txt", bytes("A new text.")));
        return c;
    }

    /** Projects, their schema, settings, guidelines and members. */
    List<Case> projectCases() {
        String json = "application/json";
        String label = "{\"name\":\"CLAIM\",\"title\":\"Claim\",\"key\":\"1\",\"color\":\"#112233\",\"kind\":\"SPAN\"}";
        List<Case> c = new ArrayList<>();
        String projects = "/api/v1/projects";
        c.add(new Case("project: broken JSON", "admin", "POST", projects, json, bytes("{\"slug\":\"x\",")));
        c.add(new Case("project: empty body", "admin", "POST", projects, json, new byte[0]));
        c.add(new Case("project: invalid UTF-8", "admin", "POST", projects, json, INVALID_UTF8));
        c.add(new Case("project: slug with spaces and capitals", "admin", "POST", projects, json,
                bytes("{\"slug\":\"Bad Slug!\",\"name\":\"x\",\"labels\":[" + label + "]}")));
        c.add(new Case("project: slug of 100 characters", "admin", "POST", projects, json,
                bytes("{\"slug\":\"" + "a".repeat(100) + "\",\"name\":\"x\",\"labels\":[" + label + "]}")));
        c.add(new Case("project: slug taken", "admin", "POST", projects, json,
                bytes("{\"slug\":\"" + slug + "\",\"name\":\"x\",\"labels\":[" + label + "]}")));
        c.add(new Case("project: no name", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"labels\":[" + label + "]}")));
        c.add(new Case("project: huge name", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"" + "n".repeat(10_000) + "\",\"labels\":[" + label
                        + "]}")));
        c.add(new Case("project: huge description", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"description\":\"" + "d".repeat(10_000)
                        + "\",\"labels\":[" + label + "]}")));
        c.add(new Case("project: labels not an array", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":\"CLAIM\"}")));
        c.add(new Case("project: label name in lower case", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":[" + label.replace("CLAIM", "claim")
                        + "]}")));
        c.add(new Case("project: label name with HTML", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":["
                        + label.replace("CLAIM", "<b>X</b>") + "]}")));
        c.add(new Case("project: two labels of one name", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":[" + label + ","
                        + label.replace("\"1\"", "\"2\"") + "]}")));
        c.add(new Case("project: two labels on one key", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":[" + label + ","
                        + label.replace("CLAIM", "OTHER") + "]}")));
        c.add(new Case("project: colour not #RRGGBB", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":[" + label.replace("#112233", "red")
                        + "]}")));
        c.add(new Case("project: colour with CSS in it", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":["
                        + label.replace("#112233", "#112233;background:url(x)") + "]}")));
        c.add(new Case("project: unknown label kind", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":[" + label.replace("SPAN", "BLOB")
                        + "]}")));
        c.add(new Case("project: key not a digit", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":[" + label.replace("\"1\"", "\"x\"")
                        + "]}")));
        c.add(new Case("project: 0 annotators per document", "admin", "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"settings\":{\"snapWords\":true,"
                        + "\"allowOverlap\":true,\"annotatorsPerDocument\":0},\"labels\":[" + label + "]}")));
        c.add(new Case("project: created by an annotator", alice, "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":[" + label + "]}")));
        c.add(new Case("project: created by a curator", carol, "POST", projects, json,
                bytes("{\"slug\":\"bad-input-new\",\"name\":\"x\",\"labels\":[" + label + "]}")));
        c.add(new Case("project change: broken JSON", carol, "PUT", P, json, bytes("{\"name\":")));
        c.add(new Case("project change: 21 annotators per document", carol, "PUT", P, json,
                bytes("{\"settings\":{\"snapWords\":true,\"allowOverlap\":true,\"annotatorsPerDocument\":21}}")));
        c.add(new Case("project change: archived is a string", "admin", "PUT", P, json, bytes("{\"archived\":\"soon\"}")));
        c.add(new Case("project change: blank name", carol, "PUT", P, json, bytes("{\"name\":\"   \"}")));
        c.add(new Case("project change: huge guidelines", carol, "PUT", P, json,
                bytes("{\"guidelines\":\"" + "g".repeat(300_000) + "\"}")));
        c.add(new Case("project change: by an annotator", alice, "PUT", P, json, bytes("{\"name\":\"mine\"}")));
        c.add(new Case("project change: schema drops a used label", carol, "PUT", P, json,
                bytes("{\"labels\":[" + label.replace("CLAIM", "OTHER") + "]}")));
        c.add(new Case("project change: mapping to a label that is not in the schema", carol, "PUT", P, json,
                bytes("{\"labels\":[" + label.replace("CLAIM", "OTHER") + "],\"labelMapping\":{\"CLAIM\":\"NOPE\","
                        + "\"SOURCE\":\"NOPE\",\"ATTRIBUTION\":\"NOPE\"}}")));
        c.add(new Case("project change: unknown project", "admin", "PUT", "/api/v1/projects/no-such-project", json,
                bytes("{\"name\":\"x\"}")));
        c.add(new Case("project delete: no confirmation", "admin", "DELETE", P, null, null));
        c.add(new Case("project delete: wrong confirmation", "admin", "DELETE", P + "?confirm=nope", null, null));
        c.add(new Case("project delete: by its curator", carol, "DELETE", P + "?confirm=x", null, null));
        c.add(new Case("label: name in lower case", carol, "PUT", P + "/labels/opinion", json, bytes(label)));
        c.add(new Case("label: empty body", carol, "PUT", P + "/labels/OPINION", json, new byte[0]));
        c.add(new Case("label: bad colour", carol, "PUT", P + "/labels/OPINION", json,
                bytes(label.replace("\"1\"", "\"7\"").replace("#112233", "javascript:x"))));
        c.add(new Case("label: key of another label", carol, "PUT", P + "/labels/OPINION", json, bytes(label)));
        c.add(new Case("label: blank title", carol, "PUT", P + "/labels/OPINION", json,
                bytes(label.replace("\"1\"", "\"7\"").replace("\"Claim\"", "\" \""))));
        c.add(new Case("label: title of 300 characters", carol, "PUT", P + "/labels/OPINION", json,
                bytes(label.replace("\"1\"", "\"7\"").replace("\"Claim\"", "\"" + "t".repeat(300) + "\""))));
        c.add(new Case("label: enum attribute without options", carol, "PUT", P + "/labels/OPINION", json,
                bytes(label.replace("\"1\"", "\"7\"").replace("}", ",\"attributes\":[{\"name\":\"mood\","
                        + "\"kind\":\"ENUM\"}]}"))));
        c.add(new Case("label: attribute name with spaces", carol, "PUT", P + "/labels/OPINION", json,
                bytes(label.replace("\"1\"", "\"7\"").replace("}", ",\"attributes\":[{\"name\":\"My Mood\","
                        + "\"kind\":\"TEXT\"}]}"))));
        c.add(new Case("label: unknown attribute kind", carol, "PUT", P + "/labels/OPINION", json,
                bytes(label.replace("\"1\"", "\"7\"").replace("}", ",\"attributes\":[{\"name\":\"mood\","
                        + "\"kind\":\"COLOUR\"}]}"))));
        c.add(new Case("label: by an annotator", alice, "PUT", P + "/labels/OPINION", json,
                bytes(label.replace("\"1\"", "\"7\""))));
        c.add(new Case("label removal: used and not mapped", carol, "DELETE", P + "/labels/CLAIM", null, null));
        c.add(new Case("label removal: mapped to an unknown label", carol, "DELETE", P + "/labels/CLAIM?mapTo=NOPE",
                null, null));
        c.add(new Case("label removal: mapped to itself", carol, "DELETE", P + "/labels/CLAIM?mapTo=CLAIM", null,
                null));
        c.add(new Case("label removal: unknown label", carol, "DELETE", P + "/labels/NOPE", null, null));
        c.add(new Case("member: unknown user", "admin", "PUT", P + "/members/nobody-like-this", json,
                bytes("{\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("member: unknown role", "admin", "PUT", P + "/members/" + alice, json,
                bytes("{\"role\":\"BOSS\"}")));
        c.add(new Case("member: no role", "admin", "PUT", P + "/members/" + alice, json, bytes("{}")));
        c.add(new Case("member: the gold standard's system account", "admin", "PUT", P + "/members/gold", json,
                bytes("{\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("member: added by an annotator", alice, "PUT", P + "/members/bob", json,
                bytes("{\"role\":\"CURATOR\"}")));
        c.add(new Case("member removal: not a member", "admin", "DELETE", P + "/members/bob", null, null));
        return c;
    }

    /** Users, passwords and API tokens. */
    List<Case> userCases() {
        String json = "application/json";
        List<Case> c = new ArrayList<>();
        String users = "/api/v1/users";
        c.add(new Case("user: broken JSON", "admin", "POST", users, json, bytes("{\"username\":")));
        c.add(new Case("user: empty body", "admin", "POST", users, json, new byte[0]));
        c.add(new Case("user: no password", "admin", "POST", users, json,
                bytes("{\"username\":\"bad-input-user\",\"displayName\":\"x\",\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("user: short password", "admin", "POST", users, json,
                bytes("{\"username\":\"bad-input-user\",\"displayName\":\"x\",\"password\":\"short\","
                        + "\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("user: password beyond 72 bytes", "admin", "POST", users, json,
                bytes("{\"username\":\"bad-input-user\",\"displayName\":\"x\",\"password\":\"" + "p".repeat(100)
                        + "\",\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("user: name taken", "admin", "POST", users, json,
                bytes("{\"username\":\"" + alice + "\",\"displayName\":\"x\",\"password\":\"long-enough-1\","
                        + "\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("user: name with a path", "admin", "POST", users, json,
                bytes("{\"username\":\"../etc\",\"displayName\":\"x\",\"password\":\"long-enough-1\","
                        + "\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("user: name with HTML", "admin", "POST", users, json,
                bytes("{\"username\":\"<script>\",\"displayName\":\"x\",\"password\":\"long-enough-1\","
                        + "\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("user: unknown role", "admin", "POST", users, json,
                bytes("{\"username\":\"bad-input-user\",\"displayName\":\"x\",\"password\":\"long-enough-1\","
                        + "\"role\":\"GOD\"}")));
        c.add(new Case("user: display name of 5000 characters", "admin", "POST", users, json,
                bytes("{\"username\":\"bad-input-user\",\"displayName\":\"" + "d".repeat(5000)
                        + "\",\"password\":\"long-enough-1\",\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("user: created by a curator", carol, "POST", users, json,
                bytes("{\"username\":\"bad-input-user\",\"displayName\":\"x\",\"password\":\"long-enough-1\","
                        + "\"role\":\"ADMIN\"}")));
        c.add(new Case("user change: unknown user", "admin", "PATCH", users + "/nobody-like-this", json,
                bytes("{\"displayName\":\"x\"}")));
        c.add(new Case("user change: unknown role", "admin", "PATCH", users + "/" + alice, json,
                bytes("{\"role\":\"OWNER\"}")));
        c.add(new Case("user change: enabled is a word", "admin", "PATCH", users + "/" + alice, json,
                bytes("{\"enabled\":\"maybe\"}")));
        c.add(new Case("user change: admin disables themselves", "admin", "PATCH", users + "/admin", json,
                bytes("{\"enabled\":false}")));
        c.add(new Case("user change: admin drops their own admin role", "admin", "PATCH", users + "/admin", json,
                bytes("{\"role\":\"ANNOTATOR\"}")));
        c.add(new Case("user change: by the user themselves", alice, "PATCH", users + "/" + alice, json,
                bytes("{\"role\":\"ADMIN\"}")));
        c.add(new Case("user change: the gold system account", "admin", "PATCH", users + "/gold", json,
                bytes("{\"enabled\":true}")));
        c.add(new Case("password reset: too short", "admin", "PUT", users + "/" + alice + "/password", json,
                bytes("{\"password\":\"1234\"}")));
        c.add(new Case("password reset: no body", "admin", "PUT", users + "/" + alice + "/password", json,
                new byte[0]));
        c.add(new Case("password reset: the gold system account", "admin", "PUT", users + "/gold/password", json,
                bytes("{\"password\":\"now-i-am-gold-1\"}")));
        c.add(new Case("password reset: by an annotator", bob, "PUT", users + "/" + alice + "/password", json,
                bytes("{\"password\":\"taken-over-1\"}")));
        c.add(new Case("own password: wrong current password", alice, "PUT", "/api/v1/me/password", json,
                bytes("{\"currentPassword\":\"wrong-one-1\",\"newPassword\":\"brand-new-1\"}")));
        c.add(new Case("own password: new one too short", alice, "PUT", "/api/v1/me/password", json,
                bytes("{\"currentPassword\":\"" + TestUsers.DEMO_PASSWORD + "\",\"newPassword\":\"short\"}")));
        c.add(new Case("own password: empty body", alice, "PUT", "/api/v1/me/password", json, new byte[0]));
        c.add(new Case("token: no name", alice, "POST", "/api/v1/me/tokens", json, bytes("{}")));
        c.add(new Case("token: name of 101 characters", alice, "POST", "/api/v1/me/tokens", json,
                bytes("{\"name\":\"" + "t".repeat(101) + "\"}")));
        c.add(new Case("token: name is a number array", alice, "POST", "/api/v1/me/tokens", json,
                bytes("{\"name\":[1,2]}")));
        c.add(new Case("token revoke: someone else's token", bob, "DELETE", "/api/v1/me/tokens/" + token, null, null));
        c.add(new Case("token revoke: unknown token", alice, "DELETE", "/api/v1/me/tokens/987654321", null, null));
        c.add(new Case("token revoke: id not a number", alice, "DELETE", "/api/v1/me/tokens/abc", null, null));
        return c;
    }

    /** Document import: multipart and raw bodies, broken and hostile files. */
    List<Case> importCases() {
        List<Case> c = new ArrayList<>();
        String docs = P + "/documents";
        c.add(multipart("import: broken JSONL", carol, "batch.jsonl", bytes("{\"text\": \"one\"}\n{\"text\": ")));
        c.add(multipart("import: JSONL line that is an array", carol, "batch.jsonl", bytes("[\"text\"]\n")));
        c.add(multipart("import: JSONL text is a number", carol, "batch.jsonl", bytes("{\"text\": 42}\n")));
        c.add(multipart("import: JSONL meta is a list", carol, "batch.jsonl",
                bytes("{\"text\": \"A new text.\", \"meta\": [1]}\n")));
        c.add(multipart("import: JSONL name of 300 characters", carol, "batch.jsonl",
                bytes("{\"text\": \"Another new text.\", \"name\": \"" + "n".repeat(300) + "\"}\n")));
        c.add(multipart("import: invalid UTF-8 text", carol, "bad.txt",
                new byte[]{'A', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'b'}));
        c.add(multipart("import: invalid UTF-8 JSONL", carol, "bad.jsonl", INVALID_UTF8));
        c.add(multipart("import: empty text", carol, "empty.txt", new byte[0]));
        c.add(multipart("import: only white space", carol, "blank.txt", bytes(" \n\t \n")));
        c.add(multipart("import: NUL bytes in text", carol, "nul.txt", bytes("text\u0000with\u0000nuls")));
        c.add(multipart("import: zip slip", carol, "slip.zip", zip("ok.txt", "A fine text here.", "../../x.txt",
                "An evil text.")));
        c.add(multipart("import: absolute path in zip", carol, "abs.zip", zip("/tmp/x.txt", "An evil text.")));
        c.add(multipart("import: zip bomb", carol, "bomb.zip", zipBomb()));
        c.add(multipart("import: zip in a zip", carol, "nested.zip", zip("inner.zip",
                zip("a.txt", "A nested text."))));
        c.add(multipart("import: empty zip", carol, "empty.zip", emptyZip()));
        c.add(multipart("import: damaged zip", carol, "damaged.zip", truncated(zip("a.txt", "A text. ".repeat(200)))));
        c.add(multipart("import: a zip named .txt", carol, "hidden.txt", zip("a.txt", "A text in disguise.")));
        c.add(multipart("import: text named .zip", carol, "fake.zip", bytes("Not a zip at all.")));
        c.add(multipart("import: unsupported type", carol, "tool.exe", bytes("MZ this is no text")));
        c.add(multipart("import: no file name", carol, "", bytes("A text without a file name.")));
        c.add(multipart("import: document over the size limit", carol, "big.txt",
                bytes("x".repeat(5_000_001))));
        c.add(multipart("import: by an annotator", alice, "a.txt", bytes("An annotator's own article.")));
        c.add(new Case("import: multipart without a file part", carol, "POST", docs,
                "multipart/form-data; boundary=xyz", bytes("--xyz\r\nContent-Disposition: form-data; name=\"other\""
                        + "\r\n\r\nvalue\r\n--xyz--\r\n")));
        c.add(new Case("import: broken multipart", carol, "POST", docs, "multipart/form-data; boundary=xyz",
                bytes("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno end")));
        c.add(new Case("import: raw body without a file name", carol, "POST", docs, "application/octet-stream",
                bytes("A raw text.")));
        c.add(new Case("import: raw broken JSONL", carol, "POST", docs + "?filename=batch.jsonl", "application/jsonl",
                bytes("{\"text\":")));
        c.add(new Case("import: raw zip slip", carol, "POST", docs + "?filename=slip.zip", "application/zip",
                zip("../../x.txt", "An evil text.")));
        c.add(new Case("import: raw zip bomb", carol, "POST", docs + "?filename=bomb.zip", "application/zip",
                zipBomb()));
        c.add(new Case("import: raw body over the file limit", carol, "POST", docs + "?filename=huge.txt",
                "text/plain", bytes("y".repeat(50_000_001))));
        c.add(new Case("import: JSON body", carol, "POST", docs, "application/json", bytes("{\"text\":\"x\"}")));
        c.add(new Case("import: unknown project", carol, "POST", "/api/v1/projects/no-such-project/documents"
                + "?filename=a.txt", "text/plain", bytes("A text for nowhere.")));
        return c;
    }

    /** Assignments, finishing and reopening. */
    List<Case> assignmentCases() {
        String json = "application/json";
        List<Case> c = new ArrayList<>();
        String assignees = P + "/documents/" + doc + "/assignees/";
        c.add(new Case("assign: unknown user", carol, "PUT", assignees + "nobody-like-this", null, null));
        c.add(new Case("assign: a user who is not a member", carol, "PUT", assignees + "bob", null, null));
        c.add(new Case("assign: unknown document", carol, "PUT", P + "/documents/987654321/assignees/" + alice, null,
                null));
        c.add(new Case("assign: twice", carol, "PUT", assignees + alice, null, null));
        c.add(new Case("assign: by an annotator", alice, "PUT", P + "/documents/" + doc2 + "/assignees/" + alice, null,
                null));
        c.add(new Case("unassign: not assigned", carol, "DELETE", assignees + carol, null, null));
        c.add(new Case("unassign: by an annotator", alice, "DELETE", assignees + bob, null, null));
        c.add(new Case("reassign: to an unknown user", carol, "POST", assignees + alice + "/reassign", json,
                bytes("{\"to\":\"nobody-like-this\"}")));
        c.add(new Case("reassign: no target", carol, "POST", assignees + alice + "/reassign", json, bytes("{}")));
        c.add(new Case("reassign: to someone assigned already", carol, "POST", assignees + alice + "/reassign", json,
                bytes("{\"to\":\"" + bob + "\"}")));
        c.add(new Case("reassign: broken JSON", carol, "POST", assignees + alice + "/reassign", json, bytes("{\"to\"")));
        c.add(new Case("reopen: not finished", carol, "POST", assignees + alice + "/reopen", null, null));
        c.add(new Case("reopen: by the annotator", alice, "POST", assignees + alice + "/reopen", null, null));
        c.add(new Case("finish: not assigned to the caller", alice, "POST", P + "/documents/" + doc2 + "/finish", null,
                null));
        c.add(new Case("finish: unknown document", alice, "POST", P + "/documents/987654321/finish", null, null));
        c.add(new Case("finish: by a curator without an assignment", carol, "POST", P + "/documents/" + doc
                + "/finish", null, null));
        c.add(new Case("auto-assign: by an annotator", alice, "POST", P + "/assignments/auto", null, null));
        c.add(new Case("next assignment: after is not a number", alice, "GET", P + "/assignments/next?after=x", null,
                null));
        return c;
    }

    /** Curation: open, merge, accept, reject, gold edits, with bad versions, modes and ids. */
    List<Case> curationCases() {
        String json = "application/json";
        List<Case> c = new ArrayList<>();
        String cur = P + "/documents/" + doc + "/curation";
        String gold = P + "/documents/" + doc + "/gold";
        long v = curationVersion;
        c.add(new Case("curation open: unknown merge mode", carol, "POST", P + "/documents/" + doc2 + "/curation", json,
                bytes("{\"mode\":\"best\"}")));
        c.add(new Case("curation open: threshold 0", carol, "POST", P + "/documents/" + doc2 + "/curation", json,
                bytes("{\"mode\":\"majority\",\"threshold\":0}")));
        c.add(new Case("curation open: threshold 1.5", carol, "POST", P + "/documents/" + doc2 + "/curation", json,
                bytes("{\"mode\":\"majority\",\"threshold\":1.5}")));
        c.add(new Case("curation open: threshold not a number", carol, "POST", P + "/documents/" + doc2 + "/curation",
                json, bytes("{\"mode\":\"majority\",\"threshold\":\"half\"}")));
        c.add(new Case("curation open: by an annotator", alice, "POST", P + "/documents/" + doc2 + "/curation", null,
                null));
        c.add(new Case("curation open: unknown document", carol, "POST", P + "/documents/987654321/curation", null,
                null));
        c.add(new Case("merge: no version", carol, "POST", cur + "/merge", null, null));
        c.add(new Case("merge: stale version", carol, "POST", cur + "/merge?version=" + (v + 5), null, null));
        c.add(new Case("merge: negative version", carol, "POST", cur + "/merge?version=-1", null, null));
        c.add(new Case("merge: version not a number", carol, "POST", cur + "/merge?version=latest", null, null));
        c.add(new Case("merge: unknown mode", carol, "POST", cur + "/merge?version=" + v, json,
                bytes("{\"mode\":\"everything\"}")));
        c.add(new Case("merge: threshold NaN", carol, "POST", cur + "/merge?version=" + v, json,
                bytes("{\"mode\":\"majority\",\"threshold\":NaN}")));
        c.add(new Case("merge: on a document never opened", carol, "POST", P + "/documents/" + doc2
                + "/curation/merge?version=1", null, null));
        c.add(new Case("accept: unknown span", carol, "POST", cur + "/accept?version=" + v, json,
                bytes("{\"what\":\"span\",\"id\":987654321}")));
        c.add(new Case("accept: unknown attribution", carol, "POST", cur + "/accept?version=" + v, json,
                bytes("{\"what\":\"attribution\",\"id\":987654321}")));
        c.add(new Case("accept: unknown part", carol, "POST", cur + "/accept?version=" + v, json,
                bytes("{\"what\":\"everything\",\"id\":" + span + "}")));
        c.add(new Case("accept: no id", carol, "POST", cur + "/accept?version=" + v, json,
                bytes("{\"what\":\"span\"}")));
        c.add(new Case("accept: unknown attribute", carol, "POST", cur + "/accept?version=" + v, json,
                bytes("{\"what\":\"attributes\",\"id\":" + span + ",\"attribute\":\"colour\"}")));
        c.add(new Case("accept: stale version", carol, "POST", cur + "/accept?version=" + (v - 1), json,
                bytes("{\"what\":\"span\",\"id\":" + span + "}")));
        c.add(new Case("accept: version beyond long", carol, "POST", cur + "/accept?version=99999999999999999999",
                json, bytes("{\"what\":\"span\",\"id\":" + span + "}")));
        c.add(new Case("accept: span of another document", carol, "POST", P + "/documents/" + doc2
                + "/curation/accept?version=" + v, json, bytes("{\"what\":\"span\",\"id\":" + span + "}")));
        c.add(new Case("accept: by an annotator", alice, "POST", cur + "/accept?version=" + v, json,
                bytes("{\"what\":\"span\",\"id\":" + span + "}")));
        c.add(new Case("reject: unknown span", carol, "PUT", cur + "/rejections/spans/987654321", null, null));
        c.add(new Case("reject: unknown attribution", carol, "PUT", cur + "/rejections/attributions/987654321", null,
                null));
        c.add(new Case("reject: span id not a number", carol, "PUT", cur + "/rejections/spans/first", null, null));
        c.add(new Case("unreject: unknown span", carol, "DELETE", cur + "/rejections/spans/987654321", null, null));
        c.add(new Case("unreject: unknown attribution", carol, "DELETE", cur + "/rejections/attributions/987654321",
                null, null));
        c.add(new Case("mark curated: stale version", carol, "POST", cur + "/curated?version=" + (v + 9), null, null));
        c.add(new Case("reopen curation: not curated", carol, "DELETE", cur + "/curated?version=" + v, null, null));
        c.add(new Case("gold span: reversed", carol, "POST", gold + "/spans?version=" + v, json,
                bytes("{\"start\":9,\"end\":2,\"label\":\"CLAIM\"}")));
        c.add(new Case("gold span: past the text", carol, "POST", gold + "/spans?version=" + v, json,
                bytes("{\"start\":0,\"end\":99999999,\"label\":\"CLAIM\"}")));
        c.add(new Case("gold span: unknown label", carol, "POST", gold + "/spans?version=" + v, json,
                bytes("{\"start\":0,\"end\":3,\"label\":\"NOPE\"}")));
        c.add(new Case("gold span: no end", carol, "POST", gold + "/spans?version=" + v, json,
                bytes("{\"start\":0,\"label\":\"CLAIM\"}")));
        c.add(new Case("gold span: stale version", carol, "POST", gold + "/spans?version=" + (v + 3), json,
                bytes("{\"start\":0,\"end\":3,\"label\":\"CLAIM\"}")));
        c.add(new Case("gold span: annotator's span relabelled as gold", carol, "PATCH", gold + "/spans/" + span
                + "?version=" + v, json, bytes("{\"label\":\"SOURCE\"}")));
        c.add(new Case("gold span: unknown span relabelled", carol, "PATCH", gold + "/spans/987654321?version=" + v,
                json, bytes("{\"label\":\"SOURCE\"}")));
        c.add(new Case("gold attribute: on an annotator's span", carol, "PUT", gold + "/spans/" + span
                + "/attributes/note?version=" + v, json, bytes("{\"value\":\"x\"}")));
        c.add(new Case("gold attribute: blank value", carol, "PUT", gold + "/spans/987654321/attributes/note?version="
                + v, json, bytes("{\"value\":\"\"}")));
        c.add(new Case("gold span delete: an annotator's span", carol, "DELETE", gold + "/spans/" + span
                + "?version=" + v, null, null));
        c.add(new Case("gold attribution: unknown content", carol, "POST", gold + "/attributions?version=" + v, json,
                bytes("{\"content\":987654321}")));
        c.add(new Case("gold attribution: an annotator's spans", carol, "POST", gold + "/attributions?version=" + v,
                json, bytes("{\"content\":" + span + ",\"source\":" + source + "}")));
        c.add(new Case("gold attribution delete: an annotator's triple", carol, "DELETE", gold + "/attributions/"
                + triple + "?version=" + v, null, null));
        return c;
    }

    /** Claim clusters, members and stances. */
    List<Case> claimCases() {
        String json = "application/json";
        List<Case> c = new ArrayList<>();
        String clusters = P + "/claims/clusters";
        String one = clusters + "/" + cluster;
        long v = clusterVersion;
        c.add(new Case("cluster: empty body", carol, "POST", clusters, json, new byte[0]));
        c.add(new Case("cluster: broken JSON", carol, "POST", clusters, json, bytes("{\"statement\":")));
        c.add(new Case("cluster: unknown span", carol, "POST", clusters, json,
                bytes("{\"statement\":\"A fact\",\"spans\":[987654321]}")));
        c.add(new Case("cluster: a SOURCE span", carol, "POST", clusters, json,
                bytes("{\"statement\":\"A fact\",\"spans\":[" + source + "]}")));
        c.add(new Case("cluster: span ids are words", carol, "POST", clusters, json,
                bytes("{\"statement\":\"A fact\",\"spans\":[\"first\"]}")));
        c.add(new Case("cluster: statement of 100,000 characters", carol, "POST", clusters, json,
                bytes("{\"statement\":\"" + "s".repeat(100_000) + "\",\"spans\":[" + bobSpan + "]}")));
        c.add(new Case("cluster: blank statement", carol, "POST", clusters, json,
                bytes("{\"statement\":\"  \",\"spans\":[" + bobSpan + "]}")));
        c.add(new Case("cluster: by an annotator", alice, "POST", clusters, json,
                bytes("{\"statement\":\"A fact\",\"spans\":[" + span + "]}")));
        c.add(new Case("cluster rename: stale version", carol, "PUT", one + "?version=" + (v + 7), json,
                bytes("{\"statement\":\"Renamed\"}")));
        c.add(new Case("cluster rename: huge statement", carol, "PUT", one + "?version=" + v, json,
                bytes("{\"statement\":\"" + "s".repeat(5000) + "\"}")));
        c.add(new Case("cluster rename: unknown cluster", carol, "PUT", clusters + "/987654321?version=1", json,
                bytes("{\"statement\":\"Renamed\"}")));
        c.add(new Case("cluster delete: stale version", carol, "DELETE", one + "?version=" + (v + 7), null, null));
        c.add(new Case("cluster delete: by an annotator", alice, "DELETE", one + "?version=" + v, null, null));
        c.add(new Case("member: unknown stance", carol, "POST", one + "/members?version=" + v, json,
                bytes("{\"span\":" + bobSpan + ",\"stance\":\"loves\"}")));
        c.add(new Case("member: unknown span", carol, "POST", one + "/members?version=" + v, json,
                bytes("{\"span\":987654321}")));
        c.add(new Case("member: a SOURCE span", carol, "POST", one + "/members?version=" + v, json,
                bytes("{\"span\":" + source + "}")));
        c.add(new Case("member: already a member", carol, "POST", one + "/members?version=" + v, json,
                bytes("{\"span\":" + span + "}")));
        c.add(new Case("member: no span", carol, "POST", one + "/members?version=" + v, json, bytes("{}")));
        c.add(new Case("member: stale version", carol, "POST", one + "/members?version=" + (v + 2), json,
                bytes("{\"span\":" + bobSpan + "}")));
        c.add(new Case("stance: unknown", carol, "PUT", one + "/members/" + member + "?version=" + v, json,
                bytes("{\"stance\":\"adores\"}")));
        c.add(new Case("stance: unknown member", carol, "PUT", one + "/members/987654321?version=" + v, json,
                bytes("{\"stance\":\"agrees\"}")));
        c.add(new Case("member removal: unknown member", carol, "DELETE", one + "/members/987654321?version=" + v, null,
                null));
        c.add(new Case("member removal: stale version", carol, "DELETE", one + "/members/" + member + "?version="
                + (v + 4), null, null));
        c.add(new Case("claim suggestions: limit 1000", carol, "GET", P + "/claims/suggestions?span=" + span
                + "&limit=1000", null, null));
        c.add(new Case("claim suggestions: no span", carol, "GET", P + "/claims/suggestions", null, null));
        c.add(new Case("claim filter: unknown conflict kind", carol, "GET", clusters + "?conflict=everything", null,
                null));
        return c;
    }

    /** Issue 13: token expiry, other users' tokens, wrong media types, addresses Tomcat refuses (JSON now). */
    List<Case> credentialAndTransportCases() {
        String json = "application/json";
        List<Case> c = new ArrayList<>();
        c.add(new Case("token: expires in the past", alice, "POST", "/api/v1/me/tokens", json,
                bytes("{\"name\":\"old\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}")));
        c.add(new Case("token: expiry is not a moment", alice, "POST", "/api/v1/me/tokens", json,
                bytes("{\"name\":\"soon\",\"expiresAt\":\"tomorrow\"}")));
        c.add(new Case("token: XML body", alice, "POST", "/api/v1/me/tokens", "application/xml",
                bytes("<name>x</name>")));
        c.add(new Case("user tokens: unknown user", "admin", "GET", "/api/v1/users/nobody-like-this/tokens", null,
                null));
        c.add(new Case("user tokens: listed by a curator", carol, "GET", "/api/v1/users/" + alice + "/tokens", null,
                null));
        c.add(new Case("user token revoke: another user's token", "admin", "DELETE", "/api/v1/users/" + bob
                + "/tokens/" + token, null, null));
        c.add(new Case("user token revoke: id not a number", "admin", "DELETE", "/api/v1/users/" + alice
                + "/tokens/abc", null, null));
        c.add(new Case("user token revoke: by the owner's peer", bob, "DELETE", "/api/v1/users/" + alice + "/tokens/"
                + token, null, null));
        c.add(new Case("user tokens revoke all: the gold system account", "admin", "DELETE",
                "/api/v1/users/gold/tokens", null, null));
        c.add(new Case("span: CSV body", alice, "POST", P + "/documents/" + doc + "/spans", "text/csv",
                bytes("0,7,CLAIM")));
        c.add(new Case("encoded slash in the path", alice, "GET", P + "%2Fdocuments", null, null));
        c.add(new Case("encoded backslash in the path", alice, "GET", "/api/v1/projects/%5Cx", null, null));
        c.add(new Case("backup name with an encoded slash", "admin", "GET", "/api/v1/admin/backups/..%2Ffactspan.mv.db",
                null, null));
        c.add(new Case("double slash in the path", alice, "GET", "/api/v1//projects", null, null));
        c.add(new Case("semicolon in the path", alice, "GET", "/api/v1/projects;jsessionid=x", null, null));
        return c;
    }

    /** Search, suggestions, recommender settings and history. */
    List<Case> searchAndSuggestionCases() {
        String json = "application/json";
        List<Case> c = new ArrayList<>();
        String search = P + "/search";
        String sugg = P + "/documents/" + doc + "/suggestions";
        c.add(new Case("search: unbalanced parenthesis", alice, "GET", search + "?q=" + url("title:(police"), null,
                null));
        c.add(new Case("search: unbalanced quote", alice, "GET", search + "?q=" + url("\"police killed"), null, null));
        c.add(new Case("search: lone operator", alice, "GET", search + "?q=" + url("AND"), null, null));
        c.add(new Case("search: leading wildcard", alice, "GET", search + "?q=" + url("*lice"), null, null));
        c.add(new Case("search: bad regular expression", alice, "GET", search + "?q=" + url("/[a-/"), null, null));
        c.add(new Case("search: huge limit", alice, "GET", search + "?q=police&limit=1000000", null, null));
        c.add(new Case("search: limit beyond int", alice, "GET", search + "?q=police&limit=99999999999", null, null));
        c.add(new Case("search: negative limit", alice, "GET", search + "?q=police&limit=-1", null, null));
        c.add(new Case("search: negative offset", alice, "GET", search + "?q=police&offset=-5", null, null));
        c.add(new Case("search: unknown kind", alice, "GET", search + "?q=police&kind=images", null, null));
        c.add(new Case("search: unknown state", alice, "GET", search + "?q=police&state=lost", null, null));
        c.add(new Case("search: attribute without a value", alice, "GET", search + "?attr=verdict", null, null));
        c.add(new Case("search: query of 5000 characters", alice, "GET", search + "?q=" + "(a+".repeat(1700), null,
                null));
        c.add(new Case("search: unknown project", alice, "GET", "/api/v1/projects/no-such-project/search?q=x", null,
                null));
        c.add(new Case("search rebuild: by an annotator", alice, "POST", "/api/v1/search/rebuild", null, null));
        c.add(new Case("suggestion accept: reversed", alice, "POST", sugg + "/accept", json,
                bytes("{\"start\":9,\"end\":2,\"label\":\"CLAIM\"}")));
        c.add(new Case("suggestion accept: past the text", alice, "POST", sugg + "/accept", json,
                bytes("{\"start\":0,\"end\":99999999,\"label\":\"CLAIM\"}")));
        c.add(new Case("suggestion accept: unknown label", alice, "POST", sugg + "/accept", json,
                bytes("{\"start\":20,\"end\":25,\"label\":\"NOPE\"}")));
        c.add(new Case("suggestion accept: missing label", alice, "POST", sugg + "/accept", json,
                bytes("{\"start\":20,\"end\":25}")));
        c.add(new Case("suggestion accept: already there", alice, "POST", sugg + "/accept", json,
                bytes("{\"start\":0,\"end\":7,\"label\":\"CLAIM\"}")));
        c.add(new Case("suggestion accept: broken JSON", alice, "POST", sugg + "/accept", json, bytes("{\"start\":")));
        c.add(new Case("suggestion accept: unknown document", alice, "POST", P + "/documents/987654321/suggestions"
                + "/accept", json, bytes("{\"start\":0,\"end\":3,\"label\":\"CLAIM\"}")));
        c.add(new Case("suggestion accept: a document not assigned", alice, "POST", P + "/documents/" + doc2
                + "/suggestions/accept", json, bytes("{\"start\":0,\"end\":3,\"label\":\"CLAIM\"}")));
        c.add(new Case("suggestion reject: negative start", alice, "POST", sugg + "/reject", json,
                bytes("{\"start\":-4,\"end\":2,\"label\":\"CLAIM\"}")));
        c.add(new Case("suggestion reject: unknown label", alice, "POST", sugg + "/reject", json,
                bytes("{\"start\":20,\"end\":25,\"label\":\"NOPE\"}")));
        c.add(new Case("suggestion reject: empty body", alice, "POST", sugg + "/reject", json, new byte[0]));
        c.add(new Case("recommender: unknown id", carol, "PUT", P + "/recommenders/gpt", json,
                bytes("{\"enabled\":true}")));
        c.add(new Case("recommender: enabled is a word", carol, "PUT", P + "/recommenders/patterns", json,
                bytes("{\"enabled\":\"yes please\"}")));
        c.add(new Case("recommender: no body", carol, "PUT", P + "/recommenders/patterns", json, new byte[0]));
        c.add(new Case("recommender: by an annotator", alice, "PUT", P + "/recommenders/patterns", json,
                bytes("{\"enabled\":false}")));
        c.add(new Case("recommender evaluation: by an annotator", alice, "POST", P + "/recommenders/evaluation", null,
                null));
        c.add(new Case("history: unknown document", alice, "GET", P + "/documents/987654321/history", null, null));
        c.add(new Case("history: unknown span", alice, "GET", P + "/documents/" + doc + "/spans/987654321/history",
                null, null));
        c.add(new Case("history: document id not a number", alice, "GET", P + "/documents/x/history", null, null));
        return c;
    }

    /**
     * Issue 13 (decision 016): triples need a source or a cue, numbers must be JSON numbers (no "5" for 5, no "true"
     * for true) in every request record, and the repair of broken triples.
     */
    List<Case> integrityCases() {
        String json = "application/json";
        List<Case> c = new ArrayList<>();
        String spans = P + "/documents/" + doc + "/spans";
        String triples = P + "/documents/" + doc + "/attributions";
        String gold = P + "/documents/" + doc + "/gold";
        String cur = P + "/documents/" + doc + "/curation";
        long v = curationVersion;
        c.add(new Case("triple without source and cue", alice, "POST", triples, json,
                bytes("{\"content\":" + span + "}")));
        c.add(new Case("triple with source and cue null", alice, "POST", triples, json,
                bytes("{\"source\":null,\"cue\":null,\"content\":" + span + "}")));
        c.add(new Case("gold triple without source and cue", carol, "POST", gold + "/attributions?version=" + v, json,
                bytes("{\"content\":" + span + "}")));
        String text = corpus.openDocument(users.findActor("admin").orElseThrow(), slug, doc).text();
        var line = this.json.createObjectNode().put("id", doc).put("text", text);
        line.putArray("spans").addObject().put("id", 1).put("start", 40).put("end", 47).put("label", "CLAIM");
        line.putArray("attributions").addObject().put("id", 1).putNull("source").putNull("cue").put("content", 1);
        c.add(new Case("import: triple without source and cue", alice, "POST", P + "/annotations?format=jsonl", json,
                bytes(line.toString())));
        // numbers as JSON strings: refused, never coerced
        c.add(new Case("start is a numeric string", alice, "POST", spans, json,
                bytes("{\"start\":\"40\",\"end\":47,\"label\":\"CLAIM\"}")));
        c.add(new Case("end is a numeric string", alice, "POST", spans, json,
                bytes("{\"start\":40,\"end\":\"47\",\"label\":\"CLAIM\"}")));
        c.add(new Case("gold span: start is a numeric string", carol, "POST", gold + "/spans?version=" + v, json,
                bytes("{\"start\":\"40\",\"end\":47,\"label\":\"CLAIM\"}")));
        c.add(new Case("triple ids are numeric strings", alice, "POST", triples, json,
                bytes("{\"source\":\"" + source + "\",\"content\":\"" + span + "\"}")));
        c.add(new Case("suggestion accept: start is a numeric string", alice, "POST", P + "/documents/" + doc
                + "/suggestions/accept", json, bytes("{\"start\":\"40\",\"end\":47,\"label\":\"CLAIM\"}")));
        c.add(new Case("cluster: span ids are numeric strings", carol, "POST", P + "/claims/clusters", json,
                bytes("{\"statement\":\"A fact\",\"spans\":[\"" + bobSpan + "\"]}")));
        c.add(new Case("member: span id is a numeric string", carol, "POST", P + "/claims/clusters/" + cluster
                + "/members", json, bytes("{\"span\":\"" + bobSpan + "\"}")));
        c.add(new Case("accept: id is a numeric string", carol, "POST", cur + "/accept?version=" + v, json,
                bytes("{\"what\":\"span\",\"id\":\"" + bobSpan + "\"}")));
        c.add(new Case("merge: threshold is a numeric string", carol, "POST", cur + "/merge?version=" + v, json,
                bytes("{\"mode\":\"majority\",\"threshold\":\"0.5\"}")));
        c.add(new Case("recommender: enabled is the string true", carol, "PUT", P + "/recommenders/patterns", json,
                bytes("{\"enabled\":\"false\"}")));
        c.add(new Case("user change: enabled is the string false", "admin", "PATCH", "/api/v1/users/" + bob, json,
                bytes("{\"enabled\":\"false\"}")));
        c.add(new Case("project settings: a number as a string", "admin", "PUT", P, json,
                bytes("{\"settings\":{\"snapWords\":true,\"allowOverlap\":true,\"annotatorsPerDocument\":\"3\"}}")));
        // repairing broken triples: only those that are broken, only curators and admins
        String repair = P + "/documents/" + doc + "/broken-attributions/";
        c.add(new Case("repair: an intact triple", carol, "DELETE", repair + triple, null, null));
        c.add(new Case("repair: an unknown triple", carol, "DELETE", repair + "987654321", null, null));
        c.add(new Case("repair: id not a number", carol, "DELETE", repair + "x1", null, null));
        c.add(new Case("repair: by the annotator", alice, "DELETE", repair + triple, null, null));
        c.add(new Case("repair: the list, by an annotator", alice, "GET", P + "/broken-attributions", null, null));
        return c;
    }

    Case multipart(String name, String user, String filename, byte[] content) {
        String boundary = "----badinput" + name.hashCode();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(bytes("\r\n--" + boundary + "--\r\n"));
        return new Case(name, user, "POST", P + "/documents", "multipart/form-data; boundary=" + boundary,
                out.toByteArray());
    }

    static byte[] zip(Object... namesAndContents) {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new java.util.zip.ZipEntry((String) namesAndContents[i]));
                Object content = namesAndContents[i + 1];
                zip.write(content instanceof byte[] b ? b : bytes((String) content));
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** About 60 KB on the wire that unpacks to 60 MB, more than a file may have (50 MB). */
    static byte[] zipBomb() {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new java.util.zip.ZipEntry("bomb.txt"));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 60; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] emptyZip() {
        return zip();
    }

    static byte[] truncated(byte[] zip) {
        return java.util.Arrays.copyOf(zip, 60);
    }

    static String url(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void everyBadInputGetsA4xxWithAMessageAndChangesNothing() throws Exception {
        Map<String, Object> before = fingerprint();
        List<String> failures = new ArrayList<>();
        List<Case> cases = cases();
        for (Case c : cases) {
            HttpResponse<String> r;
            try {
                r = send(c.user(), c.method(), c.path(), c.contentType(), c.body(), c.chunked());
            } catch (java.io.IOException e) {
                failures.add(c.name() + ": no answer (" + e + ")");
                continue;
            }
            String what = c.name() + " (" + c.method() + " " + c.path().replaceAll("\\?.*", "") + ")";
            String problem = problem(r);
            Map<String, Object> after = fingerprint();
            if (!after.equals(before)) {
                problem = (problem == null ? "" : problem + "; ") + "the database changed: " + changed(before, after);
                before = after;
            }
            if (problem != null) {
                failures.add(what + ": " + problem);
            }
        }
        System.out.printf("bad input: %d cases tried, %d answered 4xx with a message and changed nothing%n",
                cases.size(), cases.size() - failures.size());
        failures.forEach(f -> System.out.println("bad input FAILED: " + f));
        assertThat(failures).isEmpty();
    }

    /** Why the answer is not a 4xx with a JSON message; null when it is. */
    String problem(HttpResponse<String> r) {
        if (r.statusCode() < 400 || r.statusCode() >= 500) {
            return "status " + r.statusCode() + " " + abbreviate(r.body());
        }
        JsonNode body;
        try {
            body = json.readTree(r.body());
        } catch (RuntimeException e) {
            return "body is not JSON: " + abbreviate(r.body());
        }
        if (body == null || !body.hasNonNull("message") || body.get("message").asString().isBlank()) {
            return "no message: " + abbreviate(r.body());
        }
        if (body.get("message").asString().length() > MAX_MESSAGE) {
            return "a message of " + body.get("message").asString().length() + " characters (it quotes too much): "
                    + abbreviate(r.body());
        }
        return null;
    }

    /** No message is longer: what a request sent is quoted as a short excerpt (decision 018). */
    static final int MAX_MESSAGE = 600;

    static String changed(Map<String, Object> before, Map<String, Object> after) {
        List<String> tables = new ArrayList<>();
        after.forEach((table, value) -> {
            if (!value.equals(before.get(table))) {
                tables.add(table + " (" + before.get(table) + " -> " + value + ")");
            }
        });
        return String.join(", ", tables);
    }

    /** Every table a write path touches: its row count and a digest of all its rows. */
    static final List<String> TABLES = List.of("project", "label", "label_attribute", "document", "span",
            "span_attribute", "attribution", "app_user", "project_member", "curation_state", "curation_rejection",
            "assignment", "api_token", "span_suggestion", "suggestion_rejection", "recommender_setting",
            "claim_cluster", "claim_member", "audit_event");

    Map<String, Object> fingerprint() {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> rows = jdbc.queryForList("select * from " + table).stream().map(Object::toString).sorted()
                    .toList();
            f.put(table, rows.size() + " rows, digest " + digest(String.join("\n", rows)));
        }
        return f;
    }

    static String digest(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes(s)), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(String user, String method, String path, String contentType, byte[] body)
            throws Exception {
        return send(user, method, path, contentType, body, false);
    }

    /** With {@code chunked}, the body is sent without a length, in pieces. */
    HttpResponse<String> send(String user, String method, String path, String contentType, byte[] body,
            boolean chunked) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
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
