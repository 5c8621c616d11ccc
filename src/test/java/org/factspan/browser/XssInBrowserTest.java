package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.claims.ClaimService;
import org.factspan.corpus.AssignmentService;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.AttributeKind;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.DocumentImportService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectAdminService;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSpec;
import org.factspan.ingest.UploadedFile;
import org.factspan.curation.CurationService;
import org.factspan.curation.MergeOptions;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.factspan.security.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stored XSS in real Chromium: a project whose name, description, guidelines, label titles, document name, title,
 * metadata and text, attribute values, user display names and claim cluster statement all carry HTML and script
 * payloads. Every view that shows them is opened; in none may a payload run ({@code window.__xss} stays undefined)
 * or become an element (no {@code img[src=x]}, no {@code svg[onload]}, no {@code javascript:} link, no event
 * handler attribute, also inside shadow roots); where the payload is content, it is shown as text.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class XssInBrowserTest {

    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "<img src=x onerror=\"window.__xss=2\">";
    static final String SVG = "<svg onload=window.__xss=3>";
    static final String JS_LINK = "javascript:window.__xss=4";
    static final String TEXT = "Officials said: payload " + SCRIPT + " payload. Then " + IMG + " appeared, and " + SVG
            + " too. A link " + JS_LINK + " was posted. The ministry said eight police were killed.\n";
    static final String GUIDELINES = "# Rules\n\n" + SCRIPT + "\n\n" + IMG + "\n\n[click me](" + JS_LINK + ")\n\n"
            + "<a href=\"" + JS_LINK + "\">raw link</a>\n\n" + SVG + "\n\nA CLAIM is a statement.\n";

    /** Looks through the page and every shadow root for what a payload would have become. */
    static final String PROBE = """
            () => {
              const found = [];
              const visit = (root) => {
                for (const el of root.querySelectorAll('*')) {
                  if (el.matches('img[src="x"], svg[onload], [onerror], [onload], iframe, object, embed')) {
                    found.push(el.outerHTML.slice(0, 120));
                  }
                  const href = (el.getAttribute('href') || el.getAttribute('src') || '').trim().toLowerCase();
                  if (href.startsWith('javascript:')) found.push(el.outerHTML.slice(0, 120));
                  if (el.tagName === 'SCRIPT' && el.textContent.includes('__xss')) {
                    found.push('script: ' + el.textContent.slice(0, 80));
                  }
                  if (el.shadowRoot) visit(el.shadowRoot);
                }
              };
              visit(document);
              return { xss: typeof window.__xss === 'undefined' ? 'none' : String(window.__xss), found: found.join(' | ') };
            }""";

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    ProjectAdminService projects;
    @Autowired
    DocumentImportService imports;
    @Autowired
    UserService users;
    @Autowired
    AnnotationService annotations;
    @Autowired
    AssignmentService assignments;
    @Autowired
    CurationService curation;
    @Autowired
    ClaimService claims;

    final List<String> problems = new ArrayList<>();

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

    @Test
    void noPayloadRunsOrBecomesAnElementInAnyView() {
        String tag = Long.toString(System.nanoTime() % 10_000_000, 36);
        String slug = "xss-" + tag;
        Actor admin = users.findActor("admin").orElseThrow();
        List<AttributeDef> note = List.of(new AttributeDef("note", AttributeKind.TEXT, null));
        projects.create(admin, new ProjectSpec(slug, SVG + " project " + tag, "About " + IMG, GUIDELINES, null, List.of(
                new LabelInfo("CLAIM", "Claim " + IMG, "1", "c", "#0072B2", LabelKind.CONTENT, note),
                new LabelInfo("SOURCE", "Source " + SCRIPT, "2", "s", "#E69F00", LabelKind.SOURCE, note),
                new LabelInfo("ATTRIBUTION", "Cue " + SVG, "3", "a", "#009E73", LabelKind.CUE, note))));
        String curatorName = "xss-cur-" + tag;
        String ann1Name = "xss-ann1-" + tag;
        String ann2Name = "xss-ann2-" + tag;
        person(slug, curatorName, "Curator " + IMG, Role.CURATOR, ProjectRole.CURATOR);
        person(slug, ann1Name, "Ann " + SCRIPT, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        person(slug, ann2Name, "Bea " + SVG, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        Actor curator = users.findActor(curatorName).orElseThrow();
        Actor ann1 = users.findActor(ann1Name).orElseThrow();
        Actor ann2 = users.findActor(ann2Name).orElseThrow();

        String line = "{\"name\": \"" + json(IMG + ".txt") + "\", \"text\": \"" + json(TEXT) + "\", \"meta\": {\"title\": \""
                + json(SCRIPT + " headline " + IMG) + "\", \"outlet\": \"" + json(SVG) + "\", \"url\": \"" + JS_LINK
                + "\", \"byline\": \"" + json(IMG) + "\"}}\n";
        long doc = imports.importFiles(admin, slug, List.of(new UploadedFile("evil.jsonl",
                line.getBytes(StandardCharsets.UTF_8)))).imported().getFirst().id();
        assignments.assign(curator, slug, doc, ann1Name);
        assignments.assign(curator, slug, doc, ann2Name);
        String claimText = "payload " + SCRIPT + " payload";
        SpanInfo claim = span(ann1, slug, doc, claimText, "CLAIM");
        annotations.setAttribute(ann1, slug, new DocumentId(doc), new SpanId(claim.id()), "note", "Note " + IMG + " " + SCRIPT);
        span(ann1, slug, doc, IMG, "SOURCE");
        span(ann2, slug, doc, claimText, "SOURCE");
        curation.open(curator, slug, doc, MergeOptions.unanimous(), false);
        claims.create(curator, slug, "Statement " + SCRIPT + " " + IMG, List.of(claim.id()));

        String base = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base, ann1Name, TestUsers.DEMO_PASSWORD);
            page.navigate(base + "/projects/" + slug);
            assertThat(page.locator("#documents")).containsText(SCRIPT + " headline " + IMG);
            check(page, "annotator's document list");

            page.navigate(base + "/projects/" + slug + "/documents/" + doc);
            page.locator("fs-text-annotator[data-ready='true']").waitFor();
            assertThat(page.locator("fs-text-annotator")).containsText(TEXT.strip());
            page.locator("fs-text-annotator mark.fs-span[data-label='CLAIM']").first().click();
            assertThat(page.locator("#attr-note textarea")).hasValue("Note " + IMG + " " + SCRIPT);
            page.locator("vaadin-details.fs-guidelines").click();
            assertThat(page.locator(".fs-guidelines-text")).containsText(SCRIPT);
            assertThat(page.locator(".fs-guidelines-text")).containsText(IMG);
            assertThat(page.locator(".fs-guidelines-text a", new Page.LocatorOptions().setHasText("click me")))
                    .hasCount(1);
            check(page, "editor with side panel and guidelines");
            BrowserSupport.screenshot(page, "xss-editor");

            page.navigate(base + "/projects/" + slug + "/search?q=payload");
            assertThat(page.locator(".fs-hit").first()).containsText(SCRIPT);
            check(page, "search");
            BrowserSupport.screenshot(page, "xss-search");
        }

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base, curatorName, TestUsers.DEMO_PASSWORD);
            page.navigate(base + "/projects/" + slug);
            assertThat(page.locator("#documents")).containsText(SCRIPT + " headline " + IMG);
            check(page, "curator's document list");

            page.navigate(base + "/projects/" + slug + "/documents/" + doc + "/curate");
            assertThat(page.locator("#annotator-versions")).containsText(SCRIPT);
            check(page, "curation");
            BrowserSupport.screenshot(page, "xss-curation");

            page.navigate(base + "/projects/" + slug + "/disagreements");
            assertThat(page.locator("#disagreements")).containsText(SCRIPT);
            check(page, "disagreements");

            page.navigate(base + "/projects/" + slug + "/claims");
            assertThat(page.locator(".fs-claim-card").first()).containsText("Statement " + SCRIPT + " " + IMG);
            check(page, "claim board");
            BrowserSupport.screenshot(page, "xss-claims");

            page.navigate(base + "/projects/" + slug + "/progress");
            assertThat(page.locator("#document-progress")).containsText(SCRIPT + " headline");
            page.locator("#manage-" + doc).click();
            assertThat(page.locator("vaadin-dialog-overlay[opened]")).hasCount(1);
            check(page, "progress with the assignment dialog");
            BrowserSupport.screenshot(page, "xss-progress");

            page.navigate(base + "/projects/" + slug + "/agreement");
            assertThat(page.locator("#status")).containsText("computed in");
            check(page, "agreement");

            page.navigate(base + "/projects/" + slug + "/export");
            assertThat(page.locator("#export-start")).isVisible();
            check(page, "export");

            page.navigate(base + "/projects/" + slug + "/search?q=payload");
            assertThat(page.locator(".fs-hit").first()).containsText(SCRIPT);
            check(page, "curator's search");

            page.navigate(base + "/projects/" + slug + "/settings");
            assertThat(page.locator("#settings-name input")).hasValue(SVG + " project " + tag);
            check(page, "settings, general");
            page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                    new Page.GetByRoleOptions().setName("Labels")).click();
            assertThat(page.locator("#labels")).containsText("Claim " + IMG);
            check(page, "settings, labels");
            page.locator("#edit-label-CLAIM").click();
            assertThat(page.locator("#label-title input")).hasValue("Claim " + IMG);
            check(page, "settings, label editor");
            page.keyboard().press("Escape");
            page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                    new Page.GetByRoleOptions().setName("Guidelines")).click();
            assertThat(page.locator("#guidelines-preview")).containsText(SCRIPT);
            check(page, "settings, guidelines preview");
            BrowserSupport.screenshot(page, "xss-guidelines-preview");
            page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                    new Page.GetByRoleOptions().setName("Members")).click();
            assertThat(page.locator("#members")).containsText("Ann " + SCRIPT);
            check(page, "settings, members");
        }

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base, "admin", TestUsers.ADMIN_PASSWORD);
            page.navigate(base + "/admin/projects");
            assertThat(page.locator("#admin-projects")).containsText(SVG + " project " + tag);
            check(page, "admin projects");
            page.navigate(base + "/admin/users");
            assertThat(page.locator("#users")).containsText("Ann " + SCRIPT);
            check(page, "admin users");
            page.navigate(base + "/");
            check(page, "start page");
        }
        assertThat(problems).isEmpty();
    }

    void check(Page page, String view) {
        // every image has loaded or failed: an onerror or onload would have fired by now
        page.waitForFunction("() => Array.from(document.images).every(i => i.complete)");
        @SuppressWarnings("unchecked")
        Map<String, Object> probe = (Map<String, Object>) page.evaluate(PROBE);
        if (!"none".equals(probe.get("xss")) || !"".equals(probe.get("found"))) {
            problems.add(view + ": window.__xss=" + probe.get("xss") + ", injected: " + probe.get("found"));
        }
    }

    void person(String slug, String username, String displayName, Role role, ProjectRole inProject) {
        users.create(username, displayName, TestUsers.DEMO_PASSWORD, role);
        projects.setMember(users.findActor("admin").orElseThrow(), slug, username, inProject);
    }

    SpanInfo span(Actor who, String slug, long doc, String phrase, String label) {
        int at = TEXT.indexOf(phrase);
        return annotations.createSpan(who, slug, doc, at, at + phrase.length(), label);
    }

    static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
