package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.factspan.FreshProject;
import org.factspan.TestUsers;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.annotation.AnnotationService;
import org.factspan.base.CodePoints;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The claim board in real Chromium: the curator starts a cluster from RFE/RL's "eight police ... were killed", adds
 * 24 News HD's "13 killed" from the suggestions with the key 1, and sees the cluster's numbers-conflict badge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class ClaimsInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ProjectSetupService setup;

    @Test
    void aCuratorBuildsAClusterFromTwoArticlesAndSeesTheNumericConflict() {
        FreshProject p = new FreshProject("claimsbrowser", setup, corpus, users);
        p.label(annotations, p.annotator, "001_df33a49b151eb0e2.txt",
                "eight police and national guard troops were killed", "CLAIM");
        p.label(annotations, p.annotator, "001_df33a49b151eb0e2.txt", "The Interior Ministry", "SOURCE");
        p.label(annotations, p.annotator, "002_7de7c1baf47c190f.txt",
                "more than 350 security officers had been wounded and 13 killed", "CLAIM");
        String base = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base, p.curator.username(), TestUsers.DEMO_PASSWORD);
            page.navigate(base + "/projects/" + p.slug + "/claims");
            assertThat(page.locator("#claims-summary")).hasText("0 clusters, 0 with conflicts");
            page.locator("#claims-new").click();
            page.locator("#claims-choices").getByText("eight police and national guard troops were killed").click();
            page.locator("#claims-create").click();
            // the suggestions dialog: the first suggestion is 24 News HD's claim; key 1 adds it
            assertThat(page.locator("#claims-suggestions")).containsText("13 killed");
            BrowserSupport.screenshot(page, "claims-suggestions");
            page.keyboard().press("1");
            assertThat(page.locator("#claims-suggestions")).containsText("No claims of other articles look alike");
            page.getByText("Done").click();
            assertThat(page.locator("#claims-summary")).hasText("1 cluster, 1 with conflicts");
            assertThat(page.locator(".fs-claim-card .fs-badge-numeric")).hasText("numbers conflict");
            assertThat(page.locator(".fs-claim-card")).containsText("2 outlets");
            assertThat(page.locator(".fs-claim-member[data-span] .fs-stance-conflicts")).hasText("conflicts (suggested)");
            assertThat(page.locator(".fs-claim-member[data-span] .fs-stance-agrees")).hasText("agrees (suggested)");
            assertThat(page.locator("vaadin-dialog-overlay[opened]")).hasCount(0);
            page.waitForTimeout(400); // the dialog's closing animation
            BrowserSupport.screenshot(page, "claims-board");
        }
    }
}
