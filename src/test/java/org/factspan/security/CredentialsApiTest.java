package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.factspan.ApiClient;
import org.factspan.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, "Credentials follow the person": a new password (changed or reset) revokes the user's tokens and says so;
 * admins list and revoke anyone's tokens; a token cannot create tokens; tokens may expire; a disabled user's tokens
 * stop at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CredentialsApiTest {

    static final String PASSWORD = TestUsers.DEMO_PASSWORD;

    @LocalServerPort
    int port;

    ApiClient api;
    String user;

    @BeforeEach
    void aFreshUser() throws Exception {
        api = new ApiClient(port);
        user = "cred-" + Long.toString(System.nanoTime() % 100_000_000, 36);
        assertThat(api.json("POST", "/api/v1/users", ApiClient.basic("admin"), "{\"username\":\"" + user
                + "\",\"displayName\":\"Cred\",\"password\":\"" + PASSWORD + "\",\"role\":\"ANNOTATOR\"}").status())
                .isEqualTo(201);
    }

    String token(String password, String name) throws Exception {
        var made = api.json("POST", "/api/v1/me/tokens", ApiClient.basic(user, password), "{\"name\":\"" + name + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("token").asString();
    }

    int me(String authorization) throws Exception {
        return api.json("GET", "/api/v1/me", authorization, null).status();
    }

    @Test
    void changingOnesOwnPasswordRevokesOnesTokensAndSaysSo() throws Exception {
        String first = token(PASSWORD, "one");
        String second = token(PASSWORD, "two");
        assertThat(me(ApiClient.bearer(first))).isEqualTo(200);
        var changed = api.json("PUT", "/api/v1/me/password", ApiClient.basic(user, PASSWORD),
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a-new-secret-2\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("tokensRevoked").asInt()).isEqualTo(2);
        assertThat(changed.message()).contains("2 of your API tokens were revoked");
        assertThat(me(ApiClient.bearer(first))).isEqualTo(401);
        assertThat(me(ApiClient.bearer(second))).isEqualTo(401);
        assertThat(api.json("GET", "/api/v1/me/tokens", ApiClient.basic(user, "a-new-secret-2"), null).json())
                .isEmpty();
    }

    @Test
    void anAdminsResetRevokesTheUsersTokensAndSaysSo() throws Exception {
        String token = token(PASSWORD, "laptop");
        var reset = api.json("PUT", "/api/v1/users/" + user + "/password", ApiClient.basic("admin"),
                "{\"password\":\"reset-by-admin-3\"}");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("user").asString()).isEqualTo(user);
        assertThat(reset.json().get("tokensRevoked").asInt()).isEqualTo(1);
        assertThat(reset.message()).contains("1 of " + user + "'s API tokens was revoked");
        assertThat(me(ApiClient.bearer(token))).isEqualTo(401);
        assertThat(me(ApiClient.basic(user, "reset-by-admin-3"))).isEqualTo(200);
    }

    @Test
    void adminsListAndRevokeAnyonesTokens() throws Exception {
        String keep = token(PASSWORD, "keep");
        String drop = token(PASSWORD, "drop");
        JsonNode listed = api.json("GET", "/api/v1/users/" + user + "/tokens", ApiClient.basic("admin"), null).json();
        assertThat(listed).hasSize(2);
        assertThat(listed.toString()).doesNotContain(keep.substring(10)).doesNotContain(drop.substring(10));
        long dropId = 0;
        for (JsonNode t : listed) {
            if (t.get("name").asString().equals("drop")) {
                dropId = t.get("id").asLong();
            }
            assertThat(t.has("expiresAt")).isTrue();
        }
        // not for anyone else, and not another user's token id
        assertThat(api.json("GET", "/api/v1/users/" + user + "/tokens", ApiClient.basic("carol"), null).status())
                .isEqualTo(403);
        assertThat(api.json("DELETE", "/api/v1/users/" + user + "/tokens/" + dropId, ApiClient.bearer(keep), null)
                .status()).isEqualTo(403);
        assertThat(api.json("DELETE", "/api/v1/users/alice/tokens/" + dropId, ApiClient.basic("admin"), null)
                .status()).isEqualTo(404);
        assertThat(me(ApiClient.bearer(drop))).isEqualTo(200);

        assertThat(api.json("DELETE", "/api/v1/users/" + user + "/tokens/" + dropId, ApiClient.basic("admin"), null)
                .status()).isEqualTo(204);
        assertThat(me(ApiClient.bearer(drop))).isEqualTo(401);
        assertThat(me(ApiClient.bearer(keep))).isEqualTo(200);
        var all = api.json("DELETE", "/api/v1/users/" + user + "/tokens", ApiClient.basic("admin"), null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("tokensRevoked").asInt()).isEqualTo(1);
        assertThat(me(ApiClient.bearer(keep))).isEqualTo(401);
    }

    @Test
    void aTokenCannotCreateTokensButAPasswordCan() throws Exception {
        String token = token(PASSWORD, "script");
        var minted = api.json("POST", "/api/v1/me/tokens", ApiClient.bearer(token), "{\"name\":\"child\"}");
        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.message()).contains("cannot create tokens");
        assertThat(api.json("GET", "/api/v1/me/tokens", ApiClient.bearer(token), null).json()).hasSize(1);
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() throws Exception {
        String soon = Instant.now().plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        var made = api.json("POST", "/api/v1/me/tokens", ApiClient.basic(user, PASSWORD),
                "{\"name\":\"short-lived\",\"expiresAt\":\"" + soon + "\"}");
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().get("info").get("expiresAt").asString()).isEqualTo(soon);
        String token = made.json().get("token").asString();
        assertThat(me(ApiClient.bearer(token))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> me(ApiClient.bearer(token)) == 401);
        var refused = api.json("GET", "/api/v1/me", ApiClient.bearer(token), null);
        assertThat(refused.message()).contains("expired");
        // still listed, with its expiry, until revoked
        assertThat(api.json("GET", "/api/v1/me/tokens", ApiClient.basic(user, PASSWORD), null).json().get(0)
                .get("expiresAt").asString()).isEqualTo(soon);

        var past = api.json("POST", "/api/v1/me/tokens", ApiClient.basic(user, PASSWORD),
                "{\"name\":\"already over\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.message()).contains("future");
    }

    @Test
    void disablingAUserStopsTheirTokensAtOnce() throws Exception {
        String token = token(PASSWORD, "nightly");
        assertThat(me(ApiClient.bearer(token))).isEqualTo(200);
        assertThat(api.json("PATCH", "/api/v1/users/" + user, ApiClient.basic("admin"), "{\"enabled\":false}")
                .status()).isEqualTo(200);
        assertThat(me(ApiClient.bearer(token))).isEqualTo(401);
        assertThat(me(ApiClient.basic(user, PASSWORD))).isEqualTo(401);
        assertThat(api.json("PATCH", "/api/v1/users/" + user, ApiClient.basic("admin"), "{\"enabled\":true}")
                .status()).isEqualTo(200);
        assertThat(me(ApiClient.bearer(token))).as("enabled again: the token was refused, not revoked")
                .isEqualTo(200);
    }
}
