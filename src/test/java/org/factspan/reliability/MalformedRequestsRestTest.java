package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.factspan.ApiClient;
import org.factspan.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13, item 8: requests Tomcat refuses before the application sees them (an encoded slash, a raw bracket) are
 * answered with Factspan's JSON error, not Tomcat's HTML page; a wrong media type is 415 and a wrong method 405 (JSON)
 * even where the path exists, not "no such endpoint". Raw sockets: Java's HTTP client will not send a raw bracket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestsRestTest {

    @LocalServerPort
    int port;

    /** Sends a request line as typed and returns the status line and the body. */
    String[] raw(String target) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: "
                    + ApiClient.basic("alice") + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            var all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int blank = response.indexOf("\r\n\r\n");
            String head = response.substring(0, blank);
            String body = response.substring(blank + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            return new String[] {head, body};
        }
    }

    void assertJson400(String target) throws Exception {
        String[] reply = raw(target);
        assertThat(reply[0]).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/json");
        JsonNode body = JsonMapper.builder().build().readTree(reply[1]);
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("message").asString()).contains("malformed");
    }

    @Test
    void tomcatsOwnRefusalsAreJson() throws Exception {
        assertJson400("/api/v1/projects/" + TestUsers.SEED_PROJECT + "%2Fdocuments");
        assertJson400("/api/v1/projects/%5Cx");
        assertJson400("/api/v1/projects/[x]");
        assertJson400("/api/v1/projects?q=[1]|x");
        // refused by Spring Security's firewall rather than Tomcat
        String[] doubleSlash = raw("/api/v1//projects");
        assertThat(doubleSlash[0]).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/json");
        assertThat(doubleSlash[1]).contains("\"message\":\"The request address is not accepted");
    }

    @Test
    void aWrongMediaTypeIs415AndAWrongMethod405WhereThePathExists() throws Exception {
        ApiClient api = new ApiClient(port);
        var json = api.send("POST", "/api/v1/projects/" + TestUsers.SEED_PROJECT + "/documents",
                ApiClient.basic("carol"), "application/json", "{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.message()).contains("application/json").contains("multipart/form-data");
        var xml = api.send("POST", "/api/v1/me/tokens", ApiClient.basic("alice"), "application/xml",
                "<name>x</name>".getBytes(StandardCharsets.UTF_8));
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.json().get("message").asString()).isNotBlank();
        var method = api.send("PUT", "/api/v1/projects/" + TestUsers.SEED_PROJECT + "/documents",
                ApiClient.basic("alice"), null, null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.contentType()).startsWith("application/json");
        var missing = api.send("GET", "/api/v1/nothing-here", ApiClient.basic("alice"), null, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.message()).startsWith("No such API endpoint: GET /api/v1/nothing-here");
    }
}
