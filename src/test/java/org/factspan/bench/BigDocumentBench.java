package org.factspan.bench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.factspan.TestUsers;
import org.factspan.browser.BrowserSupport;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Open a 50,000-word document with 5,000 spans in Chromium until the text is interactive, then create a
 * span with a key and undo it; baseline: the same text with no spans. Prints medians.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BenchDatabase.CONTEXT)
class BigDocumentBench {

    static final int WORDS = 50_000;
    static final int SPANS = 5_000;

    @LocalServerPort
    int port;
    @Autowired
    ProjectSetupService setup;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BenchDatabase db;

    /** Leaves nothing running for the next job (or for the JVM's exit). */
    @AfterEach
    void leaveNothingRunning() {
        db.settle();
    }

    @Test
    void openAndEditABigDocument() throws Exception {
        String text = newsText(WORDS, new Random(42));
        String slug = "bench-big-" + System.nanoTime();
        long project = setup.createProject(slug, "Bench", null, null, List.of(
                new LabelInfo("CLAIM", "Claim", "1", "#0072B2", LabelKind.CONTENT),
                new LabelInfo("SOURCE", "Source", "2", "#E69F00", LabelKind.SOURCE),
                new LabelInfo("ATTRIBUTION", "Attribution", "3", "#009E73", LabelKind.CUE)));
        long bob = users.findUser("bob").orElseThrow().getId();
        setup.addMember(project, bob, org.factspan.corpus.ProjectRole.ANNOTATOR);
        long big = setup.importDocument(project, "big.txt", text, Map.of());
        long plain = setup.importDocument(project, "plain.txt", text + " ", Map.of());
        insertSpans(big, bob, text);
        db.settle();

        int rounds = BenchResults.full() ? 10 : 3;
        int keys = BenchResults.full() ? 10 : 6;
        List<Double> open = new ArrayList<>();
        List<Double> openPlain = new ArrayList<>();
        List<Double> paint = new ArrayList<>();
        List<Double> undoPaint = new ArrayList<>();
        List<Double> confirm = new ArrayList<>();
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
            for (int round = 0; round < rounds; round++) {
                try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1280, 800))) {
                    Page page = context.newPage();
                    BrowserSupport.login(page, "http://localhost:" + port, "bob", TestUsers.DEMO_PASSWORD);
                    openPlain.add(openMillis(page, slug, plain));
                    open.add(openMillis(page, slug, big));
                    assertThat(page.locator("#span-count")).hasText(SPANS + " spans");
                    // create + undo, timed from the key press to the change on screen and to the server's answer
                    for (int k = 0; k < keys; k++) {
                        int u16 = text.indexOf("Kazakhstan", 1000 + round * 5000 + k * 40_000 / keys);
                        page.evaluate("([s, e]) => { const el = document.querySelector('fs-text-annotator');"
                                + " el.revealRange(s, e); }", List.of(u16, u16 + "Kazakhstan".length()));
                        double[] created = EditorBench.timedKey(page, "3");
                        paint.add(created[0]);
                        confirm.add(created[1]);
                        assertThat(page.locator("#span-count")).hasText((SPANS + 1) + " spans");
                        double[] undone = EditorBench.timedKey(page, "Control+z");
                        undoPaint.add(undone[0]);
                        confirm.add(undone[1]);
                        assertThat(page.locator("#span-count")).hasText(SPANS + " spans");
                    }
                }
            }
        }
        String scale = BenchResults.scale();
        BenchResults.record(List.of(
                new BenchResults.Row("open big document (50k words, 5k spans)", scale, BenchResults.median(open),
                        BenchResults.median(openPlain), "ms", null, "baseline: same text, no spans; goal < 1000 ms"),
                new BenchResults.Row("big document: key to painted span p50", scale, EditorBench.percentile(paint, 50),
                        null, "ms", null, paint.size() + " key presses; goal <= 16 ms"),
                new BenchResults.Row("big document: key to painted span p95", scale, EditorBench.percentile(paint, 95),
                        null, "ms", null, "goal <= 33 ms; undo p50 " + EditorBench.fmt(EditorBench.percentile(
                                undoPaint, 50)) + " ms, p95 " + EditorBench.fmt(EditorBench.percentile(undoPaint, 95))
                                + " ms"),
                new BenchResults.Row("big document: server confirmation p99", scale, EditorBench.percentile(confirm,
                        99), null, "ms", null, "p50 " + EditorBench.fmt(EditorBench.percentile(confirm, 50))
                                + " ms")));
    }

    private double openMillis(Page page, String slug, long documentId) {
        long t0 = System.nanoTime();
        page.navigate("http://localhost:" + port + "/projects/" + slug + "/documents/" + documentId);
        page.locator("fs-text-annotator[data-ready='true']").waitFor();
        page.locator("#span-count").waitFor();
        return (System.nanoTime() - t0) / 1e6;
    }

    private void insertSpans(long documentId, long userId, String text) {
        // Word starts in code points (the text is ASCII, so UTF-16 = code points).
        List<int[]> words = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > s) {
                words.add(new int[] {s, i});
            }
        }
        String[] labels = {"CLAIM", "SOURCE", "ATTRIBUTION"};
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int k = 0; k < SPANS; k++) {
            int w = k * (words.size() / SPANS);
            int len = 1 + k % 4;
            rows.add(new Object[] {documentId, userId, labels[k % 3], words.get(w)[0],
                    words.get(Math.min(words.size() - 1, w + len - 1))[1], now});
        }
        jdbc.batchUpdate("insert into span (document_id, user_id, label, start_cp, end_cp, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", rows);
    }

    /** News-like text from the seed articles' sentences, shuffled, in paragraphs. */
    static String newsText(int words, Random random) throws Exception {
        List<String> sentences = new ArrayList<>();
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                for (String s : Files.readString(f).split("(?<=[.!?])\\s+")) {
                    String clean = s.replaceAll("[^\\x20-\\x7E]", " ").replaceAll("\\s+", " ").strip();
                    if (clean.split(" ").length >= 6) {
                        sentences.add(clean);
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        int count = 0;
        int inParagraph = 0;
        while (count < words) {
            String s = sentences.get(random.nextInt(sentences.size()));
            sb.append(s).append(' ');
            count += s.split(" ").length;
            if (++inParagraph == 5) {
                sb.append("\n\n");
                inParagraph = 0;
            }
        }
        return sb.toString();
    }
}
