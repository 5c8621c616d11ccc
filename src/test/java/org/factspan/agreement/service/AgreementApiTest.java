package org.factspan.agreement.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.corpus.ProjectRole;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/projects/{slug}/agreement} over real HTTP: permissions, filters, values, NaN as null. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgreementApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    final HttpClient http = HttpClient.newHttpClient();
    AgreementStudy study;

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    @BeforeEach
    void setUp() {
        study = new AgreementStudy(data);
    }

    Reply get(String path, String user, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    Reply seed(String user) throws Exception {
        return get("/api/v1/projects/" + TestUsers.SEED_PROJECT + "/agreement", user,
                user.equals("admin") ? TestUsers.ADMIN_PASSWORD : TestUsers.DEMO_PASSWORD);
    }

    Reply asCurator(String query) throws Exception {
        return get("/api/v1/projects/" + study.slug + "/agreement" + query, study.curator.username(),
                AgreementStudy.PASSWORD);
    }

    @Test
    void annotatorsAreRefusedCuratorsAndAdminsAnswered() throws Exception {
        Reply alice = seed("alice");
        assertThat(alice.status()).isEqualTo(403);
        assertThat(alice.contentType()).startsWith("application/json");
        assertThat(alice.json().get("message").asString()).contains("curators");
        for (String user : new String[] {"carol", "admin"}) {
            Reply reply = seed(user);
            assertThat(reply.status()).as(user).isEqualTo(200);
            JsonNode body = reply.json();
            assertThat(body.get("measures").propertyNames()).containsExactly("attribution_f1", "attribution_f1_overlap", "cohen_kappa",
                    "fleiss_kappa", "krippendorff_alpha_unitizing", "span_f1_exact", "span_f1_overlap");
            assertThat(body.get("documents")).hasSize(5);
            assertThat(body.get("annotators").isArray()).isTrue();
        }
        Reply annotator = get("/api/v1/projects/" + study.slug + "/agreement", study.a.username(),
                AgreementStudy.PASSWORD);
        assertThat(annotator.status()).isEqualTo(403);
        assertThat(get("/api/v1/projects/" + study.slug + "/agreement", study.outsider.username(),
                AgreementStudy.PASSWORD).status()).isEqualTo(403);
    }

    @Test
    void valuesPairsAndDocumentsOfTheFixedStudy() throws Exception {
        Reply reply = asCurator("?documents=" + study.d2 + "," + study.d1 + "&annotators=" + study.a.username() + ","
                + study.b.username());
        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("annotators").values()).extracting(JsonNode::asString)
                .containsExactly(study.a.username(), study.b.username());
        JsonNode exact = body.get("measures").get("span_f1_exact");
        assertThat(exact.get("overall").asDouble()).isCloseTo(0.6, within(1e-9));
        assertThat(exact.get("byLabel").get("CLAIM").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(exact.get("byLabel").get("SOURCE").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(exact.get("pairs")).hasSize(1);
        assertThat(exact.get("pairs").get(0).get("a").asString()).isEqualTo(study.a.username());
        assertThat(exact.get("pairs").get(0).get("b").asString()).isEqualTo(study.b.username());
        assertThat(exact.get("pairs").get(0).get("value").asDouble()).isCloseTo(0.6, within(1e-9));
        assertThat(exact.get("units").asInt()).isEqualTo(10);
        assertThat(exact.get("nanReason").isNull()).isTrue();
        assertThat(body.get("measures").get("cohen_kappa").get("overall").asDouble()).isCloseTo(5.0 / 33, within(1e-9));

        JsonNode documents = body.get("documents");
        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).get("id").asLong()).isEqualTo(study.d1);
        assertThat(documents.get(0).get("spanF1Exact").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(documents.get(0).get("spans").asInt()).isEqualTo(5);
        assertThat(documents.get(0).get("title").asString()).startsWith("First ");
        assertThat(documents.get(1).get("spanF1Exact").asDouble()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void undefinedValuesAreNullWithAReason() throws Exception {
        Reply reply = asCurator("?annotators=" + study.a.username());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("NaN");
        JsonNode body = reply.json();
        assertThat(body.get("measures").size()).isEqualTo(7);
        for (JsonNode measure : body.get("measures").values()) {
            assertThat(measure.get("overall").isNull()).isTrue();
            assertThat(measure.get("nanReason").asString()).isEqualTo("needs at least two annotators");
        }
        assertThat(body.get("documents").get(0).get("spanF1Exact").isNull()).isTrue();
        assertThat(body.get("documents").get(0).get("nanReason").asString()).isEqualTo("needs at least two annotators");

        // c and a fourth annotator have spans in d2 only: on d1 their pair has nothing to compare, so it is null.
        String d = "d-" + study.slug;
        Actor fourth = data.user(d, d, AgreementStudy.PASSWORD, Role.ANNOTATOR);
        study.p.join(fourth, ProjectRole.ANNOTATOR);
        study.p.span(fourth, study.d2, 20, 25, "CLAIM");
        JsonNode pairs = asCurator("?documents=" + study.d1 + "&annotators=" + study.a.username() + ","
                + study.c.username() + "," + d).json().get("measures").get("span_f1_exact").get("pairs");
        assertThat(pairs).hasSize(3);
        assertThat(pairs.get(0).get("value").asDouble()).isZero();
        assertThat(pairs.get(1).get("value").asDouble()).isZero();
        assertThat(pairs.get(2).get("a").asString()).isEqualTo(study.c.username());
        assertThat(pairs.get(2).get("value").isNull()).isTrue();
    }

    @Test
    void badFiltersAnswer4xx() throws Exception {
        assertThat(asCurator("?documents=abc").status()).isEqualTo(400);
        assertThat(asCurator("?documents=999999999").status()).isEqualTo(404);
        Reply unknown = asCurator("?annotators=nobody-at-all");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asString()).contains("nobody-at-all");
        assertThat(get("/api/v1/projects/no-such-project/agreement", "carol", TestUsers.DEMO_PASSWORD).status())
                .isEqualTo(404);
    }
}
