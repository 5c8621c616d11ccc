package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.factspan.AppInstance;
import org.factspan.NginxProxy;
import org.factspan.PostgresTestDatabase;
import org.factspan.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment a team copies (issue 14, deploy/nginx.conf): nginx in front of two instances on one PostgreSQL.
 * alice annotates in Chromium through the proxy; the instance holding her session is killed (SIGKILL); her next page
 * asks her to log in again, on the other instance, and every span the editor had acknowledged is there. The REST API
 * through the proxy reaches both instances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class ProxyFailoverInBrowserTest extends BrowserTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SLUG = TestUsers.SEED_PROJECT;

    Path work;
    AppInstance a;
    AppInstance b;
    NginxProxy nginx;

    @BeforeAll
    void startTwoInstancesBehindNginx() throws Exception {
        work = Files.createTempDirectory("factspan-proxy");
        String url = PostgresTestDatabase.freshDatabase();
        a = AppInstance.start("a", work, url).awaitUp();
        b = AppInstance.start("b", work, url).awaitUp();
        nginx = NginxProxy.start(work, a, b);
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (AppInstance i : new AppInstance[] {a, b}) {
            if (i != null) {
                i.close();
            }
        }
    }

    @Test
    void killingTheInstanceThatHoldsTheSessionAsksForALoginOnTheOtherAndLosesNothing() throws Exception {
        String alice = AppInstance.basic("alice", TestUsers.DEMO_PASSWORD);
        JsonNode documents = JSON.readTree(a.call("GET", "/api/v1/projects/" + SLUG + "/documents", alice, null).body());
        long documentId = documents.get(0).get("id").asLong();
        String text = a.call("GET", "/api/v1/projects/" + SLUG + "/documents/" + documentId + "/text", alice, null)
                .body();
        String documentUrl = proxy("/projects/" + SLUG + "/documents/" + documentId);
        List<String> phrases = List.of("send peacekeeping forces", "Kazakhstan", "protesters");

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = context.newPage();
            BrowserSupport.login(page, proxy(""), "alice", TestUsers.DEMO_PASSWORD);
            AppInstance holder = holder(context);
            AppInstance other = holder == a ? b : a;

            page.navigate(documentUrl);
            page.locator("fs-text-annotator[data-ready='true']").waitFor();
            for (String phrase : phrases) {
                int u16 = text.indexOf(phrase);
                assertThat(u16).as("the seed text has %s", phrase).isNotNegative();
                AnnotateInBrowserTest.selectWithMouse(page, u16, u16 + phrase.length());
                page.keyboard().press("1");
            }
            // acknowledged: the editor has no change waiting for the server
            assertThat(page.locator("fs-text-annotator mark.fs-span[data-label='CLAIM']")).hasCount(phrases.size());
            assertThat(page.locator("fs-text-annotator[data-pending='0']")).hasCount(1);
            BrowserSupport.screenshot(page, "proxy-01-annotated-on-" + holder.name());

            holder.kill();

            page.navigate(documentUrl);
            page.waitForURL(u -> u.contains("/login"), new Page.WaitForURLOptions().setTimeout(30_000));
            assertThat(page.locator("vaadin-login-form input[name='username']")).isVisible();
            BrowserSupport.screenshot(page, "proxy-02-login-again");
            BrowserSupport.login(page, proxy(""), "alice", TestUsers.DEMO_PASSWORD);
            assertThat(holder(context)).as("the new session lives on the instance that is left").isSameAs(other);
            page.navigate(documentUrl);
            page.locator("fs-text-annotator[data-ready='true']").waitFor();
            assertThat(page.locator("fs-text-annotator mark.fs-span[data-label='CLAIM']")).hasCount(phrases.size());
            BrowserSupport.screenshot(page, "proxy-03-nothing-lost-on-" + other.name());

            // the REST API through the proxy still answers, from the instance that is left
            JsonNode spans = JSON.readTree(call("/api/v1/projects/" + SLUG + "/documents/" + documentId + "/spans",
                    alice));
            assertThat(spans.valueStream().map(s -> s.get("text").asString()).toList())
                    .containsExactlyInAnyOrderElementsOf(phrases);
        }
    }

    /** The instance whose route ends the session cookie. */
    private AppInstance holder(BrowserContext context) {
        String session = context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value)
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
        if (session.endsWith(".a")) {
            return a;
        }
        assertThat(session).as("a session id with the instance's route").endsWith(".b");
        return b;
    }

    private String proxy(String path) {
        return nginx.url(path);
    }

    private String call(String path, String authorization) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(proxy(path)))
                .header("Authorization", authorization).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
