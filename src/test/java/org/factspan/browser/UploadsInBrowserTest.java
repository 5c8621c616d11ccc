package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import org.factspan.ApiClient;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.corpus.CorpusService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile uploads through the browser's Upload are refused exactly as through {@code POST .../documents}: the same
 * message for a zip slip, a zip bomb, a zip inside a zip and a file whose content contradicts its name, and nothing
 * is stored.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class UploadsInBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;
    @Autowired
    org.factspan.annotation.AnnotationService annotations;

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
    void theBrowserUploadRefusesWhatTheRestImportRefuses() throws Exception {
        FreshProject p = data.fresh("uploads");
        int documents = corpus.listDocuments(p.curator, p.slug).size();
        List<FilePayload> hostile = List.of(
                new FilePayload("slip.zip", "application/zip", Zips.zip("ok.txt", "A fine text.", "../../x.txt",
                        "An evil text.")),
                new FilePayload("bomb.zip", "application/zip", Zips.bomb(60)),
                new FilePayload("nested.zip", "application/zip", Zips.zip("inner.zip",
                        Zips.zip("a.txt", "A nested text."))),
                new FilePayload("disguised.txt", "text/plain", Zips.zip("a.txt", "A zip named as text.")));
        ApiClient api = new ApiClient(port);
        String base = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base, p.curator.username(), TestUsers.DEMO_PASSWORD);
            page.navigate(base + "/projects/" + p.slug + "/import");
            for (FilePayload file : hostile) {
                ApiClient.Reply rest = api.multipart("/api/v1/projects/" + p.slug + "/documents",
                        ApiClient.basic(p.curator.username(), TestUsers.DEMO_PASSWORD), "file", List.of(file.name),
                        List.of(file.buffer));
                assertThat(rest.status()).as(file.name).isEqualTo(file.name.equals("bomb.zip") ? 413 : 400);

                page.locator("vaadin-upload input[type=file]").setInputFiles(file);
                assertThat(page.locator("#import")).hasText("Import 1 file");
                page.locator("#import").click();
                assertThat(page.locator("#import-error")).hasText("Nothing was imported. " + rest.message());
                if (file.name.equals("bomb.zip")) {
                    BrowserSupport.screenshot(page, "upload-refused");
                }
                page.locator("#clear").click();
                assertThat(page.locator("#import")).hasText("Import 0 files");
            }
        }
        assertThat(corpus.listDocuments(p.curator, p.slug)).hasSize(documents);
    }

    /**
     * The twin: the export dialog's upload of annotations refuses a zip bomb, 2,001 entries, a zip in the zip and
     * invalid UTF-8 with the message {@code POST .../annotations} answers, a hand-made request past the file limit gets
     * 413 from the upload handler, and nothing is stored.
     */
    @Test
    void theAnnotationUploadRefusesWhatTheRestAnnotationImportRefuses() throws Exception {
        FreshProject p = data.fresh("annuploads");
        String user = p.annotator.username();
        record Hostile(String format, FilePayload file, int status) {
        }
        List<Hostile> hostile = List.of(
                new Hostile("brat", new FilePayload("bomb.zip", "application/zip",
                        org.factspan.ingest.Zips.bomb(256)), 413),
                new Hostile("brat", new FilePayload("many.zip", "application/zip",
                        org.factspan.ingest.Zips.many(2001)), 413),
                new Hostile("brat", new FilePayload("nested.zip", "application/zip", Zips.zip("a.txt", "A text.",
                        "a.ann", "", "inner.zip", Zips.zip("b.txt", "x"))), 400),
                new Hostile("jsonl", new FilePayload("bad.jsonl", "application/jsonl",
                        new byte[] {'{', '"', 'i', 'd', '"', ':', (byte) 0xFF, '}'}), 400));
        ApiClient api = new ApiClient(port);
        String base = "http://localhost:" + port;
        int spans = spans(p);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base, user, TestUsers.DEMO_PASSWORD);
            page.navigate(base + "/projects/" + p.slug + "/export");
            for (Hostile h : hostile) {
                ApiClient.Reply rest = api.send("POST", "/api/v1/projects/" + p.slug + "/annotations?format="
                        + h.format(), ApiClient.basic(user, TestUsers.DEMO_PASSWORD), "application/octet-stream",
                        h.file().buffer);
                assertThat(rest.status()).as(h.file().name).isEqualTo(h.status());

                page.locator("#import-format").click();
                page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION, new Page.GetByRoleOptions()
                        .setName(h.format()).setExact(true)).click();
                page.locator("#import-upload input[type=file]").setInputFiles(h.file());
                assertThat(page.locator("#export-status")).hasText("Nothing imported. " + rest.message());
                if (h.file().name.equals("bomb.zip")) {
                    BrowserSupport.screenshot(page, "annotation-upload-refused");
                }
            }
            // past the file limit, sent by hand as the browser's upload sends a file (the component's own limit is
            // checked in the browser only)
            Object answer = page.evaluate("""
                    async () => {
                      const target = document.querySelector('#import-upload').target;
                      const r = await fetch(target, {method: 'POST', body: new Uint8Array(50000001),
                          headers: {'Content-Type': 'application/octet-stream', 'X-Filename': 'big.jsonl'}});
                      return r.status + ' ' + (await r.text());
                    }""");
            assertThat((String) answer).startsWith("413 ")
                    .contains("big.jsonl: is larger than 50000000 bytes; nothing was imported");
        }
        assertThat(spans(p)).isEqualTo(spans);
    }

    int spans(FreshProject p) {
        return p.documents.values().stream().mapToInt(d -> annotations.listMySpans(p.annotator, p.slug, d).size())
                .sum();
    }

    /** Zip archives made in memory. */
    static final class Zips {

        static byte[] zip(Object... namesAndContents) {
            var out = new java.io.ByteArrayOutputStream();
            try (var zip = new java.util.zip.ZipOutputStream(out)) {
                for (int i = 0; i < namesAndContents.length; i += 2) {
                    zip.putNextEntry(new java.util.zip.ZipEntry((String) namesAndContents[i]));
                    Object content = namesAndContents[i + 1];
                    zip.write(content instanceof byte[] b ? b : ((String) content)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        /** A zip of a few dozen KB that unpacks to {@code megabytes} MB of one letter. */
        static byte[] bomb(int megabytes) {
            var out = new java.io.ByteArrayOutputStream();
            try (var zip = new java.util.zip.ZipOutputStream(out)) {
                zip.setLevel(9);
                zip.putNextEntry(new java.util.zip.ZipEntry("bomb.txt"));
                byte[] block = new byte[1 << 20];
                java.util.Arrays.fill(block, (byte) 'a');
                for (int i = 0; i < megabytes; i++) {
                    zip.write(block);
                }
                zip.closeEntry();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
