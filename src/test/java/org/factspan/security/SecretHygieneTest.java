package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.factspan.ApiClient;
import org.factspan.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No secret in the log or in the database: passwords (user creation, reset, own change, form and Basic logins, a
 * wrong password) and API tokens (creation, use) never appear in the application's output, not even with Spring's
 * web and security logging at DEBUG (which prints request and response bodies); the database holds bcrypt hashes
 * and token hashes, never a raw password or token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SecretHygieneTest {

    static final List<String> CHATTY = List.of("org.springframework.web", "org.springframework.security",
            "org.springframework.http", "org.apache.catalina", "org.factspan");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void quietAgain() {
        CHATTY.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void passwordsAndTokensAppearNeitherInTheLogNorInTheDatabase(CapturedOutput output) throws Exception {
        CHATTY.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        ApiClient api = new ApiClient(port);
        String tag = Long.toString(System.nanoTime() % 1_000_000, 36);
        String user = "secret-" + tag;
        String created = "Created-Pw-" + tag + "!x";
        String reset = "Reset-Pw-" + tag + "!y";
        String changed = "Changed-Pw-" + tag + "!z";
        String wrong = "Wrong-Pw-" + tag + "!w";
        List<String> secrets = new ArrayList<>(List.of(created, reset, changed, wrong, TestUsers.ADMIN_PASSWORD));

        var made = api.json("POST", "/api/v1/users", ApiClient.basic("admin"), "{\"username\":\"" + user
                + "\",\"displayName\":\"Secret keeper\",\"password\":\"" + created + "\",\"role\":\"ANNOTATOR\"}");
        assertThat(made.status()).isEqualTo(201);
        assertThat(api.json("GET", "/api/v1/me", ApiClient.basic(user, created), null).status()).isEqualTo(200);
        assertThat(api.json("PUT", "/api/v1/users/" + user + "/password", ApiClient.basic("admin"),
                "{\"password\":\"" + reset + "\"}").status()).isEqualTo(200);
        assertThat(api.json("GET", "/api/v1/me", ApiClient.basic(user, wrong), null).status()).isEqualTo(401);
        assertThat(api.json("PUT", "/api/v1/me/password", ApiClient.basic(user, reset),
                "{\"currentPassword\":\"" + reset + "\",\"newPassword\":\"" + changed + "\"}").status()).isEqualTo(200);
        // the login form, as the browser posts it
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(changed, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location").orElse("")).doesNotContain("error");

        var token = api.json("POST", "/api/v1/me/tokens", ApiClient.basic(user, changed), "{\"name\":\"notebook\"}");
        assertThat(token.status()).isEqualTo(201);
        String raw = token.json().get("token").asString();
        secrets.add(raw);
        assertThat(api.json("GET", "/api/v1/me", ApiClient.bearer(raw), null).status()).isEqualTo(200);
        assertThat(api.json("GET", "/api/v1/me", ApiClient.bearer(raw + "x"), null).status()).isEqualTo(401);

        // the DEBUG log did record the requests (so the check below looks at something)
        assertThat(output.getAll()).contains("/api/v1/me/tokens").contains(user);
        for (String secret : secrets) {
            assertThat(output.getAll()).as("the log holds a secret").doesNotContain(secret);
            assertThat(output.getAll()).doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }

        // the database: a bcrypt hash, a token hash and a short prefix, never the secrets
        assertThat(jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, user))
                .startsWith("$2");
        String hash = jdbc.queryForObject("select t.token_hash from api_token t join app_user u on u.id = t.user_id"
                + " where u.username = ?", String.class, user);
        assertThat(hash).hasSize(64).isNotEqualTo(raw).doesNotContain(raw.substring(ApiTokenService.PREFIX.length()));
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where"
                + " lower(table_schema) = 'public' and lower(table_name) <> 'flyway_schema_history'", String.class)) {
            String rows = jdbc.queryForList("select * from " + table).toString();
            for (String secret : secrets) {
                assertThat(rows).as("table " + table + " holds a secret").doesNotContain(secret);
            }
        }
    }
}
