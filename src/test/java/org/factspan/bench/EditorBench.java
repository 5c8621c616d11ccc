package org.factspan.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import org.factspan.TestUsers;
import org.factspan.browser.BrowserSupport;
import org.factspan.corpus.AssignmentService;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentSummary;
import org.factspan.security.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editor's speed as an annotator feels it, in Chromium, with the production bundle (see the bench profile):
 * key press to painted span (p50, p95) on the seed articles and the server's confirmation of it (p50, p99, one
 * annotator); opening a 2,000-token document with about 70 of the annotator's spans from the document list and with
 * "Next document" until the text is interactive, and a full page load, warm (medians). Measured in the page
 * ({@code performance.now()}), so Playwright's own overhead is not in the figures. The 50,000-word document is
 * {@link BigDocumentBench}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BenchDatabase.CONTEXT)
class EditorBench {

    @LocalServerPort
    int port;
    @Autowired
    BenchDatabase db;
    @Autowired
    CorpusService corpus;
    @Autowired
    AssignmentService assignments;

    String base() {
        return "http://localhost:" + port;
    }

    /** Leaves nothing running for the next job (or for the JVM's exit). */
    @AfterEach
    void leaveNothingRunning() {
        db.settle();
    }

    @Test
    void keysAndOpening() throws Exception {
        String scale = BenchResults.scale();
        List<BenchResults.Row> rows = new ArrayList<>();
        int perDocument = BenchResults.full() ? 20 : 8;
        List<Double> paint = new ArrayList<>();
        List<Double> confirm = new ArrayList<>();
        List<Double> undoPaint = new ArrayList<>();
        Actor bob = db.actor("bob");
        List<DocumentSummary> seeds = corpus.listDocuments(bob, TestUsers.SEED_PROJECT);

        // the 2,000-token documents of the peer workload, assigned to one annotator (Next document works)
        String slug = db.loaded("peer", SyntheticCorpus.peer(), 12, true);
        db.settle();
        String annotator = SyntheticCorpus.ANNOTATORS.get(0);
        List<Long> ids = db.jdbc.queryForList("select d.id from document d join project p on p.id = d.project_id"
                + " where p.slug = ? order by d.position", Long.class, slug);
        Actor admin = db.actor("admin");
        for (long id : ids) {
            try {
                assignments.assign(admin, slug, id, annotator);
            } catch (RuntimeException already) {
                // assigned in an earlier bench of this run
            }
        }
        long own = db.count("select count(*) from span where document_id = ? and user_id = ?", ids.get(1),
                db.annotators().get(annotator));

        List<Double> fromList = new ArrayList<>();
        List<Double> next = new ArrayList<>();
        List<Double> fullLoad = new ArrayList<>();
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280,
                    800))) {
                Page page = context.newPage();
                BrowserSupport.login(page, base(), "bob", TestUsers.DEMO_PASSWORD);
                for (DocumentSummary d : seeds) {
                    DocumentContent doc = corpus.openDocument(bob, TestUsers.SEED_PROJECT, d.id());
                    page.navigate(base() + "/projects/" + TestUsers.SEED_PROJECT + "/documents/" + d.id());
                    page.locator("fs-text-annotator[data-ready='true']").waitFor();
                    List<int[]> words = words(doc.text(), perDocument);
                    for (int[] w : words) {
                        page.evaluate("([s, e]) => document.querySelector('fs-text-annotator').selectRange(s, e)",
                                List.of(w[0], w[1]));
                        double[] t = timedKey(page, "1");
                        paint.add(t[0]);
                        confirm.add(t[1]);
                        double[] u = timedKey(page, "Control+z");
                        undoPaint.add(u[0]);
                        confirm.add(u[1]);
                    }
                }
            }
            rows.add(new BenchResults.Row("editor: key to painted span p50", scale, percentile(paint, 50), null, "ms",
                    null, paint.size() + " key presses on the 5 seed articles; goal <= 16 ms"));
            rows.add(new BenchResults.Row("editor: key to painted span p95", scale, percentile(paint, 95), null, "ms",
                    null, "goal <= 33 ms; undo p50 " + fmt(percentile(undoPaint, 50)) + " ms, p95 "
                            + fmt(percentile(undoPaint, 95)) + " ms"));
            rows.add(new BenchResults.Row("editor: server confirmation p99", scale, percentile(confirm, 99), null, "ms",
                    null, "key press to the server's answer in the page, one annotator, " + confirm.size()
                            + " edits; p50 " + fmt(percentile(confirm, 50)) + " ms; goal <= 50 ms"));

            int rounds = BenchResults.full() ? 10 : 5;
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280,
                    800))) {
                Page page = context.newPage();
                BrowserSupport.login(page, base(), annotator, TestUsers.DEMO_PASSWORD);
                // warm: every path once
                openFromList(page, slug, ids.get(0));
                page.navigate(base() + "/projects/" + slug + "/documents/" + ids.get(0));
                page.locator("fs-text-annotator[data-ready='true']").waitFor();
                for (int round = 0; round < rounds; round++) {
                    fromList.add(openFromList(page, slug, ids.get(1 + round % 5)));
                    next.add(openWithNext(page));
                    long t0 = System.nanoTime();
                    page.navigate(base() + "/projects/" + slug + "/documents/" + ids.get(1 + round % 5));
                    page.locator("fs-text-annotator[data-ready='true']").waitFor();
                    page.locator("#span-count").waitFor();
                    fullLoad.add((System.nanoTime() - t0) / 1e6);
                }
            }
        }
        rows.add(new BenchResults.Row("open 2,000-token doc from the list", scale, BenchResults.median(fromList), null,
                "ms", null, "click on the row to interactive text, " + own + " spans of the annotator; goal <= 100 ms"));
        rows.add(new BenchResults.Row("open next document (Next document)", scale, BenchResults.median(next), null,
                "ms", null, "click to the next document's interactive text; goal <= 100 ms"));
        rows.add(new BenchResults.Row("full page load, 2,000-token doc", scale, BenchResults.median(fullLoad), null,
                "ms", null, "navigation to interactive text and counts, warm; goal <= 300 ms"));
        BenchResults.record(rows);
    }

    /** Every k-th word of the text (UTF-16 offsets of the seed texts' ASCII words are code points after the head). */
    static List<int[]> words(String text, int count) {
        List<int[]> all = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b[A-Za-z]{5,}\\b").matcher(text);
        while (m.find()) {
            int start = text.codePointCount(0, m.start());
            all.add(new int[] {start, start + (m.end() - m.start())});
        }
        List<int[]> out = new ArrayList<>();
        int step = Math.max(1, all.size() / (count + 1));
        for (int i = step; i < all.size() && out.size() < count; i += step) {
            out.add(all.get(i));
        }
        return out;
    }

    /**
     * Presses a key and returns, measured in the page from the key event: [0] the time until the change is on
     * screen (the first frame after the component changed), [1] the time until the server's answer arrived.
     */
    static double[] timedKey(Page page, String key) {
        page.evaluate("""
                () => {
                  const el = document.querySelector('fs-text-annotator');
                  window.__fsBench = new Promise((resolve) => {
                    let t0 = 0, painted = -1, confirmed = -1;
                    const done = () => { if (painted >= 0 && confirmed >= 0) resolve([painted, confirmed]); };
                    document.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
                    const obs = new MutationObserver(() => {
                      if (t0 === 0) return;
                      obs.disconnect();
                      requestAnimationFrame(() => setTimeout(() => { painted = performance.now() - t0; done(); }, 0));
                    });
                    obs.observe(el, { attributes: true, attributeFilter: ['data-pending'] });
                    el.addEventListener('fs-confirmed', () => { confirmed = performance.now() - t0; done(); },
                        { once: true });
                  });
                }""");
        page.keyboard().press(key);
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) page.evaluate("() => window.__fsBench");
        page.locator("fs-text-annotator[data-pending='0']").waitFor();
        return new double[] {r.get(0).doubleValue(), r.get(1).doubleValue()};
    }

    /** From the project's document list, a click on the document's row: milliseconds until the text is interactive. */
    private double openFromList(Page page, String slug, long documentId) {
        String title = db.jdbc.queryForObject("select title from document where id = ?", String.class, documentId);
        page.navigate(base() + "/projects/" + slug);
        page.locator("#documents vaadin-grid-cell-content").first().waitFor();
        armOpen(page);
        page.locator("#documents vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(title)).first()
                .click();
        return opened(page);
    }

    private double openWithNext(Page page) {
        armOpen(page);
        page.locator("#next-document").click();
        return opened(page);
    }

    /** Starts the clock at the next click and stops it when a (new) text is drawn and ready for keys. */
    private static void armOpen(Page page) {
        page.evaluate("""
                () => {
                  window.__fsOpen = new Promise((resolve) => {
                    let t0 = 0;
                    const old = document.querySelector('fs-text-annotator');
                    const oldText = old ? old.text : null;
                    document.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
                    const check = () => {
                      const el = document.querySelector('fs-text-annotator[data-ready="true"]');
                      if (t0 > 0 && el && (el !== old || el.text !== oldText)) {
                        obs.disconnect();
                        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
                      }
                    };
                    const obs = new MutationObserver(check);
                    obs.observe(document.body, { subtree: true, childList: true, attributes: true,
                        attributeFilter: ['data-ready'] });
                  });
                }""");
    }

    private static double opened(Page page) {
        return ((Number) page.evaluate("() => window.__fsOpen")).doubleValue();
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int k = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, k)));
    }

    static String fmt(double v) {
        return String.format("%.1f", v);
    }
}
