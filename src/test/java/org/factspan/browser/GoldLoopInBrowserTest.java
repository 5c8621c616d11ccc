package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectAdminService;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSettings;
import org.factspan.curation.CurationService;
import org.factspan.curation.DocumentCuration;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole loop of issue 17 in real Chromium, on a fresh project: two annotators label and link with keys (the
 * second finishes late, after the curator has looked); the curator is refused "Mark curated" while places are open
 * (the dialog names as many places as the header counts), walks every open place with the keyboard alone
 * ({@code Alt+↓}, {@code Enter} accepts, {@code Del} rejects), settles all, marks the document curated and exports
 * gold, which the export page offers by default. The exported gold equals {@code golden/gold-loop.jsonl} byte for
 * byte (spans, labels, triples, provenance), with the project's run tag written as {@code TAG}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class GoldLoopInBrowserTest extends BrowserTest {

    static final String PASSWORD = "browser-secret-1";
    static final String TEXT = "Almaty, 6 January\n\n\n\nThe interior ministry said that 18 police officers were"
            + " killed.\nLocal media reported fires.\n";

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
    CurationService curation;

    String base() {
        return "http://localhost:" + port;
    }

    static void label(Page page, String phrase, String key) {
        int u16 = TEXT.indexOf(phrase);
        AnnotateInBrowserTest.selectWithMouse(page, u16, u16 + phrase.length());
        page.keyboard().press(key);
        assertThat(page.locator("fs-text-annotator mark.fs-span", new Page.LocatorOptions().setHasText(phrase))
                .first()).isVisible();
    }

    static Locator mark(Page page, String phrase) {
        return page.locator("fs-text-annotator mark.fs-span", new Page.LocatorOptions().setHasText(phrase));
    }

    /** Links with keys: the claim selected, {@code l}, a click on each part, Enter. */
    static void link(Page page, String claim, String... parts) {
        mark(page, claim).first().click();
        page.keyboard().press("l");
        assertThat(page.locator(".fs-link-hint")).containsText("Link this claim: click its source");
        for (String part : parts) {
            mark(page, part).first().click();
        }
        page.keyboard().press("Enter");
        assertThat(page.locator("fs-text-annotator .fs-link-hint")).hasCount(0);
        assertThat(page.locator("fs-text-annotator")).not().hasAttribute("data-pending",
                java.util.regex.Pattern.compile("[1-9].*"));
    }

    /**
     * Database ids depend on what ran before in the same database: spans are numbered 1, 2, ... in the order they
     * appear, attributions likewise, and an attribution's source, cue and content follow its spans' new numbers.
     */
    static String stableIds(String jsonl) {
        java.util.Map<String, String> spans = new java.util.HashMap<>();
        java.util.regex.Matcher span = java.util.regex.Pattern.compile("\\{\"id\":(\\d+),\"start\"").matcher(jsonl);
        StringBuilder out = new StringBuilder();
        while (span.find()) {
            span.appendReplacement(out, "{\"id\":" + spans.computeIfAbsent(span.group(1),
                    k -> String.valueOf(spans.size() + 1)) + ",\"start\"");
        }
        span.appendTail(out);
        java.util.regex.Matcher ref = java.util.regex.Pattern.compile("\"(source|cue|content)\":(\\d+)")
                .matcher(out.toString());
        StringBuilder linked = new StringBuilder();
        while (ref.find()) {
            ref.appendReplacement(linked, "\"" + ref.group(1) + "\":" + spans.getOrDefault(ref.group(2), "?"));
        }
        ref.appendTail(linked);
        int[] next = {0};
        java.util.regex.Matcher triple = java.util.regex.Pattern.compile("\\{\"id\":\\d+,\"source\"")
                .matcher(linked.toString());
        StringBuilder done = new StringBuilder();
        while (triple.find()) {
            triple.appendReplacement(done, "{\"id\":" + (++next[0]) + ",\"source\"");
        }
        triple.appendTail(done);
        return done.toString();
    }

    @Test
    void twoAnnotatorsLabelTheCuratorSettlesEveryPlaceByKeyAndExportsGold() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String slug = "loop-" + tag;
        String first = "ann-a-" + tag;
        String second = "ann-b-" + tag;
        FreshProject p = data.project(slug).name("Gold loop " + tag).description("Issue 17's whole loop")
                .guidelines("# Guidelines").settings(new ProjectSettings(true, true, 2)).labels(
                        new LabelInfo("CLAIM", "Claim", "1", "c", "#0072B2", LabelKind.CONTENT, List.of()),
                        new LabelInfo("SOURCE", "Source", "2", "s", "#E69F00", LabelKind.SOURCE, List.of()),
                        new LabelInfo("ATTRIBUTION", "Attribution", "3", "a", "#009E73", LabelKind.CUE, List.of()))
                .password(PASSWORD).annotator(first).annotator(second).member("carol", ProjectRole.CURATOR)
                .document("almaty.txt", TEXT).build();
        long doc = p.document("almaty.txt");
        p.assign(doc, p.annotator, p.annotator2);
        String editor = base() + "/projects/" + slug + "/documents/" + doc;

        try (BrowserContext a = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
                BrowserContext b = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
                BrowserContext c = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000)
                        .setAcceptDownloads(true))) {
            // the first annotator: source, cue, claim, one triple with source and cue; finishes
            Page pa = a.newPage();
            BrowserSupport.login(pa, base(), first, PASSWORD);
            pa.navigate(editor);
            pa.locator("fs-text-annotator[data-ready='true']").waitFor();
            // the blank lines under the title are one short gap, not three empty lines
            assertThat(pa.locator("fs-text-annotator .fs-gap")).hasCount(1);
            assertThat(pa.locator("fs-text-annotator .fs-gap")).hasCSS("height",
                    java.util.regex.Pattern.compile("^1[0-9](\\.\\d+)?px$"));
            label(pa, "The interior ministry", "2");
            label(pa, "said", "3");
            label(pa, "18 police officers were killed", "1");
            link(pa, "18 police officers were killed", "The interior ministry", "said");
            pa.locator("#finish").click();
            assertThat(pa.locator("#assignment-status")).containsText("marked this document finished");

            // the second: the same source, a shorter claim, another source; links without a cue; not finished yet
            Page pb = b.newPage();
            BrowserSupport.login(pb, base(), second, PASSWORD);
            pb.navigate(editor);
            pb.locator("fs-text-annotator[data-ready='true']").waitFor();
            label(pb, "The interior ministry", "2");
            label(pb, "police officers were killed", "1");
            label(pb, "Local media", "2");
            link(pb, "police officers were killed", "The interior ministry");

            // the curator looks before the second has finished: the start panel names who has not
            Page pc = c.newPage();
            BrowserSupport.login(pc, base(), "carol", TestUsers.DEMO_PASSWORD);
            pc.navigate(editor + "/curate");
            assertThat(pc.locator("#start-about")).containsText(first + " finished (");
            assertThat(pc.locator("#start-about")).containsText(second + " has not finished (");
            assertThat(pc.locator("#start-threshold")).not().hasAttribute("invalid", "");

            // the second finishes late; the curator reloads and starts
            pb.locator("#finish").click();
            assertThat(pb.locator("#assignment-status")).containsText("marked this document finished");
            pc.reload();
            assertThat(pc.locator("#start-about")).containsText(second + " finished (");
            pc.locator("#start").click();
            assertThat(pc.locator("#curation-status")).hasText("In progress");
            // the source both labeled is merged as unanimous
            assertThat(pc.locator("#gold mark.fs-span")).hasCount(1);

            // refused while anything is open: the dialog lists as many places as the header counts
            String header = pc.locator("#open-count").textContent();
            int open = Integer.parseInt(header.replaceAll("\\D.*", ""));
            assertThat(open).isGreaterThanOrEqualTo(4);
            pc.locator("#mark-curated").click();
            assertThat(pc.locator("#open-places")).isVisible();
            assertThat(pc.locator("#open-places-dialog")).hasAttribute("aria-label", open + " places are still open");
            assertThat(pc.locator("#open-places .fs-cur-open-place")).hasCount(open);
            BrowserSupport.screenshot(pc, "loop-refused");
            // "Settle them" closes the dialog and selects the first open place; from there on, keys only
            pc.locator("#settle-first").click();
            assertThat(pc.locator("#open-places")).hasCount(0);
            assertThat(pc.locator("#curation-status")).hasText("In progress");
            assertThat(pc.locator("#position-title")).hasText("To settle");

            // the keyboard walk: the first annotator's versions are accepted, what only the second has is rejected
            // (no button keeps the focus: Enter goes to the view's shortcut, not to a button)
            pc.evaluate("() => document.activeElement && document.activeElement.blur()");
            int steps = 0;
            while (!pc.locator("#open-count").textContent().equals("no open disagreements")) {
                assertThat(steps++).as("steps to settle " + open + " places").isLessThan(3 * open);
                String before = pc.locator("#open-count").textContent();
                pc.keyboard().press("Alt+ArrowDown");
                assertThat(pc.locator("#position-title")).hasText("To settle");
                String owner = (String) pc.evaluate("""
                        () => {
                          const triple = document.querySelector('#attributions-here .fs-cur-unit-selected');
                          if (triple) return triple.querySelector('.fs-cur-name').textContent;
                          const span = document.querySelector('#versions .fs-cur-unit-selected');
                          return span ? span.closest('.fs-cur-version-row').querySelector('.fs-cur-name').textContent
                              : '';
                        }""");
                pc.keyboard().press(owner.startsWith(second) ? "Delete" : "Enter");
                assertThat(pc.locator("#open-count")).not().hasText(before);
            }
            BrowserSupport.screenshot(pc, "loop-settled");
            pc.locator("#mark-curated").click();
            assertThat(pc.locator("#curation-status")).containsText("Curated by carol");
            assertThat(pc.locator("#curated-open")).not().isVisible();
            DocumentCuration done = curation.read(users.findActor("carol").orElseThrow(), slug, doc, false);
            assertThat(done.openPlaces()).isEmpty();

            // export: gold is the default set for a curator once the project has gold
            pc.navigate(base() + "/projects/" + slug + "/export");
            assertThat(pc.locator("#export-set")).containsText("gold");
            pc.locator("#export-format").click();
            pc.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("jsonl").setExact(true)).click();
            Locator zip = pc.locator("#export-zip input");
            if (zip.count() > 0 && zip.isChecked()) {
                zip.uncheck();
            }
            Download download = pc.waitForDownload(() -> pc.locator("#export-start").click());
            String exported = stableIds(Files.readString(download.path(), StandardCharsets.UTF_8)
                    .replace(tag, "TAG").replaceAll("\"document_id\":" + doc + "\\b", "\"document_id\":DOC")
                    // the document's own id only: a span's id may be the same number
                    .replace("{\"id\":" + doc + ",\"name\":", "{\"id\":DOC,\"name\":"));
            Path golden = Path.of("src/test/resources/golden/gold-loop.jsonl");
            if (Boolean.getBoolean("golden.write")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, exported, StandardCharsets.UTF_8);
            }
            assertThat(exported).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }
}
