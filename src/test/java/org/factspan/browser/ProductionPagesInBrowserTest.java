package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.factspan.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a user of the README's run command sees (decision 021): Vaadin in production mode (no dev tools, no Lit
 * development warnings, no route list), Factspan's own "Page not found" with the navbar and a way back for an unknown
 * address and for a page one may not open, and a favicon instead of a 404 on every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class ProductionPagesInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void productionModeWithoutDevToolsWarningsOrMissingFiles() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            List<String> failed = new ArrayList<>();
            List<String> console = new ArrayList<>();
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    failed.add(r.status() + " " + r.url());
                }
            });
            page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
            BrowserSupport.login(page, base(), "alice", TestUsers.DEMO_PASSWORD);
            page.navigate(base() + "/projects/" + TestUsers.SEED_PROJECT);
            assertThat(page.locator("vaadin-grid")).isVisible();
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);

            assertThat(page.locator("vaadin-dev-tools")).hasCount(0);
            assertThat(console).noneMatch(m -> m.contains("Lit is in dev mode"))
                    .noneMatch(m -> m.toLowerCase().contains("development mode"));
            assertThat(failed).as("requests that failed while opening the project").isEmpty();
            assertThat(page.locator("link[rel='icon']").first()).hasAttribute("href",
                    java.util.regex.Pattern.compile("icons/favicon"));
            var icon = context.request().get(base() + "/favicon.ico");
            assertThat(icon.status()).isEqualTo(200);
            assertThat(icon.headers().get("content-type")).startsWith("image/");
        }
    }

    @Test
    void unknownAddressShowsFactspansNotFoundPageWithAWayBack() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            BrowserSupport.login(page, base(), "alice", TestUsers.DEMO_PASSWORD);
            page.navigate(base() + "/projects/" + TestUsers.SEED_PROJECT);
            assertThat(page.locator("vaadin-grid")).isVisible();

            page.navigate(base() + "/no/such/page");
            assertThat(page.locator("#not-found h2")).hasText("Page not found");
            assertThat(page.locator("#current-user")).hasText("alice");
            assertThat(page.getByText("Could not navigate")).hasCount(0);
            BrowserSupport.screenshot(page, "not-found");

            page.locator("#error-back").click();
            page.waitForURL(url -> url.endsWith("/projects/" + TestUsers.SEED_PROJECT));
            assertThat(page.locator("vaadin-grid")).isVisible();

            page.navigate(base() + "/no/such/page");
            page.locator("#error-home").click();
            page.waitForURL(url -> url.equals(base() + "/"));
        }
    }

    @Test
    void aPageOneMayNotOpenAndAProjectThatDoesNotExistShowTheSamePage() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            BrowserSupport.login(page, base(), "alice", TestUsers.DEMO_PASSWORD);
            page.navigate(base() + "/admin/users");
            assertThat(page.locator("#not-found h2")).hasText("Page not found");
            assertThat(page.locator("#current-user")).hasText("alice");

            page.navigate(base() + "/projects/no-such-project");
            assertThat(page.locator("#not-found h2")).hasText("Page not found");
            assertThat(page.locator("#error-reason")).hasText("No project 'no-such-project'");
        }
    }
}
