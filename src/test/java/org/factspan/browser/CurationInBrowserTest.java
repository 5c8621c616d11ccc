package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.annotation.Provenance;
import org.factspan.corpus.CorpusService;
import org.factspan.curation.CurationService;
import org.factspan.curation.DocumentCuration;
import org.factspan.curation.SeedCuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Curation in real Chromium: two annotators disagree on the label of "terrorist groups"; the curator opens the
 * document for curation from the document list, accepts the first annotator's version into the gold standard,
 * reloads and finds it there with provenance "adjudicated". Takes the screenshots of the curation view and the disagreement list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class CurationInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;
    @Autowired
    CurationService curation;

    @Test
    void carolAcceptsAlicesVersionAndFindsItInGoldAfterAReload() {
        SeedCuration s = new SeedCuration(data);
        String base = "http://localhost:" + port;
        long aliceSpan = s.spans.get("alice terrorist groups").id();
        long bobSpan = s.spans.get("bob terrorist groups").id();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base, s.carol.username(), TestUsers.DEMO_PASSWORD);
            page.navigate(base + "/projects/" + s.slug);
            page.locator("[data-curate='" + s.doc + "']").click();
            page.waitForURL(url -> url.endsWith("/documents/" + s.doc + "/curate"));
            assertThat(page.locator("#start-about")).containsText(s.alice.username() + " finished (");
            assertThat(page.locator("#start-about")).containsText(s.bob.username() + " finished (");
            page.locator("#start").click();
            assertThat(page.locator("#curation-status")).hasText("In progress");
            assertThat(page.locator("#gold mark.fs-span")).hasCount(3);

            // The first annotator's version of "terrorist groups", in their read-only text; the panel shows both.
            page.locator("#annotator-versions mark[data-span='" + aliceSpan + "']").click();
            assertThat(page.locator("#versions [data-span='" + bobSpan + "'] [data-status]")).hasText("disagree");
            page.evaluate("() => window.scrollTo(0, 0)");
            BrowserSupport.screenshot(page, "curation-review");
            page.locator("#accept-" + aliceSpan).click();
            assertThat(page.locator("#versions [data-span='" + aliceSpan + "'] [data-status]")).hasText("accepted");
            assertThat(page.locator("#gold mark.fs-span")).hasCount(4);

            DocumentCuration after = curation.read(s.carol, s.slug, s.doc, false);
            long goldId = after.gold().stream().filter(g -> g.text().equals("terrorist groups")).findFirst()
                    .orElseThrow().id();
            assertThat(after.goldSpan(goldId).orElseThrow().provenance().kind()).isEqualTo(Provenance.Kind.ADJUDICATED);

            page.reload();
            page.locator("#gold[data-ready='true']").waitFor();
            page.locator("#gold mark[data-span-id='" + goldId + "']").first().click();
            assertThat(page.locator("#gold-provenance")).containsText("adjudicated");
            assertThat(page.locator("#gold-provenance")).containsText(s.carol.username());
            assertThat(page.locator("#gold-provenance")).hasAttribute("data-kind", "adjudicated");
            assertThat(page.locator("#gold-label")).containsText("Claim");
            BrowserSupport.screenshot(page, "curation-gold");

            // Enter accepts the selected version; the Alt+Down key moves to the next open place.
            page.keyboard().press("Alt+ArrowDown");
            assertThat(page.locator("#position-title")).hasText("To settle");
            BrowserSupport.screenshot(page, "curation-next");

            page.navigate(base + "/projects/" + s.slug + "/disagreements");
            assertThat(page.locator("#summary")).containsText("open disagreement");
            assertThat(page.locator("#disagreements")).containsText("boundary conflict");
            BrowserSupport.screenshot(page, "disagreements");
            page.locator("#disagreements vaadin-grid-cell-content a").first().click();
            page.waitForURL(url -> url.contains("/curate?at="));
            page.locator("#start").click();
            assertThat(page.locator("#position-title")).hasText("To settle");
            assertThat(page.locator("#versions")).containsText(s.alice.username());
        }
    }
}
