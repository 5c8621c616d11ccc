package org.factspan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Search, suggestions and recommender settings over real HTTP: JSON, offsets, status codes, permissions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchAndSuggestionsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    final HttpClient http = HttpClient.newHttpClient();
    SearchFixture f;

    record Reply(int status, String body) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    @BeforeEach
    void setUp() {
        f = new SearchFixture(data);
    }

    Reply call(String method, String path, String user, String body) throws Exception {
        String password = user.equals("admin") ? TestUsers.ADMIN_PASSWORD : SearchFixture.PASSWORD;
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    String search(String query) {
        return "/api/v1/projects/" + f.slug + "/search?" + query;
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void searchAnswersHitsInContextWithCodePointOffsets() throws Exception {
        Reply reply = call("GET", search("q=" + q("arrests")), f.ann.username(), null);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("total").asLong()).isEqualTo(1);
        JsonNode hit = body.get("hits").get(0);
        assertThat(hit.get("kind").asString()).isEqualTo("DOCUMENT");
        assertThat(hit.get("documentId").asLong()).isEqualTo(f.d2);
        assertThat(hit.get("match").asString()).isEqualTo("arrests");
        assertThat(hit.get("start").asInt()).isEqualTo(SearchFixture.cp(SearchFixture.D2, "arrests"));
        assertThat(hit.get("before").asString()).endsWith("Police reported two ");
    }

    @Test
    void filtersAndPermissionsAreTheServices() throws Exception {
        JsonNode mine = call("GET", search("label=SOURCE"), f.ann.username(), null).json();
        assertThat(mine.get("hits")).hasSize(1);
        assertThat(mine.get("hits").get(0).get("spanId").asLong()).isEqualTo(f.minister.id());
        JsonNode all = call("GET", search("label=SOURCE&annotator=" + f.other.username()), f.curator.username(), null)
                .json();
        assertThat(all.get("hits").get(0).get("spanId").asLong()).isEqualTo(f.police.id());
        assertThat(call("GET", search("annotator=" + f.other.username()), f.ann.username(), null).status())
                .isEqualTo(403);
        assertThat(call("GET", search("q=police"), f.outsider.username(), null).status()).isEqualTo(403);
        JsonNode refuted = call("GET", search("attr=verdict:refuted&state=in_progress"), f.ann.username(), null).json();
        assertThat(refuted.get("hits").get(0).get("spanId").asLong()).isEqualTo(f.claim.id());
        assertThat(refuted.get("hits").get(0).get("attributes").get("verdict").asString()).isEqualTo("refuted");
    }

    @Test
    void badInputIsA400WithAMessage() throws Exception {
        for (String query : new String[] {"q=" + q("\"open"), "label=NOPE", "attr=verdict", "state=done", "kind=x",
                "limit=0", "limit=abc"}) {
            Reply reply = call("GET", search(query), f.ann.username(), null);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.json().get("message").asString()).as(query).isNotBlank();
        }
    }

    @Test
    void optionsAndRebuild() throws Exception {
        JsonNode options = call("GET", "/api/v1/projects/" + f.slug + "/search/options", f.ann.username(), null).json();
        assertThat(options.get("labels").values()).extracting(JsonNode::asString).containsExactly("CLAIM", "SOURCE",
                "ATTRIBUTION");
        assertThat(options.get("allAnnotators").asBoolean()).isFalse();
        assertThat(call("POST", "/api/v1/search/rebuild", f.curator.username(), null).status()).isEqualTo(403);
        Reply rebuilt = call("POST", "/api/v1/search/rebuild", "admin", null);
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.json().get("documents").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void suggestionsAcceptRejectAndRecommenderSettings() throws Exception {
        String docs = "/api/v1/projects/" + f.slug + "/documents/" + f.d3;
        JsonNode list = call("GET", docs + "/suggestions", f.ann.username(), null).json();
        // "Protesters gathered in the main square; the ministry said nothing."
        JsonNode said = null;
        JsonNode ministry = null;
        for (JsonNode s : list) {
            String text = SearchFixture.D3.substring(s.get("start").asInt(), s.get("end").asInt());
            if (text.equals("said")) {
                said = s;
            } else if (text.equals("the ministry")) {
                ministry = s;
            }
        }
        assertThat(said).isNotNull();
        assertThat(ministry).isNotNull();
        assertThat(said.get("recommender").asString()).isEqualTo("patterns");
        String pick = "{\"start\": %d, \"end\": %d, \"label\": \"%s\"}";
        Reply accepted = call("POST", docs + "/suggestions/accept", f.ann.username(), pick.formatted(
                said.get("start").asInt(), said.get("end").asInt(), said.get("label").asString()));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.json().get("text").asString()).isEqualTo("said");
        assertThat(call("POST", docs + "/suggestions/accept", f.ann.username(), pick.formatted(
                said.get("start").asInt(), said.get("end").asInt(), "ATTRIBUTION")).status()).isEqualTo(409);
        assertThat(call("POST", docs + "/suggestions/reject", f.ann.username(), pick.formatted(
                ministry.get("start").asInt(), ministry.get("end").asInt(), "SOURCE")).status()).isEqualTo(204);
        assertThat(call("GET", docs + "/suggestions", f.ann.username(), null).json()).isEmpty();
        assertThat(call("POST", docs + "/suggestions/reject", f.ann.username(), "{\"start\": 1}").status())
                .isEqualTo(400);

        String recommenders = "/api/v1/projects/" + f.slug + "/recommenders";
        JsonNode status = call("GET", recommenders, f.ann.username(), null).json();
        assertThat(status.values()).extracting(r -> r.get("id").asString()).containsExactly("patterns",
                "opennlp-name-finder");
        assertThat(status.get(0).get("accepted").asLong()).isEqualTo(1);
        assertThat(call("PUT", recommenders + "/patterns", f.ann.username(), "{\"enabled\": false}").status())
                .isEqualTo(403);
        Reply off = call("PUT", recommenders + "/patterns", f.curator.username(), "{\"enabled\": false}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("enabled").asBoolean()).isFalse();
        assertThat(call("GET", "/api/v1/projects/" + f.slug + "/documents/" + f.d1 + "/suggestions", f.other.username(),
                null).json()).isEmpty();
        assertThat(call("PUT", recommenders + "/patterns", f.curator.username(), "{}").status()).isEqualTo(400);

        assertThat(call("GET", recommenders + "/evaluation", f.curator.username(), null).status()).isEqualTo(404);
        Reply evaluation = call("POST", recommenders + "/evaluation", f.curator.username(), null);
        assertThat(evaluation.status()).isEqualTo(200);
        assertThat(evaluation.body()).doesNotContain("NaN");
        assertThat(evaluation.json().get("documents").asInt()).isEqualTo(3);
        assertThat(evaluation.json().get("recommenders")).hasSize(2);
        assertThat(call("POST", recommenders + "/evaluation", f.ann.username(), null).status()).isEqualTo(403);
    }

    @Test
    void aProjectsSuggestionThresholdKeepsLowScoredSuggestionsOut() throws Exception {
        String docs = "/api/v1/projects/" + f.slug + "/documents/" + f.d3;
        JsonNode all = call("GET", docs + "/suggestions", f.ann.username(), null).json();
        assertThat(all.values()).anyMatch(s -> s.get("score").asDouble() < 0.9);
        String project = "/api/v1/projects/" + f.slug;
        String settings = "{\"settings\": {\"snapWords\": true, \"allowOverlap\": true, \"annotatorsPerDocument\": 2,"
                + " \"suggestionThreshold\": %s}}";
        assertThat(call("PUT", project, f.ann.username(), settings.formatted("0.9")).status()).isEqualTo(403);
        assertThat(call("PUT", project, f.curator.username(), settings.formatted("1.5")).status()).isEqualTo(400);
        assertThat(call("PUT", project, f.curator.username(), settings.formatted("0.9")).status()).isEqualTo(200);
        assertThat(call("GET", project, f.ann.username(), null).json().get("settings").get("suggestionThreshold")
                .asDouble()).isEqualTo(0.9);
        JsonNode kept = call("GET", docs + "/suggestions", f.ann.username(), null).json();
        assertThat(kept.values()).isNotEmpty().allMatch(s -> s.get("score").asDouble() >= 0.9);
        assertThat(kept.size()).isLessThan(all.size());
        // a change of other settings leaves it as it is; 0 offers all again
        assertThat(call("PUT", project, f.curator.username(), "{\"settings\": {\"snapWords\": true, \"allowOverlap\":"
                + " true, \"annotatorsPerDocument\": 3}}").status()).isEqualTo(200);
        assertThat(call("GET", project, f.ann.username(), null).json().get("settings").get("suggestionThreshold")
                .asDouble()).isEqualTo(0.9);
        assertThat(call("PUT", project, f.curator.username(), settings.formatted("0")).status()).isEqualTo(200);
        assertThat(call("GET", docs + "/suggestions", f.ann.username(), null).json()).hasSize(all.size());
    }
}
