package org.factspan.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.factspan.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The export and import endpoints over real HTTP: streaming, headers, permissions, JSON errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ExportFixture.CONTEXT)
class ExportApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ExportFixture fixture;

    final HttpClient http = HttpClient.newHttpClient();
    String slug;

    record Reply(int status, String contentType, String disposition, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JsonMapper.builder().build().readTree(text());
        }
    }

    @BeforeEach
    void setUp() {
        slug = fixture.project(ExportFixture.TEXT_1, ExportFixture.TEXT_2);
        fixture.annotate(slug);
    }

    Reply call(String user, String method, String path, byte[] body) throws Exception {
        String password = user.equals("admin") ? TestUsers.ADMIN_PASSWORD : TestUsers.DEMO_PASSWORD;
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/octet-stream")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Disposition").orElse(""), response.body());
    }

    String export(String query) {
        return "/api/v1/projects/" + slug + "/export?" + query;
    }

    @Test
    void anAnnotatorDownloadsTheirOwnSet() throws Exception {
        Reply reply = call("alice", "GET", export("format=jsonl"), null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/jsonl");
        assertThat(reply.disposition()).startsWith("attachment; filename=\"" + slug + "-alice-").contains(".jsonl");
        assertThat(reply.text().lines()).hasSize(2);
        assertThat(reply.text()).contains("\"annotator\":\"alice\"").doesNotContain("\"annotator\":\"bob\"");
    }

    @Test
    void refusalsAreJsonAndNothingIsStreamed() throws Exception {
        Reply all = call("alice", "GET", export("format=jsonl&set=all"), null);
        assertThat(all.status()).isEqualTo(403);
        assertThat(all.contentType()).startsWith("application/json");
        assertThat(all.disposition()).isEmpty();
        assertThat(all.json().get("message").asString()).contains("curators");
        assertThat(call("alice", "GET", export("format=jsonl&set=bob"), null).status()).isEqualTo(403);
        Reply format = call("carol", "GET", export("format=xlsx"), null);
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("message").asString()).contains("jsonl", "brat");
        assertThat(call("carol", "GET", export(""), null).status()).isEqualTo(400);
        assertThat(call("carol", "GET", export("format=jsonl&set=nobody"), null).json().get("message").asString())
                .contains("valid sets");
        assertThat(call("carol", "GET", export("format=jsonl&documents=abc"), null).status()).isEqualTo(400);
        assertThat(call("carol", "GET", export("format=jsonl&labels=NOPE"), null).status()).isEqualTo(400);
    }

    @Test
    void curatorsDownloadEverythingAsZipOrFiltered() throws Exception {
        Reply zip = call("carol", "GET", export("format=brat&set=all"), null);
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.disposition()).contains(slug + "-all-").contains(".zip");
        assertThat(new String(zip.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        long second = fixture.document(fixture.actor("carol"), slug, 1);
        Reply filtered = call("carol", "GET", export("format=jsonl&set=all&documents=" + second + "&labels=CLAIM,SOURCE"),
                null);
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.text().lines()).hasSize(1);
        assertThat(filtered.text()).contains("\"annotator\":\"bob\"");
        Reply csv = call("carol", "GET", export("format=csv&set=all"), null);
        assertThat(csv.contentType()).startsWith("text/csv");
        Reply zipped = call("carol", "GET", export("format=csv&set=all&zip=true"), null);
        assertThat(zipped.contentType()).isEqualTo("application/zip");
        assertThat(zipped.disposition()).contains(".zip");
        var entries = ExportServiceTest.unzip(zipped.body());
        assertThat(entries.keySet()).containsExactly(slug + "-all.csv", "README.md");
        assertThat(entries.get(slug + "-all.csv")).isEqualTo(csv.body());
        Reply xmi = call("carol", "GET", export("format=xmi&set=all"), null);
        assertThat(xmi.contentType()).isEqualTo("application/zip");
        assertThat(ExportServiceTest.unzip(xmi.body())).containsKeys("TypeSystem.xml", "README.md");
    }

    @Test
    void importIsAllOrNothingOverHttp() throws Exception {
        String target = fixture.project(ExportFixture.TEXT_1, ExportFixture.TEXT_2);
        byte[] file = call("carol", "GET", export("format=jsonl&set=alice"), null).body();
        String path = "/api/v1/projects/" + target + "/annotations?format=jsonl";
        String bad = new String(file, StandardCharsets.UTF_8).replace("\"label\":\"SOURCE\"", "\"label\":\"OPINION\"");
        Reply rejected = call("alice", "POST", path, bad.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("message").asString()).contains("line 1", "unknown label 'OPINION'");
        assertThat(fixture.counts(target)).containsExactly(0, 0);
        assertThat(call("bob", "POST", path, file).status()).as("bob may not import alice's spans").isEqualTo(403);
        Reply ok = call("alice", "POST", path, file);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("spans").asInt()).isEqualTo(3);
        assertThat(ok.json().get("attributions").asInt()).isEqualTo(1);
        assertThat(fixture.counts(target)).containsExactly(3, 1);
        assertThat(call("alice", "POST", "/api/v1/projects/" + target + "/annotations?format=csv", file).status())
                .isEqualTo(400);
    }
}
