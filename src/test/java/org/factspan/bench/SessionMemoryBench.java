package org.factspan.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import org.factspan.TestUsers;
import org.factspan.browser.BrowserSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Server heap per open annotation session (Vaadin production mode, see the bench profile): N Chromium contexts (quick: 6, full: 20) each log in and open a
 * different document of the main corpus (400 words, about 33 spans of the annotator) in the editor; the live heap
 * after a full collection, with the sessions open, minus the live heap before, divided by N. Includes the HTTP
 * session, Spring Security's context and Vaadin's UI state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BenchDatabase.CONTEXT)
class SessionMemoryBench {

    @LocalServerPort
    int port;
    @Autowired
    BenchDatabase db;

    /** Leaves nothing running for the next job (or for the JVM's exit). */
    @AfterEach
    void leaveNothingRunning() {
        db.settle();
    }

    @Test
    void heapPerOpenEditorSession() throws Exception {
        int sessions = BenchResults.full() ? 20 : 6;
        // a project of its own, a few times the sessions: opening its first editor trains the recommenders on every
        // document (six models, one per fold and one for all), which on the export job's 500 documents kept a core
        // busy for minutes; the heap of a session does not depend on the project's size
        String slug = db.loaded("sessions", SyntheticCorpus.main(), 4 * (sessions + 1), true);
        db.settle();
        List<Long> ids = db.jdbc.queryForList("select d.id from document d join project p on p.id = d.project_id"
                + " where p.slug = ? order by d.position", Long.class, slug);
        String base = "http://localhost:" + port;
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
            // one session first, so that class loading and caches are not counted
            List<BrowserContext> open = new ArrayList<>();
            open.add(session(browser, base, slug, ids.get(0)));
            // opening the project's first editor trains its recommender models: a once-per-project cost, not a
            // per-session one; it finishes before measuring
            db.settle();
            double before = BenchDatabase.liveHeapMb();
            for (int i = 1; i <= sessions; i++) {
                open.add(session(browser, base, slug, ids.get(i)));
            }
            double after = BenchDatabase.liveHeapMb();
            double perSession = (after - before) / sessions;
            BenchResults.record(List.of(new BenchResults.Row("session memory per open editor", BenchResults.scale(),
                    perSession, null, "MB", after, sessions + " sessions; live heap " + String.format(
                            "%.0f -> %.0f MB", before, after) + "; goal < 2 MB")));
            open.forEach(BrowserContext::close);
        }
    }

    private static BrowserContext session(Browser browser, String base, String slug, long document) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        Page page = context.newPage();
        BrowserSupport.login(page, base, SyntheticCorpus.ANNOTATORS.get(1), TestUsers.DEMO_PASSWORD);
        page.navigate(base + "/projects/" + slug + "/documents/" + document);
        page.locator("fs-text-annotator[data-ready='true']").waitFor();
        page.locator("#span-count").waitFor();
        return context;
    }
}
