package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.corpus.CorpusService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The claim board in real Chromium: the curator starts a cluster from RFE/RL's "eight police ... were killed", adds
 * 24 News HD's "13 killed" from the suggestions with the key 1, and sees that without RFE/RL's publication time the two
 * cannot be told apart; and, with times known, an update, the timeline, a verdict and its ClaimReview export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class ClaimsInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;
    @Autowired
    AnnotationService annotations;
    @Autowired
    org.factspan.claims.ClaimService claims;

    @Test
    void aCuratorBuildsAClusterFromTwoArticlesAndSeesTheNumericConflict() {
        FreshProject p = data.fresh("claimsbrowser");
        p.label(p.annotator, "001_df33a49b151eb0e2.txt",
                "eight police and national guard troops were killed", "CLAIM");
        p.label(p.annotator, "001_df33a49b151eb0e2.txt", "The Interior Ministry", "SOURCE");
        p.label(p.annotator, "002_7de7c1baf47c190f.txt",
                "more than 350 security officers had been wounded and 13 killed", "CLAIM");
        String base = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base, p.curator.username(), TestUsers.DEMO_PASSWORD);
            page.navigate(base + "/projects/" + p.slug + "/claims");
            assertThat(page.locator("#claims-summary")).hasText("0 clusters, 0 to review, 0 with updates, 0 with a verdict");
            page.locator("#claims-new").click();
            page.locator("#claims-choices").getByText("eight police and national guard troops were killed").click();
            page.locator("#claims-create").click();
            // the suggestions dialog: the first suggestion is 24 News HD's claim; key 1 adds it
            assertThat(page.locator("#claims-suggestions")).containsText("13 killed");
            BrowserSupport.screenshot(page, "claims-suggestions");
            page.keyboard().press("1");
            assertThat(page.locator("#claims-suggestions")).containsText("No claims of other articles look alike");
            page.getByText("Done").click();
            // RFE/RL states no publication time: eight against 13 cannot be told an update or a contradiction
            assertThat(page.locator("#claims-summary")).hasText("1 cluster, 1 to review, 0 with updates, 0 with a"
                    + " verdict");
            assertThat(page.locator(".fs-claim-card .fs-badge-unknown-time")).hasText("unknown time");
            assertThat(page.locator(".fs-claim-card")).containsText("2 outlets");
            assertThat(page.locator(".fs-claim-member[data-span] .fs-stance-conflicts")).hasText("conflicts (suggested)");
            assertThat(page.locator(".fs-claim-member[data-span] .fs-stance-agrees")).hasText("agrees (suggested)");
            assertThat(page.locator("vaadin-dialog-overlay[opened]")).hasCount(0);
            BrowserSupport.screenshot(page, "claims-board-unknown-time");
        }
    }

    /**
     * Issue 15: a curator opens the killed cluster (Vision Times' eight on Wednesday, 24 News HD's 13 as of midday
     * Thursday, The Moscow Times' at least eight), sees "update" between 8 and 13 and the timeline with three outlets,
     * records a verdict, and exports ClaimReview from the export dialog.
     */
    @Test
    void aCuratorTellsAnUpdateRecordsAVerdictAndExportsClaimReview() throws Exception {
        FreshProject p = data.fresh("claimstime");
        var vt = p.label(p.annotator, "003_e83fa0ec37095518.txt",
                "eight police and national guard troops have died", "CLAIM");
        var news24 = p.label(p.annotator, "002_7de7c1baf47c190f.txt",
                "13 killed, including two who had their heads cut off", "CLAIM");
        var mt = p.label(p.annotator, "000_e2f29e929665aa3d.txt",
                "at least eight police officers and military servicemen were killed in the unrest", "CLAIM");
        var source = p.label(p.annotator, "000_e2f29e929665aa3d.txt", "Kazakh media", "SOURCE");
        annotations.createAttribution(p.annotator, p.slug, mt.documentId(), source.id(), null, mt.id());
        claims.create(p.curator, p.slug, "Police and troops killed in the unrest",
                java.util.List.of(vt.id(), news24.id(), mt.id()));
        String base = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1100)
                .setAcceptDownloads(true))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base, p.curator.username(), TestUsers.DEMO_PASSWORD);
            page.navigate(base + "/projects/" + p.slug + "/claims");
            var card = page.locator(".fs-claim-card");
            assertThat(card.locator(".fs-badge-update")).hasText("update");
            assertThat(card.locator(".fs-claim-conflict-update")).containsText("24 News HD's “13” killed");
            assertThat(card.locator(".fs-claim-conflict-update")).containsText("Vision Times' “eight” killed");
            assertThat(card.locator(".fs-claim-conflict-update")).containsText("the cumulative count grew");
            assertThat(card.locator(".fs-claim-time").nth(1)).hasText(
                    "When: 6 Jan 2022, 12:00 (UTC+6), from “As of midday Thursday”");
            // the timeline: drawn in Chromium, three outlets, hover text with the exact words and source
            var chart = card.locator(".fs-timeline-chart svg");
            assertThat(chart).isVisible();
            assertThat(chart.locator(".fs-legend")).hasCount(3);
            assertThat(chart.locator("g.fs-point")).hasCount(3);
            assertThat(chart.locator("g.fs-point[data-outlet='24 News HD'] > title")).containsText(
                    "13 killed, including two who had their heads cut off");
            assertThat(chart.locator("g.fs-point[data-outlet='The Moscow Times'] > title")).containsText(
                    "source: Kazakh media");
            com.microsoft.playwright.options.BoundingBox box = chart.boundingBox();
            org.assertj.core.api.Assertions.assertThat(box.width).as("the chart is drawn").isGreaterThan(300);

            // a verdict
            card.locator("[data-verdict]").click();
            page.locator("#verdict-value input").fill("at least 13");
            page.locator("#verdict-asof input").fill("2022-01-06 12:00");
            assertThat(page.locator("#verdict-status")).containsText("updated");
            page.locator("#verdict-rating").click();
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("mostly true")).click();
            page.locator("#verdict-explanation textarea").fill("The count grew from eight on Wednesday to 13 by"
                    + " midday Thursday; no later official figure.");
            page.locator("#verdict-members").getByText("24 News HD").click();
            page.locator("#verdict-save").click();
            assertThat(card.locator(".fs-claim-verdict")).containsText("Verdict: updated, rated mostly true ·"
                    + " established at least 13 as of 6 Jan 2022, 12:00 (UTC+6)");
            assertThat(card.locator(".fs-claim-verdict")).containsText("1 entry in the audit trail");
            assertThat(chart.locator(".fs-established")).hasCount(1);
            assertThat(page.locator("vaadin-dialog-overlay[opened]")).hasCount(0);
            assertThat(page.locator("vaadin-notification-card")).hasCount(0,
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(10_000));
            BrowserSupport.screenshot(page, "claims-board");
            card.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(
                    java.nio.file.Path.of("target", "screenshots", "claims-card.png")));

            // ClaimReview from the export dialog
            page.navigate(base + "/projects/" + p.slug + "/export");
            page.locator("#export-format").click();
            page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                    new Page.GetByRoleOptions().setName("claimreview")).click();
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#export-start")
                    .click());
            org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).endsWith(".zip");
            java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
            try (var zip = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(download.path()))) {
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries.put(e.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            org.assertj.core.api.Assertions.assertThat(entries.get("claimreview.jsonld"))
                    .contains("\"@type\" : \"ClaimReview\"", "\"claimReviewed\" : \"Police and troops killed in"
                            + " the unrest\"", "\"alternateName\" : \"Mostly true\"", "\"appearance\"");
            org.assertj.core.api.Assertions.assertThat(entries.get("timeline.csv")).contains("As of midday Thursday");
        }
    }
}
