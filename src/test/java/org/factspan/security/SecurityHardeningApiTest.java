package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Login throttling on the REST API, and the security headers of the UI and the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHardeningApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    LoginThrottle throttle;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String user, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void repeatedWrongPasswordsLockTheNameEvenForTheRightPassword() throws Exception {
        users.create("guessme", "Target of guessing", "right-password-1", Role.ANNOTATOR);
        assertThat(get("/api/v1/projects", "guessme", "right-password-1").statusCode()).isEqualTo(200);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            var wrong = get("/api/v1/projects", "guessme", "wrong-" + i);
            assertThat(wrong.statusCode()).isEqualTo(401);
        }
        var locked = get("/api/v1/projects", "guessme", "right-password-1");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed logins");
        assertThat(throttle.isLocked("guessme")).isTrue();
        // other users are not affected
        assertThat(get("/api/v1/projects", "alice", org.factspan.TestUsers.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        throttle.succeeded("guessme"); // (what a successful login after the lock does)
        assertThat(get("/api/v1/projects", "guessme", "right-password-1").statusCode()).isEqualTo(200);
    }

    @Test
    void theUiAndTheApiSendSecurityHeaders() throws Exception {
        var login = get("/login", null, null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
        var api = get("/api/v1/projects", null, null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }
}
