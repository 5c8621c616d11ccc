package org.factspan.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.factspan.TestData;
import org.factspan.annotation.SpanInfo;
import org.factspan.security.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Curation over real HTTP: permissions (annotators 403, nothing stored), versions, gold CRUD, the list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CurationApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    org.factspan.base.audit.AuditLog audit;
    @Autowired
    CurationService curation;

    final HttpClient http = HttpClient.newHttpClient();
    CurationStudy s;
    SpanInfo aMinister;
    SpanInfo bMinister;

    record Reply(int status, String body) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }

        String message() {
            return json().get("message").asString();
        }
    }

    @BeforeEach
    void setUp() {
        s = new CurationStudy(data);
        s.span(s.a, 14, 25, "CLAIM");
        s.span(s.b, 14, 25, "CLAIM");
        aMinister = s.span(s.a, 27, 39, "SOURCE");
        bMinister = s.span(s.b, 27, 39, "CLAIM");
    }

    Reply call(Actor who, String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/projects/" + s.slug + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (who.username() + ":" + CurationStudy.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    String doc() {
        return "/documents/" + s.doc;
    }

    @Test
    void annotatorsAndOutsidersAreRefusedAndNothingIsStored() throws Exception {
        for (Actor refused : new Actor[] {s.a, s.outsider}) {
            for (String[] c : new String[][] {
                    {"GET", doc() + "/curation", null},
                    {"POST", doc() + "/curation", "{\"mode\": \"majority\"}"},
                    {"POST", doc() + "/curation/accept?version=0", "{\"what\": \"span\", \"id\": " + aMinister.id() + "}"},
                    {"PUT", doc() + "/curation/rejections/spans/" + aMinister.id(), null},
                    {"POST", doc() + "/gold/spans?version=0", "{\"start\": 0, \"end\": 9, \"label\": \"SOURCE\"}"},
                    {"GET", doc() + "/gold/spans", null},
                    {"POST", doc() + "/curation/curated?version=0", null},
                    {"GET", "/disagreements", null}}) {
                Reply reply = call(refused, c[0], c[1], c[2]);
                assertThat(reply.status()).as(refused.username() + " " + c[0] + " " + c[1]).isEqualTo(403);
                assertThat(reply.json().get("status").asInt()).isEqualTo(403);
            }
        }
        assertThat(call(s.a, "GET", "/disagreements", null).message()).contains("curators");
        DocumentCuration c = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(c.status()).isEqualTo(CurationStatus.NOT_STARTED);
        assertThat(c.gold()).isEmpty();
        assertThat(c.spans()).noneMatch(x -> x.status() == ReviewStatus.REJECTED);
    }

    @Test
    void curatorsOpenAcceptAndEditWithVersions() throws Exception {
        s.finished(s.a, s.b);
        Reply before = call(s.cur, "GET", doc() + "/curation", null);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("status").asString()).isEqualTo("not_started");

        Reply opened = call(s.cur, "POST", doc() + "/curation", null);
        assertThat(opened.status()).isEqualTo(200);
        JsonNode c = opened.json();
        assertThat(c.get("status").asString()).isEqualTo("in_progress");
        assertThat(c.get("version").asLong()).isEqualTo(1);
        assertThat(c.get("merge").get("mode").asString()).isEqualTo("unanimous");
        assertThat(c.get("gold")).hasSize(1);
        JsonNode gold = c.get("gold").get(0);
        assertThat(gold.get("text").asString()).isEqualTo("prices fell");
        assertThat(gold.get("provenance").get("kind").asString()).isEqualTo("unanimous");
        assertThat(gold.get("provenance").get("curator").asString()).isEqualTo(s.cur.username());
        assertThat(c.get("openPositions").asLong()).isEqualTo(1);
        assertThat(c.get("positions").get(1).get("kind").asString()).isEqualTo("label_conflict");
        assertThat(c.get("spans").findValuesAsString("status")).containsExactly("agree", "agree", "disagree",
                "disagree");
        assertThat(c.get("document").has("text")).isFalse();

        Reply noVersion = call(s.cur, "POST", doc() + "/curation/accept",
                "{\"what\": \"span\", \"id\": " + bMinister.id() + "}");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.message()).contains("'version' is required");
        Reply badWhat = call(s.cur, "POST", doc() + "/curation/accept?version=1", "{\"what\": \"all\", \"id\": 1}");
        assertThat(badWhat.status()).isEqualTo(400);

        Reply accepted = call(s.cur, "POST", doc() + "/curation/accept?version=1",
                "{\"what\": \"span\", \"id\": " + bMinister.id() + "}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("version").asLong()).isEqualTo(2);
        long goldMinister = accepted.json().get("goldSpan").asLong();

        // A second curator with the old version: 409, nothing changed.
        Reply stale = call(s.cur2, "POST", doc() + "/curation/accept?version=1",
                "{\"what\": \"span\", \"id\": " + aMinister.id() + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.message()).contains("changed by " + s.cur.username()).contains("Reload");
        JsonNode goldNow = call(s.cur2, "GET", doc() + "/gold/spans", null).json();
        assertThat(goldNow.findValuesAsString("label")).containsExactly("CLAIM", "CLAIM");
        assertThat(goldNow.get(1).get("provenance").get("kind").asString()).isEqualTo("adjudicated");

        // Gold CRUD.
        Reply created = call(s.cur2, "POST", doc() + "/gold/spans?version=2",
                "{\"start\": 0, \"end\": 9, \"label\": \"SOURCE\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("version").asLong()).isEqualTo(3);
        long source = created.json().get("span").get("id").asLong();
        Reply attr = call(s.cur2, "PUT", doc() + "/gold/spans/" + goldMinister + "/attributes/verdict?version=3",
                "{\"value\": \"refuted\"}");
        assertThat(attr.status()).isEqualTo(200);
        assertThat(attr.json().get("span").get("attributes").get("verdict").asString()).isEqualTo("refuted");
        Reply badAttr = call(s.cur2, "PUT", doc() + "/gold/spans/" + goldMinister + "/attributes/verdict?version=4",
                "{\"value\": \"maybe\"}");
        assertThat(badAttr.status()).isEqualTo(400);
        Reply link = call(s.cur2, "POST", doc() + "/gold/attributions?version=4",
                "{\"source\": " + source + ", \"content\": " + goldMinister + "}");
        assertThat(link.status()).isEqualTo(201);
        long attribution = link.json().get("attribution").get("id").asLong();
        JsonNode links = call(s.cur, "GET", doc() + "/gold/attributions", null).json();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("provenance").get("kind").asString()).isEqualTo("curator");
        assertThat(links.get(0).get("provenance").get("curator").asString()).isEqualTo(s.cur2.username());
        assertThat(call(s.cur, "DELETE", doc() + "/gold/attributions/" + attribution + "?version=5", null).json()
                .get("version").asLong()).isEqualTo(6);
        assertThat(call(s.cur, "PATCH", doc() + "/gold/spans/" + source + "?version=6", "{\"label\": \"CLAIM\"}")
                .json().get("span").get("label").asString()).isEqualTo("CLAIM");
        assertThat(call(s.cur, "DELETE", doc() + "/gold/spans/" + goldMinister + "/attributes/verdict?version=7", null)
                .json().get("span").get("attributes").size()).isZero();
        assertThat(call(s.cur, "DELETE", doc() + "/gold/spans/" + source + "?version=8", null).json().get("version")
                .asLong()).isEqualTo(9);

        // Rejections, marking curated, reopening.
        assertThat(call(s.cur, "PUT", doc() + "/curation/rejections/spans/" + aMinister.id(), null).status())
                .isEqualTo(204);
        assertThat(call(s.cur, "GET", doc() + "/curation", null).json().get("spans").findValuesAsString("status"))
                .contains("rejected");
        assertThat(call(s.cur, "DELETE", doc() + "/curation/rejections/spans/" + aMinister.id(), null).status())
                .isEqualTo(204);
        Reply curated = call(s.cur, "POST", doc() + "/curation/curated?version=9", null);
        assertThat(curated.json().get("status").asString()).isEqualTo("curated");
        assertThat(call(s.cur, "POST", doc() + "/gold/spans?version=10", "{\"start\": 0, \"end\": 9, \"label\":"
                + " \"SOURCE\"}").status()).isEqualTo(409);
        assertThat(call(s.cur, "DELETE", doc() + "/curation/curated?version=10", null).json().get("version").asLong())
                .isEqualTo(11);
    }

    @Test
    void theDisagreementListIsJsonWithFilters() throws Exception {
        s.span(s.a, 0, 9, "SOURCE");
        Reply all = call(s.cur, "GET", "/disagreements", null);
        assertThat(all.status()).isEqualTo(200);
        JsonNode list = all.json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("kind").asString()).isEqualTo("label_conflict");
        assertThat(list.get(0).get("text").asString()).isEqualTo("The minister");
        assertThat(list.get(0).get("document").asLong()).isEqualTo(s.doc);
        assertThat(list.get(1).get("kind").asString()).isEqualTo("incomplete");
        assertThat(list.get(1).get("missing").get(0).asString()).isEqualTo(s.b.username());
        assertThat(call(s.cur, "GET", "/disagreements?label=CLAIM", null).json()).hasSize(1);
        assertThat(call(s.cur, "GET", "/disagreements?annotator=" + s.b.username(), null).json()).hasSize(1);
        assertThat(call(s.cur, "GET", "/disagreements?document=" + s.doc2, null).json()).isEmpty();
        JsonNode anonymous = call(s.cur, "GET", "/disagreements?anonymous=true", null).json();
        assertThat(anonymous.get(0).get("annotators").get(0).asString()).startsWith("Annotator ");
        assertThat(call(s.cur, "GET", "/disagreements?label=NOPE", null).status()).isEqualTo(400);
        assertThat(call(s.cur, "GET", "/disagreements?document=abc", null).status()).isEqualTo(400);
        assertThat(call(s.cur, "GET", "/disagreements?document=999999999", null).status()).isEqualTo(404);
    }

    @Test
    void markingCuratedWhileAnythingIsOpenIs409WithThePlacesUnlessOverridden() throws Exception {
        s.span(s.a, 0, 9, "SOURCE");
        s.finished(s.a, s.b);
        long v = call(s.cur, "POST", doc() + "/curation", null).json().get("version").asLong();
        JsonNode state = call(s.cur, "GET", doc() + "/curation", null).json();
        assertThat(state.get("openPositions").asLong()).isEqualTo(2);
        JsonNode list = call(s.cur, "GET", "/disagreements?document=" + s.doc, null).json();
        assertThat(list).as("the same list as the curation's places").hasSize(2);

        Reply refused = call(s.cur, "POST", doc() + "/curation/curated?version=" + v, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asString()).isEqualTo("Conflict");
        assertThat(refused.json().has("timestamp")).isTrue();
        assertThat(refused.message()).contains("2 open places").contains("“Officials”").contains("override");
        assertThat(refused.json().get("open").findValuesAsString("kind")).containsExactlyInAnyOrder("incomplete",
                "label_conflict");
        assertThat(refused.json().get("open").findValuesAsString("description"))
                .contains(s.a.username() + " has a SOURCE here that " + s.b.username() + " does not.");
        assertThat(call(s.cur, "GET", doc() + "/curation", null).json().get("status").asString())
                .as("refused: nothing changed").isEqualTo("in_progress");
        assertThat(call(s.a, "POST", doc() + "/curation/curated?version=" + v + "&override=true", null).status())
                .as("annotators may not override").isEqualTo(403);

        Reply anyway = call(s.cur, "POST", doc() + "/curation/curated?version=" + v + "&override=true", null);
        assertThat(anyway.status()).isEqualTo(200);
        JsonNode after = call(s.cur, "GET", doc() + "/curation", null).json();
        assertThat(after.get("status").asString()).isEqualTo("curated");
        assertThat(after.get("curatedOpen").asInt()).isEqualTo(2);
        var recorded = audit.ofDocument(s.doc).stream().filter(e -> e.action().equals("curation.curated")).toList();
        assertThat(recorded).hasSize(1);
        assertThat(recorded.getFirst().after()).contains("\"override\":true").contains("\"open\":2");
        assertThat(call(s.cur, "PUT", doc() + "/curation/rejections/spans/" + aMinister.id(), null).status())
                .as("a curated document refuses rejections too").isEqualTo(409);
        long reopened = call(s.cur, "DELETE", doc() + "/curation/curated?version=" + anyway.json().get("version")
                .asLong(), null).json().get("version").asLong();
        assertThat(call(s.cur, "GET", doc() + "/curation", null).json().get("curatedOpen").isNull()).isTrue();
        assertThat(reopened).isPositive();
    }
}
