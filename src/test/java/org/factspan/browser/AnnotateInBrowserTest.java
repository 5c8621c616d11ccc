package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first annotation loop in real Chromium: alice selects a phrase with the mouse, presses 1, sees
 * the highlight, reloads and still sees it; bob does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class AnnotateInBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    CorpusService corpus;
    @Autowired
    AnnotationService annotations;
    @Autowired
    UserService users;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aliceLabelsAClaimThatSurvivesReloadAndBobDoesNotSeeIt() {
        Actor alice = users.findActor("alice").orElseThrow();
        long documentId = corpus.listDocuments(alice, TestUsers.SEED_PROJECT).get(0).id();
        DocumentContent doc = corpus.openDocument(alice, TestUsers.SEED_PROJECT, documentId);
        String phrase = "send peacekeeping forces";
        int u16 = doc.text().indexOf(phrase);
        int start = doc.text().codePointCount(0, u16);
        String url = base() + "/projects/" + TestUsers.SEED_PROJECT + "/documents/" + documentId;

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base(), "alice", TestUsers.DEMO_PASSWORD);
            assertThat(page.locator("#projects")).containsText("Kazakhstan unrest, January 2022");
            BrowserSupport.screenshot(page, "01-projects");
            page.navigate(base() + "/projects/" + TestUsers.SEED_PROJECT);
            assertThat(page.locator("#documents")).containsText("The Moscow Times");
            BrowserSupport.screenshot(page, "02-documents");
            page.navigate(url);
            page.locator("fs-text-annotator[data-ready='true']").waitFor();

            selectWithMouse(page, u16, u16 + phrase.length());
            assertThat(page.evaluate("() => window.getSelection().toString()")).isEqualTo(phrase);
            page.keyboard().press("1");

            Locator mark = page.locator("fs-text-annotator mark.fs-span[data-label='CLAIM']");
            assertThat(mark).hasText(phrase);
            // painted at once; stored once the server has confirmed it
            assertThat(page.locator("fs-text-annotator[data-pending='0']")).hasCount(1);
            BrowserSupport.screenshot(page, "03-labeled");

            List<SpanInfo> stored = annotations.listMySpans(alice, TestUsers.SEED_PROJECT, documentId);
            assertThat(stored).anySatisfy(s -> {
                assertThat(s.start()).isEqualTo(start);
                assertThat(s.end()).isEqualTo(start + phrase.codePointCount(0, phrase.length()));
                assertThat(s.text()).isEqualTo(phrase);
                assertThat(s.label()).isEqualTo("CLAIM");
            });

            page.reload();
            page.locator("fs-text-annotator[data-ready='true']").waitFor();
            assertThat(page.locator("fs-text-annotator mark.fs-span[data-label='CLAIM']")).hasText(phrase);
        }

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            BrowserSupport.login(page, base(), "bob", TestUsers.DEMO_PASSWORD);
            page.navigate(url);
            page.locator("fs-text-annotator[data-ready='true']").waitFor();
            assertThat(page.locator("fs-text-annotator mark.fs-span")).hasCount(0);
            assertThat(page.locator("fs-text-annotator .fs-text")).containsText(phrase);
        }
    }

    /**
     * Drags the mouse from the first to the last character of a UTF-16 range of the text, scrolled to the middle of
     * the window first.
     */
    static void selectWithMouse(Page page, int from, int to) {
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) page.evaluate("""
                ([from, to]) => {
                  const root = document.querySelector('fs-text-annotator .fs-text');
                  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                  const at = (offset) => {
                    let seen = 0, node;
                    while ((node = walker.nextNode())) {
                      const len = node.data.length;
                      if (offset < seen + len) return [node, offset - seen];
                      seen += len;
                    }
                    throw new Error('offset outside text: ' + offset);
                  };
                  const rectOf = (offset) => {
                    walker.currentNode = root;
                    const [node, i] = at(offset);
                    const r = document.createRange();
                    r.setStart(node, i);
                    r.setEnd(node, i + 1);
                    return r.getBoundingClientRect();
                  };
                  // as a user would: the phrase in the middle of the window, not at an edge where a drag scrolls
                  walker.currentNode = root;
                  at(from)[0].parentElement.scrollIntoView({ block: 'center' });
                  const a = rectOf(from), b = rectOf(to - 1);
                  return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
                }""", List.of(from, to));
        page.mouse().move(num(box, "x1"), num(box, "y1"));
        page.mouse().down();
        page.mouse().move(num(box, "x2"), num(box, "y2"), new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
    }

    private static double num(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }
}
