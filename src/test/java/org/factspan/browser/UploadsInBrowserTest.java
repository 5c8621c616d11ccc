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
import org.factspan.TestUsers;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class UploadsInBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    ProjectSetupService setup;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;

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
        FreshProject p = new FreshProject("uploads", setup, corpus, users);
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
                assertThat(rest.status()).as(file.name).isEqualTo(400);

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
