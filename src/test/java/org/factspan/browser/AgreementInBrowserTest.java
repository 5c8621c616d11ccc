package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agreement view in real Chromium: carol follows the link from the document list, and the results computed on
 * a background thread arrive through server push without any further click.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class AgreementInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    CorpusService corpus;
    @Autowired
    AnnotationService annotations;
    @Autowired
    UserService users;

    @Test
    void carolSeesAgreementPushedFromTheBackground() {
        Actor alice = users.findActor("alice").orElseThrow();
        Actor bob = users.findActor("bob").orElseThrow();
        String slug = TestUsers.SEED_PROJECT;
        long doc = corpus.listDocuments(alice, slug).get(1).id();
        List<Runnable> cleanUp = new ArrayList<>();
        for (var s : List.of(new Object[] {alice, 400, 420, "CLAIM"}, new Object[] {bob, 400, 420, "CLAIM"},
                new Object[] {bob, 430, 440, "SOURCE"}, new Object[] {alice, 450, 460, "SOURCE"})) {
            Actor who = (Actor) s[0];
            SpanInfo span = annotations.createSpan(who, slug, doc, (int) s[1], (int) s[2], (String) s[3]);
            cleanUp.add(() -> annotations.deleteSpan(who, slug, new DocumentId(doc), new SpanId(span.id())));
        }
        String base = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1400))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base, "carol", TestUsers.DEMO_PASSWORD);
            page.navigate(base + "/projects/" + slug);
            page.locator("#agreement-link").click();
            page.waitForURL(url -> url.endsWith("/projects/" + slug + "/agreement"));
            assertThat(page.locator("#status")).containsText("computed in");
            assertThat(page.locator("#overall")).containsText("Span F1 (exact)");
            assertThat(page.locator("#heatmap-matrix")).containsText("alice");
            assertThat(page.locator("#heatmap-matrix [data-cell]").nth(1)).hasText(
                    java.util.regex.Pattern.compile("\\d\\.\\d{3}"));
            BrowserSupport.screenshot(page, "agreement");
        } finally {
            cleanUp.forEach(Runnable::run);
        }
    }
}
