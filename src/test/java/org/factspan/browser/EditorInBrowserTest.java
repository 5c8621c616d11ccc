package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentId;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The editor in real Chromium: keys, overlaps, undo/redo, triples, attributes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class EditorInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    CorpusService corpus;
    @Autowired
    AnnotationService annotations;
    @Autowired
    UserService users;

    Actor bob;
    DocumentContent doc;
    BrowserContext context;
    Page page;

    @BeforeEach
    void open() {
        bob = users.findActor("bob").orElseThrow();
        doc = corpus.openDocument(bob, TestUsers.SEED_PROJECT, corpus.listDocuments(bob, TestUsers.SEED_PROJECT).get(4).id());
        for (SpanInfo s : annotations.listMySpans(bob, TestUsers.SEED_PROJECT, doc.id())) {
            annotations.deleteSpan(bob, TestUsers.SEED_PROJECT, new DocumentId(doc.id()), new SpanId(s.id()));
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        page = context.newPage();
        BrowserSupport.login(page, "http://localhost:" + port, "bob", TestUsers.DEMO_PASSWORD);
        page.navigate("http://localhost:" + port + "/projects/" + TestUsers.SEED_PROJECT + "/documents/" + doc.id());
        page.locator("fs-text-annotator[data-ready='true']").waitFor();
    }

    @AfterEach
    void close() {
        context.close();
    }

    List<SpanInfo> stored() {
        return annotations.listMySpans(bob, TestUsers.SEED_PROJECT, doc.id());
    }

    /**
     * Selects a phrase with the mouse (the n-th occurrence), presses a key and waits until the server
     * has stored and redrawn the span (a drag that starts while the text is being redrawn loses its anchor).
     */
    void label(String phrase, int occurrence, String key) {
        int before = stored().size();
        int u16 = -1;
        for (int i = 0; i <= occurrence; i++) {
            u16 = doc.text().indexOf(phrase, u16 + 1);
        }
        AnnotateInBrowserTest.selectWithMouse(page, u16, u16 + phrase.length());
        page.keyboard().press(key);
        int after = before + 1;
        assertThat(page.locator("#span-count")).hasText(after == 1 ? "1 span" : after + " spans");
        page.locator("fs-text-annotator mark.fs-selected").first().waitFor();
    }

    Locator mark(String label, String text) {
        return page.locator("fs-text-annotator mark.fs-span[data-label='" + label + "']", new Page.LocatorOptions()
                .setHasText(text)).first();
    }

    @Test
    void keysLabelWithDigitsAndLettersAndSnapToWords() {
        label("Kassym-Jomart Tokayev", 0, "2");
        assertThat(mark("SOURCE", "Kassym-Jomart Tokayev")).isVisible();
        // A selection from inside "submitted" to inside "application" snaps to whole words.
        int u16 = doc.text().indexOf("submitted an application");
        AnnotateInBrowserTest.selectWithMouse(page, u16 + 3, u16 + "submitted an applica".length());
        page.keyboard().press("c");
        assertThat(mark("CLAIM", "submitted")).isVisible();
        // painted at once; stored once the server has confirmed it
        assertThat(page.locator("fs-text-annotator[data-pending='0']")).hasCount(1);
        assertThat(stored()).extracting(SpanInfo::text)
                .containsExactlyInAnyOrder("Kassym-Jomart Tokayev", "submitted an application");
        BrowserSupport.screenshot(page, "10-editor-keys");
    }

    @Test
    void nestedSpansStayClickableAndUndoRedoWorks() {
        label("Kazakh President Kassym-Jomart Tokayev said in a speech to his people", 0, "1");
        label("Tokayev", 0, "2");
        assertThat(page.locator("#span-count")).hasText("2 spans");
        // The new span is selected; Escape clears that.
        assertThat(page.locator("#span-text")).hasText("Tokayev");
        page.keyboard().press("Escape");
        assertThat(page.locator("#span-panel h3")).hasText("No span selected");
        // Clicking the inner span selects it, not the outer one.
        mark("SOURCE", "Tokayev").click();
        assertThat(page.locator("#span-text")).hasText("Tokayev");
        // Clicking it again cycles to the enclosing claim.
        mark("SOURCE", "Tokayev").click();
        assertThat(page.locator("#span-text")).containsText("Kazakh President");

        page.keyboard().press("Control+z");
        assertThat(page.locator("#span-count")).hasText("1 span");
        page.keyboard().press("Control+z");
        assertThat(page.locator("#span-count")).hasText("0 spans");
        page.keyboard().press("Control+Shift+z");
        assertThat(page.locator("#span-count")).hasText("1 span");
        page.keyboard().press("Control+y");
        assertThat(page.locator("#span-count")).hasText("2 spans");
        assertThat(stored()).hasSize(2);

        // Tab selects spans in document order; Delete removes the selected one; undo brings it back.
        page.locator("fs-text-annotator .fs-text").click(new Locator.ClickOptions().setPosition(2, 2));
        page.keyboard().press("Tab");
        assertThat(page.locator("#span-text")).containsText("Kazakh President");
        page.keyboard().press("Tab");
        assertThat(page.locator("#span-text")).hasText("Tokayev");
        page.keyboard().press("Delete");
        assertThat(page.locator("#span-count")).hasText("1 span");
        page.keyboard().press("Control+z");
        assertThat(page.locator("#span-count")).hasText("2 spans");
        BrowserSupport.screenshot(page, "11-editor-nested");
    }

    @Test
    void aTripleIsBuiltWithKeysAndClicksAndItsSpanDeletionAsksFirst() {
        label("Kassym-Jomart Tokayev", 0, "2");
        label("said", 1, "3"); // "Tokayev said"
        label("he had submitted an application", 0, "1");
        // Select the cue, press l, click the source, then the claim.
        mark("ATTRIBUTION", "said").click();
        page.keyboard().press("l");
        assertThat(page.locator("fs-text-annotator[data-linking]")).hasCount(1);
        mark("SOURCE", "Kassym-Jomart Tokayev").click();
        mark("CLAIM", "he had submitted").click();
        assertThat(page.locator("#span-links .fs-link-row")).hasCount(1);
        List<AttributionInfo> triples = annotations.listMyAttributions(bob, TestUsers.SEED_PROJECT, doc.id());
        assertThat(triples).hasSize(1);
        assertThat(triples.get(0).source()).isNotNull();
        assertThat(triples.get(0).cue()).isNotNull();
        // Linked spans light up when one of them is selected.
        mark("SOURCE", "Kassym-Jomart Tokayev").click();
        assertThat(page.locator("#span-text")).hasText("Kassym-Jomart Tokayev");
        assertThat(page.locator("fs-text-annotator mark.fs-linked")).not().hasCount(0);
        BrowserSupport.screenshot(page, "12-editor-triple");

        page.keyboard().press("Delete");
        assertThat(page.locator("#confirm-delete")).isVisible();
        page.locator("#confirm-delete").click();
        assertThat(page.locator("#span-count")).hasText("2 spans");
        assertThat(annotations.listMyAttributions(bob, TestUsers.SEED_PROJECT, doc.id())).isEmpty();
    }

    @Test
    void attributesAreSavedAndShownAfterReload() {
        label("he had submitted an application", 0, "1");
        page.locator("#attr-verdict").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("unverifiable")).click();
        page.waitForCondition(() -> !stored().get(0).attributes().isEmpty());
        page.locator("#attr-note textarea").fill("Only Tokayev's word for it");
        page.locator("#attr-note textarea").blur();
        assertThat(page.locator("#attr-verdict")).containsText("unverifiable");
        page.waitForCondition(() -> stored().get(0).attributes().size() == 2);
        assertThat(stored().get(0).attributes()).containsEntry("verdict", "unverifiable")
                .containsEntry("note", "Only Tokayev's word for it");

        page.reload();
        page.locator("fs-text-annotator[data-ready='true']").waitFor();
        mark("CLAIM", "he had submitted").click();
        assertThat(page.locator("#attr-verdict")).containsText("unverifiable");
        assertThat(page.locator("#attr-note textarea")).hasValue("Only Tokayev's word for it");
        BrowserSupport.screenshot(page, "13-editor-attributes");
    }
}
