package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import org.factspan.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Session fixation, logout and CSRF of the UI, in real Chromium. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class SessionSecurityInBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    static String sessionId(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value).findFirst()
                .orElse(null);
    }

    /** A fresh browser that presents only this session cookie: is it logged in? */
    boolean sessionIsLoggedIn(String sessionId) {
        try (BrowserContext other = browser.newContext()) {
            other.addCookies(List.of(new Cookie("JSESSIONID", sessionId).setDomain("localhost").setPath("/")));
            Page page = other.newPage();
            page.navigate(base() + "/projects/" + TestUsers.SEED_PROJECT);
            page.waitForURL(url -> url.contains("/login") || url.contains("/projects/"));
            if (page.url().contains("/login")) {
                return false;
            }
            return page.locator("#documents").isVisible() || waitVisible(page);
        }
    }

    static boolean waitVisible(Page page) {
        try {
            page.locator("#documents").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(10_000));
            return true;
        } catch (com.microsoft.playwright.TimeoutError e) {
            return false;
        }
    }

    @Test
    void theSessionIdChangesAtLoginAndLogoutEndsTheSession() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(base() + "/login");
            page.locator("vaadin-login-form input[name='username']").waitFor();
            String beforeLogin = sessionId(context);
            assertThat(beforeLogin).as("a session exists before login").isNotNull();

            BrowserSupport.login(page, base(), "alice", TestUsers.DEMO_PASSWORD);
            String afterLogin = sessionId(context);
            assertThat(afterLogin).as("session fixation: a new id at login").isNotNull().isNotEqualTo(beforeLogin);
            // someone who planted the old id (or learnt it before login) gets nothing
            assertThat(sessionIsLoggedIn(beforeLogin)).isFalse();
            // the new id is the login (the check above can tell both apart)
            assertThat(sessionIsLoggedIn(afterLogin)).isTrue();

            page.navigate(base() + "/projects/" + TestUsers.SEED_PROJECT);
            page.locator("#logout").click();
            page.waitForURL(url -> url.contains("/login"));
            assertThat(sessionIsLoggedIn(afterLogin)).as("logout invalidates the session").isFalse();
            page.navigate(base() + "/projects/" + TestUsers.SEED_PROJECT);
            page.waitForURL(url -> url.contains("/login"));
        }
    }

    /**
     * A forged form POST from another site (no CSRF token, the victim's cookie attached) is refused by Spring
     * Security; a UIDL request (how Vaadin's client sends clicks and values) with a wrong Vaadin security key is
     * refused by Vaadin and changes nothing.
     */
    @Test
    void requestsWithoutTheTokensAreRefused() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            BrowserSupport.login(page, base(), "alice", TestUsers.DEMO_PASSWORD);
            page.navigate(base() + "/account");
            page.locator("#token-name input").waitFor();

            // a plain form post, as a hostile page would send it: the logout endpoint needs Spring's CSRF token
            APIResponse logout = context.request().post(base() + "/logout", RequestOptions.create()
                    .setHeader("Origin", "http://evil.example").setHeader("Content-Type",
                            "application/x-www-form-urlencoded").setData("x=1").setMaxRedirects(0));
            System.out.println("forged logout: " + logout.status());
            assertThat(logout.status()).isEqualTo(403);
            assertThat(sessionIsLoggedIn(sessionId(context))).isTrue();

            // a UIDL request with a wrong security key
            APIResponse uidl = context.request().post(base() + "/?v-r=uidl&v-uiId=0", RequestOptions.create()
                    .setHeader("Origin", "http://evil.example").setHeader("Content-Type", "application/json")
                    .setData("{\"csrfToken\":\"forged\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"click\"}],"
                            + "\"syncId\":0,\"clientId\":0}"));
            String body = uidl.text();
            System.out.println("forged UIDL: " + uidl.status() + " " + body);
            assertThat(body).as("Vaadin refuses the request and tells the client to reload")
                    .contains("\"sessionExpired\":true");
            assertThat(sessionIsLoggedIn(sessionId(context))).isTrue();
        }
        // login CSRF: a forged login form (the attacker's credentials, no token) does not log the victim in
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(base() + "/login");
            page.locator("vaadin-login-form input[name='username']").waitFor();
            APIResponse login = context.request().post(base() + "/login", RequestOptions.create()
                    .setHeader("Origin", "http://evil.example").setHeader("Content-Type",
                            "application/x-www-form-urlencoded")
                    .setData("username=bob&password=" + TestUsers.DEMO_PASSWORD).setMaxRedirects(0));
            System.out.println("forged login: " + login.status() + " " + login.headers().get("location"));
            assertThat(login.status()).isEqualTo(403);
            assertThat(sessionIsLoggedIn(sessionId(context))).isFalse();
        }
    }
}
