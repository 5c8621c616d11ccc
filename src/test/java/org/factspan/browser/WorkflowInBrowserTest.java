package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.corpus.AssignmentService;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectAdminService;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSettings;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The team workflow in real Chromium: an admin looks at the admin pages and the project settings, uploads a file
 * through the browser and assigns the work; the annotator opens the next document, labels a claim with the mouse
 * and key 1, reads the guidelines next to the text and marks the document finished (read-only from then on).
 * Screenshots of every view go to target/screenshots/wf-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class WorkflowInBrowserTest extends BrowserTest {

    static final String PASSWORD = "browser-secret-1";
    static final String TEXT = "Reuters, 6 January 2022\n\nThe interior ministry said that 18 police officers were"
            + " killed in Almaty.\nProtesters set fire to the mayor's office, local media reported.\n";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    UserService users;
    @Autowired
    ProjectAdminService projects;
    @Autowired
    CorpusService corpus;
    @Autowired
    AnnotationService annotations;
    @Autowired
    AssignmentService assignments;

    long reuters(String slug) {
        return corpus.listDocuments(users.findActor("admin").orElseThrow(), slug).stream()
                .filter(d -> d.name().equals("reuters.txt")).findFirst().orElseThrow().id();
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void uploadAssignAnnotateAndFinish() {
        String tag = Long.toString(System.nanoTime(), 36);
        String slug = "newsroom-" + tag;
        String annotator = "dana-" + tag;
        Actor admin = data.admin();
        data.project(slug).name("Newsroom check " + tag).description("Wire reports of 6 January").guidelines(
                "# Guidelines\n\nLabel what the article **asserts**:\n\n- **Claim** (key `1`): a checkable statement\n"
                        + "- **Source** (key `2`): who says it\n\n<script>alert('no')</script>")
                .settings(new ProjectSettings(true, true, 1)).labels(
                        new LabelInfo("CLAIM", "Claim", "1", "c", "#0072B2", LabelKind.CONTENT, List.of()),
                        new LabelInfo("SOURCE", "Source", "2", "s", "#E69F00", LabelKind.SOURCE, List.of()),
                        new LabelInfo("ATTRIBUTION", "Attribution", "3", "a", "#009E73", LabelKind.CUE, List.of()))
                .password(PASSWORD).member(annotator, "Dana Reyes", Role.ANNOTATOR, ProjectRole.ANNOTATOR)
                .member("carol", ProjectRole.CURATOR).build();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base(), "admin", TestUsers.ADMIN_PASSWORD);
            assertThat(page.locator("#nav-users")).isVisible();
            page.navigate(base() + "/admin/projects");
            assertThat(page.locator("#admin-projects")).containsText("Newsroom check " + tag);
            BrowserSupport.screenshot(page, "wf-01-admin-projects");
            page.navigate(base() + "/admin/users");
            assertThat(page.locator("#users")).containsText(annotator);
            BrowserSupport.screenshot(page, "wf-02-users");

            page.navigate(base() + "/projects/" + slug + "/settings");
            assertThat(page.locator("#settings-name")).isVisible();
            BrowserSupport.screenshot(page, "wf-03-settings-general");
            page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                    new Page.GetByRoleOptions().setName("Labels")).click();
            assertThat(page.locator("#labels")).containsText("ATTRIBUTION");
            BrowserSupport.screenshot(page, "wf-04-settings-labels");
            page.locator("#edit-label-CLAIM").click();
            assertThat(page.locator("#label-title input")).hasValue("Claim");
            BrowserSupport.screenshot(page, "wf-05-label-editor");
            page.keyboard().press("Escape");
            page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                    new Page.GetByRoleOptions().setName("Guidelines")).click();
            assertThat(page.locator("#guidelines-preview h1")).hasText("Guidelines");
            assertThat(page.locator("#guidelines-preview script")).hasCount(0);
            BrowserSupport.screenshot(page, "wf-06-settings-guidelines");
            page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                    new Page.GetByRoleOptions().setName("Members")).click();
            assertThat(page.locator("#members")).containsText(annotator);
            BrowserSupport.screenshot(page, "wf-07-settings-members");

            // upload in the browser
            page.navigate(base() + "/projects/" + slug + "/import");
            page.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload[] {
                    new FilePayload("reuters.txt", "text/plain", ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8)),
                    new FilePayload("more.jsonl", "application/jsonl",
                            "{\"text\": \"A second wire report, about the airport.\", \"name\": \"afp\"}\n"
                                    .getBytes(StandardCharsets.UTF_8))});
            assertThat(page.locator("#pending")).containsText("more.jsonl");
            assertThat(page.locator("#pending")).containsText("reuters.txt");
            assertThat(page.locator("#import")).hasText("Import 2 files");
            BrowserSupport.screenshot(page, "wf-08-import-ready");
            page.locator("#import").click();
            assertThat(page.locator("#import-summary")).hasText("2 documents imported.");
            BrowserSupport.screenshot(page, "wf-09-import-done");
            assertThat(corpus.listDocuments(admin, slug)).hasSize(2);
            long documentId = reuters(slug);
            assertThat(corpus.openDocument(admin, slug, documentId).text()).isEqualTo(TEXT);

            // assign the work
            page.navigate(base() + "/projects/" + slug + "/progress");
            page.locator("#auto-assign").click();
            assertThat(page.locator("#document-progress")).containsText(annotator);
            BrowserSupport.screenshot(page, "wf-10-progress-assigned");
        }

        long documentId = reuters(slug);
        long first = corpus.listDocuments(users.findActor("admin").orElseThrow(), slug).get(0).id();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base(), annotator, PASSWORD);
            assertThat(page.locator("#nav-users")).hasCount(0);
            page.navigate(base() + "/projects/" + slug);
            assertThat(page.locator("#documents")).containsText("A second wire report");
            BrowserSupport.screenshot(page, "wf-11-annotator-documents");
            page.locator("#next-document").click();
            page.waitForURL("**/documents/" + first);
            page.navigate(base() + "/projects/" + slug + "/documents/" + documentId);
            page.locator("fs-text-annotator[data-ready='true']").waitFor();
            String phrase = "18 police officers were killed in Almaty";
            int u16 = TEXT.indexOf(phrase);
            AnnotateInBrowserTest.selectWithMouse(page, u16, u16 + phrase.length());
            page.keyboard().press("1");
            assertThat(page.locator("fs-text-annotator mark.fs-span[data-label='CLAIM']")).hasText(phrase);
            page.locator("vaadin-details.fs-guidelines").click();
            assertThat(page.locator(".fs-guidelines-text strong").first()).hasText("asserts");
            assertThat(page.locator(".fs-guidelines-text script")).hasCount(0);
            assertThat(page.locator(".fs-guidelines-text")).containsText("<script>alert('no')</script>");
            BrowserSupport.screenshot(page, "wf-12-annotating-with-guidelines");

            page.locator("#finish").click();
            assertThat(page.locator("#assignment-status")).containsText("marked this document finished");
            assertThat(page.locator("fs-text-annotator")).hasJSProperty("readonly", true);
            BrowserSupport.screenshot(page, "wf-13-finished-read-only");
            // a key press on a selection no longer creates a span
            String other = "Protesters";
            int at = TEXT.indexOf(other);
            AnnotateInBrowserTest.selectWithMouse(page, at, at + other.length());
            page.keyboard().press("1");
            assertThat(page.locator("fs-text-annotator .fs-hint")).isVisible(); // the key was refused
            assertThat(page.locator("fs-text-annotator mark.fs-span")).hasCount(1);
            Actor dana = users.findActor(annotator).orElseThrow();
            assertThat(annotations.listMySpans(dana, slug, documentId)).hasSize(1);

            page.navigate(base() + "/account");
            page.locator("#token-name input").fill("notebook");
            page.locator("#create-token").click();
            assertThat(page.locator("#new-token")).containsText("fsp_");
            BrowserSupport.screenshot(page, "wf-14-account-token");
        }

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base(), "carol", TestUsers.DEMO_PASSWORD);
            page.navigate(base() + "/projects/" + slug);
            assertThat(page.locator("#progress-link")).isVisible();
            BrowserSupport.screenshot(page, "wf-15-curator-documents");
            page.locator("#progress-link").click();
            assertThat(page.locator("#progress-summary")).containsText("1 finished");
            BrowserSupport.screenshot(page, "wf-16-progress");
            page.locator("#manage-" + documentId).click();
            assertThat(page.locator("#reopen-" + annotator)).isVisible();
            BrowserSupport.screenshot(page, "wf-17-assign-dialog");
            page.locator("#reopen-" + annotator).click();
            assertThat(page.locator("#progress-summary")).containsText("0 finished");
        }
        assertThat(assignments.mine(users.findActor(annotator).orElseThrow(), slug, documentId).finished()).isFalse();
    }
}
