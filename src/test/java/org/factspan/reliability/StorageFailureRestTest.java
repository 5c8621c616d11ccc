package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.factspan.ApiClient;
import org.factspan.SwitchableDataSource;
import org.factspan.SwitchableDataSource.Mode;
import org.factspan.TestUsers;
import org.factspan.base.StorageFailures;
import org.factspan.security.ApiTokenService;
import org.factspan.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Issue 13, "Storage errors say what they are": with the database closed (as H2 closes it after a full disk) or
 * read-only, every REST call answers 503 with one clear message, whether it came with a token, a password or a login
 * form; nobody is sent to log in; the health endpoint says the database is down; and everything works again as soon
 * as the database does, without a restart. Reads with a token keep working on a read-only database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "factspan.test.context=storage-failure")
@Import(StorageFailureSwitch.class)
class StorageFailureRestTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserService users;

    ApiClient api;
    String token;
    String spans;
    final HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiClient(port);
        token = ApiClient.bearer(tokens.create(users.findActor("alice").orElseThrow(), "storage test").token());
        long doc = api.json("GET", "/api/v1/projects/" + TestUsers.SEED_PROJECT + "/documents", token, null).json()
                .get(0).get("id").asLong();
        spans = "/api/v1/projects/" + TestUsers.SEED_PROJECT + "/documents/" + doc + "/spans";
    }

    @AfterEach
    void heal() {
        storage().set(Mode.OK);
    }

    SwitchableDataSource storage() {
        return (SwitchableDataSource) dataSource;
    }

    void assertStorage503(ApiClient.Reply reply, String what) {
        assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(503);
        assertThat(reply.contentType()).as(what).startsWith("application/json");
        assertThat(reply.message()).as(what).isEqualTo(StorageFailures.MESSAGE);
    }

    static String status(HttpResponse<String> health) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(health.body()).get("status")
                .asString();
    }

    HttpResponse<String> get(String path) throws Exception {
        return noRedirects.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClosedDatabaseAnswers503ToTokensPasswordsAndFormsAndRecoversWithTheDisk() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        storage().set(Mode.CLOSED);

        assertStorage503(api.json("GET", "/api/v1/projects", token, null), "a token read");
        assertStorage503(api.json("GET", "/api/v1/projects", ApiClient.basic("alice"), null), "a Basic read");
        assertStorage503(api.json("POST", spans, token, "{\"start\":0,\"end\":4,\"label\":\"CLAIM\"}"), "a write");
        assertStorage503(api.json("GET", "/api/v1/projects", ApiClient.basic("nobody-at-all", "x-y-z-1"), null),
                "an unknown name");
        HttpResponse<String> form = noRedirects.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=" + TestUsers.DEMO_PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        HttpResponse<String> health = get("/actuator/health");
        System.out.println("storage: health with the database closed: " + health.statusCode() + " " + health.body());
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(status(health)).isEqualTo("DOWN");
        assertThat(health.body()).contains("\"db\":{\"status\":\"DOWN\"");

        storage().set(Mode.OK);
        assertThat(api.json("GET", "/api/v1/projects", token, null).status()).isEqualTo(200);
        assertThat(api.json("GET", "/api/v1/projects", ApiClient.basic("alice"), null).status()).isEqualTo(200);
        assertThat(status(get("/actuator/health"))).isEqualTo("UP");
    }

    @Test
    void aReadOnlyDatabaseStillServesTokenReadsAndRefusesWritesWith503() throws Exception {
        storage().set(Mode.READ_ONLY);
        // the token's first use would write its "last used" time: that may fail, the read may not
        assertThat(api.json("GET", "/api/v1/projects", token, null).status()).isEqualTo(200);
        assertThat(api.json("GET", spans, token, null).status()).isEqualTo(200);
        assertStorage503(api.json("POST", spans, token, "{\"start\":0,\"end\":4,\"label\":\"CLAIM\"}"), "a span");
        assertStorage503(api.json("POST", "/api/v1/me/tokens", ApiClient.basic("alice"), "{\"name\":\"x\"}"),
                "a token");

        storage().set(Mode.OK);
        var created = api.json("POST", spans, token, "{\"start\":0,\"end\":4,\"label\":\"CLAIM\"}");
        assertThat(created.status()).as(created.body()).isIn(201, 409);
    }
}
