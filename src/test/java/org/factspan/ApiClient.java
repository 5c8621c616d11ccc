package org.factspan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for REST tests: Basic or Bearer credentials, JSON or raw bodies. */
public final class ApiClient {

    public record Reply(int status, String contentType, String body) {
        public JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }

        public String message() {
            return json().get("message").asString();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public ApiClient(int port) {
        this.port = port;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String basic(String user) {
        return basic(user, user.equals("admin") ? TestUsers.ADMIN_PASSWORD : TestUsers.DEMO_PASSWORD);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public Reply send(String method, String path, String authorization, String contentType, byte[] body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    public Reply json(String method, String path, String authorization, String body) throws Exception {
        return send(method, path, authorization, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart/form-data request with one part named {@code field} per file. */
    public Reply multipart(String path, String authorization, String field, List<String> names, List<byte[]> contents)
            throws Exception {
        String boundary = "----factspan" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < names.size(); i++) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + names.get(i) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(contents.get(i));
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, authorization, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }
}
