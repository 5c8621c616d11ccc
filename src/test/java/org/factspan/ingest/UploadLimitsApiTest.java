package org.factspan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.factspan.ApiClient;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.corpus.CorpusService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One way in, over REST: annotation import (the twin that document import's hardening missed) refuses a zip bomb, too
 * many entries, a nested archive, an oversized body and invalid text with a clear 4xx (413 when size is the problem),
 * stores nothing and allocates about nothing; and every other body is bounded (2 MB by default) before it is parsed,
 * whether it declares its length or comes in chunks, so six concurrent 60 MB span bodies cost the server nothing.
 * "Heap flat" is measured as the bytes the JVM allocated while the server answered ({@link Allocation}): what a
 * reader that unpacks or buffers the whole upload cannot stay under.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadLimitsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();
    FreshProject p;
    String auth;
    long doc;

    @BeforeEach
    void project() {
        p = data.fresh("uploads");
        auth = ApiClient.basic(p.annotator.username());
        doc = p.documents.values().iterator().next();
    }

    record Answer(int status, JsonNode body) {
        String message() {
            return body == null || !body.has("message") ? "" : body.get("message").asString();
        }
    }

    /** A request with a declared length (or, with {@code chunked}, without one: sent in pieces). */
    Answer send(String method, String path, String type, byte[] body, boolean chunked) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Content-Type", type)
                .method(method, chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed;
        try {
            parsed = json.readTree(r.body());
        } catch (RuntimeException e) {
            parsed = null;
        }
        return new Answer(r.statusCode(), parsed);
    }

    Answer importAnnotations(String format, byte[] body, boolean chunked) throws Exception {
        return send("POST", "/api/v1/projects/" + p.slug + "/annotations?format=" + format, "application/octet-stream",
                body, chunked);
    }

    long stored() {
        return jdbc.queryForObject("select (select count(*) from span s join document d on d.id = s.document_id"
                + " where d.project_id = ?) + (select count(*) from audit_event)", Long.class, p.id);
    }

    /** Sends the upload, expects the status and message, nothing stored and at most {@code maxAllocated} allocated. */
    void refused(String what, Callable<Answer> upload, int status, String message, long maxAllocated)
            throws Exception {
        long before = stored();
        Allocation allocation = Allocation.start();
        Answer answer = upload.call();
        long allocated = allocation.serverBytes();
        System.out.println("annotation import, " + what + ": " + answer.status() + " after allocating "
                + Allocation.mb(allocated) + ": " + answer.message());
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.message()).as(what).contains(message).hasSizeLessThan(400);
        assertThat(stored()).as(what + ": nothing stored").isEqualTo(before);
        assertThat(allocated).as(what + ": bytes allocated while refusing").isLessThan(maxAllocated);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void annotationImportRefusesBombsArchivesAndBadTextWithNothingStoredAndHeapFlat() throws Exception {
        byte[] bomb = Zips.bomb(256);
        assertThat(bomb.length).isLessThan(2_000_000);
        refused("a 256 MB zip bomb", () -> importAnnotations("brat", bomb, false), 413,
                "a zip bomb is not read; nothing was imported", 64L << 20);
        refused("2,001 entries", () -> importAnnotations("brat", Zips.many(2001), false), 413,
                "has more than 2000 entries", 64L << 20);
        refused("a zip in the zip", () -> importAnnotations("brat", Zips.zip("a.txt", "Text.", "a.ann", "",
                "more.zip", Zips.zip("b.txt", "x")), false), 400,
                "The brat zip!more.zip: is an archive inside an archive", 64L << 20);
        refused("a file that is no zip", () -> importAnnotations("brat", bytes("T1\tCLAIM 0 4\tText"), false), 400,
                "The brat zip: is not a zip archive", 64L << 20);
        refused("invalid UTF-8 in a brat file", () -> importAnnotations("brat", Zips.zip("a.txt", "Text.", "a.ann",
                new byte[] {'T', '1', '\t', (byte) 0xC3, (byte) 0x28}), false), 400, "a.ann line 1: not valid UTF-8",
                64L << 20);
        String line = "{\"id\":" + doc + ",\"spans\":[]}\n";
        refused("invalid UTF-8 in jsonl", () -> importAnnotations("jsonl", concat(bytes(line),
                new byte[] {'{', '"', 'i', 'd', '"', ':', (byte) 0xFF, '}'}), false), 400,
                "line 2: not valid UTF-8 (byte", 64L << 20);
        refused("a lone surrogate in a text", () -> importAnnotations("jsonl",
                bytes("{\"id\":1,\"name\":\"x\",\"text\":\"hello \\ud800 world\",\"spans\":[]}"), false), 400,
                "line 1: 'text' holds a lone surrogate (U+D800", 64L << 20);
        refused("NUL in an attribute value", () -> importAnnotations("jsonl", bytes("{\"id\":" + doc
                + ",\"name\":\"x\",\"text\":" + json.writeValueAsString(text()) + ",\"spans\":[{\"id\":1,\"start\":0,"
                + "\"end\":3,\"label\":\"CLAIM\",\"attributes\":{\"note\":\"a\\u0000b\"}}]}"), false), 400,
                "line 1, span 1: 'note' holds NUL (U+0000)", 64L << 20);
    }

    String text() {
        return corpus.textIndex(doc).text();
    }

    @Test
    void anOversizedAnnotationFileIsRefusedBeforeOrAtTheLimit() throws Exception {
        byte[] big = new byte[50_000_001];
        java.util.Arrays.fill(big, (byte) '\n');
        // declared: refused before a byte is read
        refused("a declared body over the file limit", () -> importAnnotations("jsonl", big, false), 413,
                "The file of annotations: is larger than 50000000 bytes", 16L << 20);
        // chunked: read up to the limit, not a byte further
        refused("a chunked body over the file limit", () -> importAnnotations("jsonl", big, true), 413,
                "The file of annotations: is larger than 50000000 bytes", 160L << 20);
    }

    @Test
    void anUploadEndpointTakesBodiesOverTheGeneralLimit() throws Exception {
        byte[] padded = concat(bytes("\n".repeat(3_000_000)), bytes("{\"id\":" + doc + ",\"name\":\"x\",\"text\":"
                + json.writeValueAsString(text()) + ",\"spans\":[{\"id\":1,\"start\":0,\"end\":3,\"label\":\"CLAIM\"}]}"
                + "\n"));
        Answer answer = importAnnotations("jsonl", padded, false);
        assertThat(answer.status()).as(answer.message()).isEqualTo(200);
        assertThat(answer.body().get("spans").asInt()).isEqualTo(1);
    }

    @Test
    void everyOtherBodyIsBoundedBeforeParsing() throws Exception {
        String spans = "/api/v1/projects/" + p.slug + "/documents/" + doc + "/spans";
        // under the limit: white space pads a valid body to 1.9 MB, and it is parsed
        byte[] padded = bytes("{\"start\":0,\"end\":3,\"label\":\"CLAIM\"" + " ".repeat(1_900_000) + "}");
        assertThat(send("POST", spans, "application/json", padded, false).status()).isEqualTo(201);
        byte[] over = bytes("{\"start\":4,\"end\":9,\"label\":\"CLAIM\"" + " ".repeat(2_100_000) + "}");
        for (boolean chunked : new boolean[] {false, true}) {
            long before = stored();
            Answer answer = send("POST", spans, "application/json", over, chunked);
            assertThat(answer.status()).as("chunked " + chunked).isEqualTo(413);
            assertThat(answer.message()).contains("larger than 2097152 bytes, the limit of a request"
                    + " (FACTSPAN_MAX_BODY_BYTES)");
            assertThat(answer.body().get("error").asString()).isEqualTo("Content Too Large");
            assertThat(stored()).isEqualTo(before);
        }
    }

    @Test
    void sixConcurrentSixtyMegabyteBodiesCostTheServerNothing() throws Exception {
        String spans = "/api/v1/projects/" + p.slug + "/documents/" + doc + "/spans";
        byte[] huge = new byte[60 << 20];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        for (boolean chunked : new boolean[] {false, true}) {
            long before = stored();
            Allocation allocation = Allocation.start();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    answers.add(pool.submit(() -> {
                        try {
                            return send("POST", spans, "application/json", huge, chunked).status();
                        } catch (java.io.IOException closed) {
                            return -1; // the server answered 413 and closed the connection while we still sent
                        }
                    }));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).as("chunked " + chunked).isIn(413, -1);
                }
            } finally {
                pool.shutdown();
            }
            long allocated = allocation.serverBytes();
            System.out.println("six concurrent 60 MB span bodies (" + (chunked ? "chunked" : "declared")
                    + "): the server allocated " + Allocation.mb(allocated) + " (with the test's clients "
                    + Allocation.mb(allocation.bytes()) + ")");
            // refused by their declared length, or read up to 2 MB each
            assertThat(allocated).as("chunked " + chunked).isLessThan(64L << 20);
            assertThat(stored()).isEqualTo(before);
        }
        assertThat(send("GET", "/api/v1/projects/" + p.slug + "/documents", "application/json", new byte[0], false)
                .status()).isEqualTo(200);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
