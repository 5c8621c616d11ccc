package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.factspan.ApiClient;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.claims.ClaimService;
import org.factspan.corpus.CorpusService;
import org.factspan.curation.CurationService;
import org.factspan.curation.MergeOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import org.factspan.corpus.DocumentId;
import org.factspan.base.Version;

/**
 * Issue 8: an annotator never reads another annotator's spans before the document is curated: not in their span and
 * attribution lists, the export (their own set, another's, all, gold), search, the claim board, the history, the
 * curation and agreement endpoints, nor in the suggestions (which must not hand back another's spans of the same
 * document). Once the document is curated, the claim board may show its gold claims (without names).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnotatorsStayBlindApiTest {

    static final String FILE = "000_e2f29e929665aa3d.txt";
    static final List<String> BOBS_CLAIMS = List.of("peacekeeping forces", "mass protests", "outside interference",
            "biggest crisis in decades");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CurationService curation;
    @Autowired
    ClaimService claims;

    FreshProject p;
    ApiClient api;
    String alice;
    String P;
    long doc;
    SpanInfo alicesClaim;
    List<SpanInfo> bobs = new ArrayList<>();
    Set<Long> bobsIds = new HashSet<>();
    long bobsTriple;

    @BeforeEach
    void twoAnnotatorsLabelTheSameArticle() {
        p = data.fresh("blind");
        api = new ApiClient(port);
        alice = ApiClient.basic(p.annotator.username());
        P = "/api/v1/projects/" + p.slug;
        doc = p.document(FILE);
        alicesClaim = p.label(p.annotator, FILE, "Police patrolling the streets", "CLAIM");
        for (String phrase : BOBS_CLAIMS) {
            bobs.add(p.label(p.annotator2, FILE, phrase, "CLAIM"));
        }
        SpanInfo source = p.label(p.annotator2, FILE, "A Russia-led military alliance", "SOURCE");
        bobs.add(source);
        bobs.forEach(s -> bobsIds.add(s.id()));
        bobsTriple = annotations.createAttribution(p.annotator2, p.slug, doc, source.id(), null, bobs.get(0).id())
                .id();
    }

    JsonNode get(String path) throws Exception {
        ApiClient.Reply r = api.json("GET", path, alice, null);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.json();
    }

    int status(String method, String path) throws Exception {
        return api.json(method, path, alice, method.equals("PATCH") ? "{\"label\":\"SOURCE\"}" : null).status();
    }

    /**
     * Nothing of bob's in a JSON answer: no object names him (annotator, owner, user), no span (an object with a label
     * and offsets) is one of his, and no reference (spanId, source, cue, content, span) points at one of his spans.
     */
    void assertNothingOfBobs(String what, JsonNode node) {
        List<String> found = new ArrayList<>();
        walk(node, found);
        assertThat(found).as(what + ": bob's work in " + abbreviate(node.toString())).isEmpty();
    }

    private void walk(JsonNode node, List<String> found) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, found));
        } else if (node.isObject()) {
            for (String field : List.of("annotator", "owner", "username", "user")) {
                if (node.has(field) && node.get(field).isString()
                        && node.get(field).asString().equals(p.annotator2.username())) {
                    found.add(field + " " + node);
                }
            }
            for (String field : List.of("spanId", "source", "cue", "content", "span")) {
                if (node.has(field) && node.get(field).isNumber() && bobsIds.contains(node.get(field).asLong())) {
                    found.add(field + " " + node);
                }
            }
            if (node.has("label") && node.has("start") && node.has("id")
                    && bobsIds.contains(node.get("id").asLong())) {
                found.add("span " + node);
            }
            node.forEach(n -> walk(n, found));
        }
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    @Test
    void spansAttributionsAndHistoryAreOnlyHerOwn() throws Exception {
        JsonNode spans = get(P + "/documents/" + doc + "/spans");
        assertThat(spans).extracting(s -> s.get("id").asLong()).containsExactly(alicesClaim.id());
        assertNothingOfBobs("attributions", get(P + "/documents/" + doc + "/attributions"));
        assertNothingOfBobs("history", get(P + "/documents/" + doc + "/history"));
        for (SpanInfo s : bobs) {
            assertThat(get(P + "/documents/" + doc + "/spans/" + s.id() + "/history")).as("history of bob's span")
                    .isEmpty();
            assertThat(status("PATCH", P + "/documents/" + doc + "/spans/" + s.id())).isEqualTo(403);
            assertThat(status("DELETE", P + "/documents/" + doc + "/spans/" + s.id())).isEqualTo(403);
        }
        assertThat(status("DELETE", P + "/documents/" + doc + "/attributions/" + bobsTriple)).isEqualTo(403);
        // she sees bob's work exist nowhere else either: not in the project list's counts
        JsonNode projects = get("/api/v1/projects");
        for (JsonNode project : projects) {
            if (project.get("slug").asString().equals(p.slug)) {
                assertThat(project.get("mySpans").asLong()).isEqualTo(1);
            }
        }
    }

    @Test
    void theExportGivesHerOwnSetOnly() throws Exception {
        ApiClient.Reply mine = api.json("GET", P + "/export?format=jsonl", alice, null);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("\"annotator\":\"" + p.annotator.username() + "\"");
        for (String line : mine.body().split("\n")) {
            if (!line.isBlank()) {
                assertNothingOfBobs("her export", tools.jackson.databind.json.JsonMapper.builder().build()
                        .readTree(line));
            }
        }
        for (String set : List.of(p.annotator2.username(), "all", "gold")) {
            for (String format : List.of("jsonl", "csv", "brat", "xmi", "claims")) {
                ApiClient.Reply r = api.json("GET", P + "/export?format=" + format + "&set=" + set, alice, null);
                assertThat(r.status()).as(format + " set=" + set + ": " + r.body()).isEqualTo(403);
            }
        }
    }

    @Test
    void searchFindsTheTextButNotBobsSpans() throws Exception {
        JsonNode hits = get(P + "/search?q=" + "peacekeeping&kind=any").get("hits");
        assertThat(hits).isNotEmpty(); // the document's text
        assertNothingOfBobs("search", hits);
        assertNothingOfBobs("span search", get(P + "/search?q=protests&kind=span"));
        assertNothingOfBobs("label search", get(P + "/search?label=CLAIM"));
        assertThat(status("GET", P + "/search?annotator=" + p.annotator2.username())).isEqualTo(403);
    }

    @Test
    void curationAgreementAndDisagreementsAreClosedToHer() throws Exception {
        curation.open(p.curator, p.slug, doc, MergeOptions.unanimous(), false);
        for (String path : List.of("/documents/" + doc + "/curation", "/documents/" + doc + "/gold/spans",
                "/documents/" + doc + "/gold/attributions", "/disagreements", "/agreement", "/progress",
                "/claims/spans", "/claims/suggestions?span=" + bobs.get(0).id())) {
            assertThat(status("GET", P + path)).as(path).isEqualTo(403);
        }
    }

    @Test
    void theClaimBoardWaitsUntilTheDocumentIsCurated() throws Exception {
        var cluster = claims.create(p.curator, p.slug, "Peacekeepers are sent", List.of(bobs.get(0).id()));
        assertThat(get(P + "/claims/clusters")).isEmpty();
        assertThat(status("GET", P + "/claims/clusters/" + cluster.id())).isEqualTo(403);

        long version = curation.open(p.curator, p.slug, doc, MergeOptions.none(), false).version();
        // curated anyway (open places stay): this test is about what curated documents show
        curation.markCurated(p.curator, p.slug, new DocumentId(doc), new Version(version), true);
        JsonNode after = get(P + "/claims/clusters");
        assertThat(after).hasSize(1);
        // now the document is curated: the board may show the claim, but never whose it was
        assertThat(after.toString()).contains("peacekeeping forces").doesNotContain(p.annotator2.username());
    }

    @Test
    void suggestionsDoNotHandBackBobsSpansOfThisDocument() throws Exception {
        Set<String> bobsExtents = new HashSet<>();
        bobs.forEach(s -> bobsExtents.add(s.label() + " " + s.start() + "-" + s.end()));
        List<String> echoed = new ArrayList<>();
        for (JsonNode s : get(P + "/documents/" + doc + "/suggestions")) {
            String key = s.get("label").asString() + " " + s.get("start").asInt() + "-" + s.get("end").asInt();
            if (bobsExtents.contains(key) && !s.get("recommender").asString().equals("patterns")) {
                echoed.add(key + " from " + s.get("recommender").asString());
            }
        }
        assertThat(echoed).as("suggestions that are bob's spans of this document, learnt from them").isEmpty();
    }
}
