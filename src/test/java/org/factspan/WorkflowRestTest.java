package org.factspan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.factspan.ApiClient.basic;
import static org.factspan.ApiClient.bearer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.factspan.ApiClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The team workflow over real HTTP: users, tokens, projects with their schema, members, import, assignments,
 * finishing and progress, each with its 401/403 and bad input.
 */
@Tag("slow") // about 11 s on two cores: integration phase (decision 028)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkflowRestTest {

    static final String PASSWORD = "team-secret-9";

    @LocalServerPort
    int port;
    ApiClient api;
    String tag;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        tag = Long.toString(System.nanoTime(), 36);
    }

    static final String ADMIN = basic("admin");

    String user(String name, String role) throws Exception {
        Reply r = api.json("POST", "/api/v1/users", ADMIN, "{\"username\": \"" + name + "\", \"displayName\": \"" + name
                + "\", \"password\": \"" + PASSWORD + "\", \"role\": \"" + role + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return basic(name, PASSWORD);
    }

    String project(String slug) throws Exception {
        Reply r = api.json("POST", "/api/v1/projects", ADMIN, """
                {"slug": "%s", "name": "Team %s", "description": "for tests", "guidelines": "# Rules",
                 "settings": {"snapWords": true, "allowOverlap": false, "annotatorsPerDocument": 2},
                 "labels": [
                   {"name": "CLAIM", "title": "Claim", "key": "1", "color": "#0072B2", "kind": "CONTENT",
                    "attributes": [{"name": "verdict", "kind": "ENUM", "options": ["true", "false"]}]},
                   {"name": "SOURCE", "title": "Source", "key": "2", "color": "#E69F00", "kind": "SOURCE"},
                   {"name": "OPINION", "title": "Opinion", "key": "3", "color": "#009E73", "kind": "SPAN"}]}
                """.formatted(slug, slug));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return "/api/v1/projects/" + slug;
    }

    @Test
    void usersAreManagedByAdminsOnly() throws Exception {
        String carol = basic("carol");
        assertThat(api.json("GET", "/api/v1/users", carol, null).status()).isEqualTo(403);
        assertThat(api.json("POST", "/api/v1/users", carol, "{\"username\": \"x" + tag + "\", \"password\":"
                + " \"long-enough-1\"}").status()).isEqualTo(403);
        assertThat(api.json("GET", "/api/v1/users", null, null).status()).isEqualTo(401);

        String dora = "dora-" + tag;
        String auth = user(dora, "ANNOTATOR");
        assertThat(api.json("GET", "/api/v1/me", auth, null).json().get("username").asString()).isEqualTo(dora);
        assertThat(api.json("GET", "/api/v1/users", ADMIN, null).json())
                .anySatisfy(u -> assertThat(u.get("username").asString()).isEqualTo(dora));

        // bad input: nothing created
        Reply shortPassword = api.json("POST", "/api/v1/users", ADMIN, "{\"username\": \"e" + tag + "\", \"password\":"
                + " \"short\"}");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.message()).contains("at least 8");
        assertThat(api.json("GET", "/api/v1/users/e" + tag, ADMIN, null).status()).isEqualTo(404);
        assertThat(api.json("POST", "/api/v1/users", ADMIN, "{\"username\": \"" + dora + "\", \"password\":"
                + " \"long-enough-1\"}").status()).isEqualTo(409);
        assertThat(api.json("POST", "/api/v1/users", ADMIN, "{\"username\": \"Bad Name\", \"password\":"
                + " \"long-enough-1\"}").status()).isEqualTo(400);

        // reset password, then disable: the old password and finally the user stop working
        assertThat(api.json("PUT", "/api/v1/users/" + dora + "/password", ADMIN, "{\"password\": \"another-pass-2\"}")
                .status()).isEqualTo(200);
        assertThat(api.json("GET", "/api/v1/me", auth, null).status()).isEqualTo(401);
        String renewed = basic(dora, "another-pass-2");
        assertThat(api.json("GET", "/api/v1/me", renewed, null).status()).isEqualTo(200);
        assertThat(api.json("PATCH", "/api/v1/users/" + dora, ADMIN, "{\"enabled\": false}").json().get("enabled")
                .asBoolean()).isFalse();
        assertThat(api.json("GET", "/api/v1/me", renewed, null).status()).isEqualTo(401);

        Reply selfDisable = api.json("PATCH", "/api/v1/users/admin", ADMIN, "{\"enabled\": false}");
        assertThat(selfDisable.status()).isEqualTo(400);
        assertThat(api.json("GET", "/api/v1/me", ADMIN, null).status()).isEqualTo(200);
    }

    @Test
    void usersChangeTheirOwnPassword() throws Exception {
        String name = "pat-" + tag;
        String auth = user(name, "ANNOTATOR");
        Reply wrong = api.json("PUT", "/api/v1/me/password", auth,
                "{\"currentPassword\": \"nope-nope\", \"newPassword\": \"brand-new-pass\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.message()).contains("current password");
        assertThat(api.json("PUT", "/api/v1/me/password", auth,
                "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"brand-new-pass\"}").status())
                .isEqualTo(200);
        assertThat(api.json("GET", "/api/v1/me", auth, null).status()).isEqualTo(401);
        assertThat(api.json("GET", "/api/v1/me", basic(name, "brand-new-pass"), null).status()).isEqualTo(200);
    }

    @Test
    void personalTokensWorkAsBearerUntilRevoked() throws Exception {
        String name = "tok-" + tag;
        String auth = user(name, "ANNOTATOR");
        Reply created = api.json("POST", "/api/v1/me/tokens", auth, "{\"name\": \"script\"}");
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asString();
        long id = created.json().get("info").get("id").asLong();
        assertThat(token).startsWith("fsp_").hasSize(47);

        // the listing never shows the secret
        Reply listed = api.json("GET", "/api/v1/me/tokens", auth, null);
        assertThat(listed.body()).doesNotContain(token);
        assertThat(listed.json().get(0).get("prefix").asString()).isEqualTo(token.substring(0, 10));

        Reply me = api.json("GET", "/api/v1/me", bearer(token), null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(name);
        // a token is the user: an annotator's token cannot manage users
        assertThat(api.json("GET", "/api/v1/users", bearer(token), null).status()).isEqualTo(403);

        Reply wrong = api.json("GET", "/api/v1/me", bearer(token + "x"), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/json");
        assertThat(api.json("GET", "/api/v1/me", bearer("garbage"), null).status()).isEqualTo(401);

        // someone else cannot revoke it
        assertThat(api.json("DELETE", "/api/v1/me/tokens/" + id, basic("bob"), null).status()).isEqualTo(404);
        assertThat(api.json("GET", "/api/v1/me", bearer(token), null).status()).isEqualTo(200);

        assertThat(api.json("DELETE", "/api/v1/me/tokens/" + id, auth, null).status()).isEqualTo(204);
        assertThat(api.json("GET", "/api/v1/me", bearer(token), null).status()).isEqualTo(401);
        assertThat(api.json("GET", "/api/v1/me/tokens", auth, null).json()).isEmpty();

        // tokens of a disabled user stop working
        String second = api.json("POST", "/api/v1/me/tokens", auth, "{\"name\": \"again\"}").json().get("token")
                .asString();
        api.json("PATCH", "/api/v1/users/" + name, ADMIN, "{\"enabled\": false}");
        assertThat(api.json("GET", "/api/v1/me", bearer(second), null).status()).isEqualTo(401);
        assertThat(api.json("POST", "/api/v1/me/tokens", ADMIN, "{\"name\": \"\"}").status()).isEqualTo(400);
    }

    @Test
    void projectsAreCreatedChangedAndDeletedWithTheirSchema() throws Exception {
        String slug = "rest-" + tag;
        String path = project(slug);
        JsonNode details = api.json("GET", path, ADMIN, null).json();
        assertThat(details.get("settings").get("annotatorsPerDocument").asInt()).isEqualTo(2);
        assertThat(details.get("labels")).hasSize(3);

        // curators who are not members, and annotators, are refused
        assertThat(api.json("PUT", path, basic("carol"), "{\"name\": \"Mine\"}").status()).isEqualTo(403);
        assertThat(api.json("POST", "/api/v1/projects", basic("carol"), "{\"slug\": \"c" + tag + "\", \"name\": \"C\","
                + " \"labels\": []}").status()).isEqualTo(403);
        // bad input
        assertThat(api.json("POST", "/api/v1/projects", ADMIN, "{\"slug\": \"Bad Slug\", \"name\": \"x\"}").status())
                .isEqualTo(400);
        assertThat(api.json("POST", "/api/v1/projects", ADMIN, "{\"slug\": \"" + slug + "\", \"name\": \"x\"}")
                .status()).isEqualTo(409);
        Reply badColour = api.json("PUT", path + "/labels/EXTRA", ADMIN, "{\"title\": \"Extra\", \"key\": \"4\","
                + " \"color\": \"red\", \"kind\": \"SPAN\"}");
        assertThat(badColour.status()).isEqualTo(400);
        assertThat(badColour.message()).contains("colour");
        Reply sameKey = api.json("PUT", path + "/labels/EXTRA", ADMIN, "{\"title\": \"Extra\", \"key\": \"1\","
                + " \"color\": \"#123456\", \"kind\": \"SPAN\"}");
        assertThat(sameKey.status()).isEqualTo(400);
        assertThat(sameKey.message()).contains("same key");
        assertThat(api.json("GET", path, ADMIN, null).json().get("labels")).hasSize(3);

        // rename, settings and guidelines in one PUT
        Reply changed = api.json("PUT", path, ADMIN, "{\"name\": \"Renamed\", \"guidelines\": \"**Be brief**\","
                + " \"settings\": {\"snapWords\": false, \"allowOverlap\": true, \"annotatorsPerDocument\": 3}}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("Renamed");
        assertThat(changed.json().get("settings").get("annotatorsPerDocument").asInt()).isEqualTo(3);
        assertThat(api.json("PUT", path, ADMIN, "{\"settings\": {\"snapWords\": true, \"allowOverlap\": true,"
                + " \"annotatorsPerDocument\": 0}}").status()).isEqualTo(400);

        // a label in use: refused with the count, or mapped
        long doc = importOne(path, "claims.txt", "Officials said forty people were hurt in the clashes.");
        assertThat(api.json("POST", path + "/documents/" + doc + "/spans", ADMIN,
                "{\"start\": 0, \"end\": 9, \"label\": \"OPINION\"}").status()).isEqualTo(201);
        assertThat(api.json("GET", path + "/labels/OPINION/usage", ADMIN, null).json().get("spans").asLong())
                .isEqualTo(1);
        Reply refused = api.json("DELETE", path + "/labels/OPINION", ADMIN, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).contains("used by 1 span");
        assertThat(api.json("GET", path, ADMIN, null).json().get("labels")).hasSize(3);
        Reply mapped = api.json("DELETE", path + "/labels/OPINION?mapTo=CLAIM", ADMIN, null);
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        assertThat(mapped.json().get("labels")).hasSize(2);
        assertThat(api.json("GET", path + "/documents/" + doc + "/spans", ADMIN, null).json().get(0).get("label")
                .asString()).isEqualTo("CLAIM");

        // archive: read-only; only admins
        assertThat(api.json("PUT", path, ADMIN, "{\"archived\": true}").json().get("archived").asBoolean()).isTrue();
        Reply readOnly = api.json("POST", path + "/documents/" + doc + "/spans", ADMIN,
                "{\"start\": 10, \"end\": 16, \"label\": \"SOURCE\"}");
        assertThat(readOnly.status()).isEqualTo(409);
        assertThat(readOnly.message()).contains("archived");
        assertThat(api.json("PUT", path, ADMIN, "{\"archived\": false}").status()).isEqualTo(200);

        // delete asks for the name
        Reply noName = api.json("DELETE", path, ADMIN, null);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.message()).contains("Renamed");
        assertThat(api.json("DELETE", path + "?confirm=Renamed", basic("carol"), null).status()).isEqualTo(403);
        assertThat(api.json("GET", path, ADMIN, null).status()).isEqualTo(200);
        assertThat(api.json("DELETE", path + "?confirm=Renamed", ADMIN, null).status()).isEqualTo(204);
        assertThat(api.json("GET", path, ADMIN, null).status()).isEqualTo(404);
    }

    long importOne(String path, String name, String text) throws Exception {
        Reply r = api.multipart(path + "/documents", ADMIN, "file", List.of(name),
                List.of(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("imported").get(0).get("id").asLong();
    }

    @Test
    void documentsAreImportedAllOrNothing() throws Exception {
        String path = project("imp-" + tag);
        String jsonl = "{\"text\": \"First text of the batch.\", \"name\": \"one\", \"meta\": {\"outlet\": \"X\"}}\n"
                + "{\"text\": \"Second text of the batch.\"}\n";
        Reply ok = api.multipart(path + "/documents", ADMIN, "file", List.of("a.txt", "batch.jsonl"),
                List.of("\uFEFFA plain text.".getBytes(StandardCharsets.UTF_8), jsonl.getBytes(StandardCharsets.UTF_8)));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("imported")).hasSize(3);
        JsonNode docs = api.json("GET", path + "/documents", ADMIN, null).json();
        assertThat(docs).hasSize(3);
        long first = docs.get(0).get("id").asLong();
        assertThat(api.json("GET", path + "/documents/" + first + "/text", ADMIN, null).body())
                .isEqualTo("A plain text.");
        assertThat(docs.get(1).get("name").asString()).isEqualTo("one");
        assertThat(docs.get(1).get("meta").get("outlet").asString()).isEqualTo("X");

        // a bad line rejects everything, naming file and line
        Reply bad = api.multipart(path + "/documents", ADMIN, "file", List.of("new.txt", "broken.jsonl"),
                List.of("A new text.".getBytes(StandardCharsets.UTF_8),
                        "{\"text\": \"fine\"}\n{\"text\": \"broken\"\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).contains("broken.jsonl, line 2");
        assertThat(api.json("GET", path + "/documents", ADMIN, null).json()).hasSize(3);

        // raw body with a file name; duplicates are reported and skipped
        Reply raw = api.send("POST", path + "/documents?filename=again.txt", ADMIN, "text/plain",
                "A plain text.".getBytes(StandardCharsets.UTF_8));
        assertThat(raw.status()).as(raw.body()).isEqualTo(201);
        assertThat(raw.json().get("imported")).isEmpty();
        assertThat(raw.json().get("duplicates").get(0).get("sameAs").asString()).contains("a.txt");

        // annotators may not import; strangers get 403, nobody 401
        String annotator = user("imp-ann-" + tag, "ANNOTATOR");
        api.json("PUT", path + "/members/imp-ann-" + tag, ADMIN, "{\"role\": \"ANNOTATOR\"}");
        assertThat(api.multipart(path + "/documents", annotator, "file", List.of("x.txt"),
                List.of("Some text.".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(403);
        assertThat(api.multipart(path + "/documents", basic("bob"), "file", List.of("x.txt"),
                List.of("Some text.".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(403);
        assertThat(api.multipart(path + "/documents", null, "file", List.of("x.txt"),
                List.of("Some text.".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(401);
        assertThat(api.json("GET", path + "/documents", ADMIN, null).json()).hasSize(3);
    }

    @Test
    void assignmentsQueueFinishReopenAndProgress() throws Exception {
        String slug = "asg-" + tag;
        String path = project(slug);
        String ann1 = "ann1-" + tag;
        String ann2 = "ann2-" + tag;
        String cur = "cur-" + tag;
        String a1 = user(ann1, "ANNOTATOR");
        String a2 = user(ann2, "ANNOTATOR");
        String c = user(cur, "CURATOR");
        for (String[] m : new String[][] {{ann1, "ANNOTATOR"}, {ann2, "ANNOTATOR"}, {cur, "CURATOR"}}) {
            assertThat(api.json("PUT", path + "/members/" + m[0], ADMIN, "{\"role\": \"" + m[1] + "\"}").status())
                    .isEqualTo(200);
        }
        assertThat(api.json("PUT", path + "/members/" + ann1, c, "{\"role\": \"CURATOR\"}").status()).isEqualTo(403);
        String jsonl = "{\"text\": \"Doc one says the minister resigned.\"}\n{\"text\": \"Doc two says he did not.\"}\n"
                + "{\"text\": \"Doc three is about the weather today.\"}\n";
        api.multipart(path + "/documents", c, "file", List.of("b.jsonl"), List.of(jsonl.getBytes(StandardCharsets.UTF_8)));
        JsonNode docs = api.json("GET", path + "/documents", c, null).json();
        long d1 = docs.get(0).get("id").asLong();
        long d2 = docs.get(1).get("id").asLong();
        long d3 = docs.get(2).get("id").asLong();

        // before any assignment, annotators see every document
        assertThat(api.json("GET", path + "/documents", a1, null).json()).hasSize(3);
        assertThat(api.json("POST", path + "/assignments/auto", a1, null).status()).isEqualTo(403);
        assertThat(api.json("PUT", path + "/documents/" + d1 + "/assignees/" + ann1, a1, null).status()).isEqualTo(403);

        // by hand, then automatically for the rest (k = 2)
        assertThat(api.json("PUT", path + "/documents/" + d1 + "/assignees/" + ann1, c, null).status()).isEqualTo(201);
        assertThat(api.json("PUT", path + "/documents/" + d1 + "/assignees/" + ann1, c, null).status()).isEqualTo(409);
        assertThat(api.json("PUT", path + "/documents/" + d1 + "/assignees/" + cur, c, null).status()).isEqualTo(400);
        // annotators now see only what is assigned to them
        assertThat(api.json("GET", path + "/documents", a1, null).json()).hasSize(1);
        assertThat(api.json("GET", path + "/documents", a2, null).json()).isEmpty();
        assertThat(api.json("GET", path + "/documents/" + d1 + "/text", a2, null).status()).isEqualTo(403);

        JsonNode auto = api.json("POST", path + "/assignments/auto", c, null).json();
        assertThat(auto.get("created").asInt()).isEqualTo(5);
        assertThat(api.json("GET", path + "/assignments", c, null).json()).hasSize(6);
        assertThat(api.json("GET", path + "/assignments/mine", a2, null).json()).hasSize(3);

        // the queue: next unfinished after the current document
        assertThat(api.json("GET", path + "/assignments/next", a1, null).json().get("documentId").asLong())
                .isEqualTo(d1);
        assertThat(api.json("GET", path + "/assignments/next?after=" + d1, a1, null).json().get("documentId").asLong())
                .isEqualTo(d2);

        // spans, then finish: read-only for the annotator until a curator reopens
        String spans = path + "/documents/" + d1 + "/spans";
        assertThat(api.json("POST", spans, a1, "{\"start\": 0, \"end\": 3, \"label\": \"CLAIM\"}").status())
                .isEqualTo(201);
        Reply overlap = api.json("POST", spans, a1, "{\"start\": 1, \"end\": 7, \"label\": \"SOURCE\"}");
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.message()).contains("overlap");
        assertThat(api.json("POST", path + "/documents/" + d1 + "/finish", a1, null).json().get("finished").asBoolean())
                .isTrue();
        Reply locked = api.json("POST", spans, a1, "{\"start\": 4, \"end\": 7, \"label\": \"CLAIM\"}");
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.message()).contains("finished");
        long spanId = api.json("GET", spans, a1, null).json().get(0).get("id").asLong();
        assertThat(api.json("DELETE", spans + "/" + spanId, a1, null).status()).isEqualTo(409);
        assertThat(api.json("GET", spans, a1, null).json()).hasSize(1);
        assertThat(api.json("GET", path + "/assignments/next?after=" + d3, a1, null).json().get("documentId").asLong())
                .isNotEqualTo(d1);

        JsonNode progress = api.json("GET", path + "/progress", c, null).json();
        assertThat(api.json("GET", path + "/progress", a1, null).status()).isEqualTo(403);
        assertThat(api.json("GET", path + "/progress", basic("bob"), null).status()).isEqualTo(403);
        assertThat(progress.get("spansPerLabel").get("CLAIM").asLong()).isEqualTo(1);
        JsonNode first = progress.get("documents").get(0);
        assertThat(first.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(first.get("assignees")).anySatisfy(a -> {
            assertThat(a.get("username").asString()).isEqualTo(ann1);
            assertThat(a.get("state").asString()).isEqualTo("FINISHED");
        });
        assertThat(progress.get("annotators")).anySatisfy(a -> {
            assertThat(a.get("username").asString()).isEqualTo(ann1);
            assertThat(a.get("finished").asInt()).isEqualTo(1);
            assertThat(a.get("spans").asLong()).isEqualTo(1);
        });

        assertThat(api.json("POST", path + "/documents/" + d1 + "/assignees/" + ann1 + "/reopen", a1, null).status())
                .isEqualTo(403);
        assertThat(api.json("POST", path + "/documents/" + d1 + "/assignees/" + ann1 + "/reopen", c, null).status())
                .isEqualTo(200);
        assertThat(api.json("POST", spans, a1, "{\"start\": 4, \"end\": 7, \"label\": \"CLAIM\"}").status())
                .isEqualTo(201);

        // reassign and unassign
        String holder = api.json("GET", path + "/assignments", c, null).json().findValuesAsString("username").stream()
                .filter(n -> !n.equals(ann1)).findFirst().orElseThrow();
        Reply moved = api.json("POST", path + "/documents/" + d3 + "/assignees/" + ann2 + "/reassign", c,
                "{\"to\": \"" + ann1 + "\"}");
        assertThat(moved.status()).isIn(200, 409);
        assertThat(api.json("DELETE", path + "/documents/" + d2 + "/assignees/" + holder, c, null).status())
                .isEqualTo(204);
        assertThat(api.json("DELETE", path + "/documents/" + d2 + "/assignees/" + holder, c, null).status())
                .isEqualTo(404);
        Reply removeMember = api.json("DELETE", path + "/members/" + ann1, ADMIN, null);
        assertThat(removeMember.status()).isEqualTo(409);
        assertThat(removeMember.message()).contains("assignment");
    }
}
