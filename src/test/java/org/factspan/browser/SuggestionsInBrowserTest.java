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
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.annotation.SpanSuggestions.Suggestion;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentId;
import org.factspan.suggest.SuggestionService;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Suggestions and search in real Chromium: ghosts, ] and Enter to accept, x to reject, a search hit opened. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class SuggestionsInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    CorpusService corpus;
    @Autowired
    AnnotationService annotations;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    UserService users;

    Actor carol;
    DocumentContent doc;
    BrowserContext context;
    Page page;

    @BeforeEach
    void open() {
        carol = users.findActor("carol").orElseThrow();
        doc = corpus.openDocument(carol, TestUsers.SEED_PROJECT, corpus.listDocuments(carol, TestUsers.SEED_PROJECT)
                .get(2).id());
        clear();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        page = context.newPage();
        BrowserSupport.login(page, base(), "carol", TestUsers.DEMO_PASSWORD);
    }

    @AfterEach
    void close() {
        context.close();
        clear();
    }

    void clear() {
        for (SpanInfo s : annotations.listMySpans(carol, TestUsers.SEED_PROJECT, doc.id())) {
            annotations.deleteSpan(carol, TestUsers.SEED_PROJECT, new DocumentId(doc.id()), new SpanId(s.id()));
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    List<SpanInfo> stored() {
        return annotations.listMySpans(carol, TestUsers.SEED_PROJECT, doc.id());
    }

    void openDocument() {
        page.navigate(base() + "/projects/" + TestUsers.SEED_PROJECT + "/documents/" + doc.id());
        page.locator("fs-text-annotator[data-ready='true']").waitFor();
        page.locator("fs-text-annotator .fs-ghost").first().waitFor();
    }

    @Test
    void enterAcceptsTheFocusedSuggestionAndXRejectsTheNext() {
        List<Suggestion> offered = suggestions.suggest(carol, TestUsers.SEED_PROJECT, doc.id());
        Suggestion first = offered.get(0);
        Suggestion second = offered.get(1);
        openDocument();
        assertThat(page.locator("#suggestion-status")).hasText(offered.size() + " suggestions");
        // a paragraph with several suggestions in view for the picture, then back to the top
        page.evaluate("() => document.querySelectorAll('fs-text-annotator .fs-ghost')[6]"
                + ".scrollIntoView({block: 'center'})");
        BrowserSupport.screenshot(page, "suggestions-ghosts");
        page.evaluate("() => window.scrollTo(0, 0)");

        page.keyboard().press("]");
        Locator focused = page.locator("fs-text-annotator .fs-ghost-focus").first();
        assertThat(focused).isVisible();
        assertThat(focused).hasAttribute("data-ghost-keys", java.util.regex.Pattern.compile(".*" + first.key() + ".*"));
        assertThat(page.locator("fs-text-annotator .fs-ghost-hint")).containsText("Enter");
        BrowserSupport.screenshot(page, "suggestions-focused");

        page.keyboard().press("Enter");
        assertThat(page.locator("#span-count")).hasText("1 span");
        SpanInfo span = stored().getFirst();
        assertThat(span.start()).isEqualTo(first.start());
        assertThat(span.end()).isEqualTo(first.end());
        assertThat(span.label()).isEqualTo(first.label());
        assertThat(suggestions.acceptedFrom(carol, TestUsers.SEED_PROJECT, new DocumentId(doc.id()), new SpanId(span.id())))
                .contains(first.recommender());
        assertThat(page.locator("fs-text-annotator mark.fs-span[data-label='" + first.label() + "']").first())
                .isVisible();

        // focus moved on to the next suggestion: x rejects it
        assertThat(page.locator("fs-text-annotator .fs-ghost-focus").first())
                .hasAttribute("data-ghost-keys", java.util.regex.Pattern.compile(".*" + second.key() + ".*"));
        page.keyboard().press("x");
        page.waitForCondition(() -> suggestions.suggest(carol, TestUsers.SEED_PROJECT, doc.id()).stream()
                .noneMatch(s -> s.key().equals(second.key())));
        assertThat(stored()).hasSize(1);
        assertThat(page.locator("fs-text-annotator [data-ghost-keys~='" + second.key() + "']")).hasCount(0);
    }

    @Test
    void aClickOnASuggestionAcceptsItAndSelectingTextStillWorks() {
        openDocument();
        Locator ghost = page.locator("fs-text-annotator span.fs-ghost[data-ghost-label='ATTRIBUTION']").first();
        String key = ghost.getAttribute("data-ghost-keys").split(" ")[0];
        ghost.click();
        assertThat(page.locator("#span-count")).hasText("1 span");
        assertThat(stored().getFirst().label()).isEqualTo("ATTRIBUTION");
        assertThat(key).startsWith("ATTRIBUTION:");

        // a drag across other suggestions still selects text and labels it
        int u16 = doc.text().indexOf("Moscow-led military alliance");
        AnnotateInBrowserTest.selectWithMouse(page, u16, u16 + "Moscow-led military alliance".length());
        page.keyboard().press("1");
        assertThat(page.locator("#span-count")).hasText("2 spans");
        assertThat(stored()).extracting(SpanInfo::text).contains("Moscow-led military alliance");
    }

    void label(String phrase, String label) {
        int start = doc.text().indexOf(phrase);
        annotations.createSpan(carol, TestUsers.SEED_PROJECT, doc.id(), start, start + phrase.length(), label);
    }

    @Test
    void aSearchHitOpensTheDocumentWithTheMatchSelected() {
        label("dozens were killed trying to storm government buildings", "CLAIM");
        label("police", "SOURCE");
        page.navigate(base() + "/projects/" + TestUsers.SEED_PROJECT + "/search");
        page.locator("#query input").fill("hospitalised");
        Locator hit = page.locator(".fs-hit").first();
        assertThat(hit).containsText("hospitalised");
        page.locator("#query input").fill("dozens killed");
        assertThat(page.locator(".fs-hit[data-kind='span']").first()).containsText("Claim");
        BrowserSupport.screenshot(page, "search");

        page.locator("#query input").fill("hospitalised");
        assertThat(page.locator(".fs-hit").first()).containsText("hospitalised");
        page.locator(".fs-hit").first().click();
        page.locator("fs-text-annotator[data-ready='true']").waitFor();
        page.waitForCondition(() -> "hospitalised".equals(page.evaluate("() => window.getSelection().toString()")));
    }

    /** Carol labels the five seeds as in the hand-labeled gold file; the recommenders are measured against it. */
    @Test
    void theRecommendersViewShowsPrecisionAndRecall() throws Exception {
        List<Long> docs = corpus.listDocuments(carol, TestUsers.SEED_PROJECT).stream().map(d -> d.id()).toList();
        try {
            var in = getClass().getResourceAsStream("/search/seed-attributions.tsv");
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                long id = docs.get(Integer.parseInt(f[0].substring(0, 3)));
                annotations.createSpan(carol, TestUsers.SEED_PROJECT, id, Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        f[1]);
            }
            page.setViewportSize(1280, 1060);
            page.navigate(base() + "/projects/" + TestUsers.SEED_PROJECT + "/recommenders");
            page.locator("#evaluate").click();
            assertThat(page.locator("#status")).containsText("5 documents in 5 groups",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
            assertThat(page.locator("#figures")).containsText("Attribution patterns");
            BrowserSupport.screenshot(page, "recommenders");
        } finally {
            for (long id : docs) {
                for (SpanInfo s : annotations.listMySpans(carol, TestUsers.SEED_PROJECT, id)) {
                    annotations.deleteSpan(carol, TestUsers.SEED_PROJECT, new DocumentId(id), new SpanId(s.id()));
                }
            }
        }
    }
}
