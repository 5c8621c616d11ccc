package org.factspan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.factspan.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The export dialog in Chromium: carol exports brat for all annotators and the browser downloads the zip. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true")
class ExportInBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.factspan.security.UserService users;
    @org.springframework.beans.factory.annotation.Autowired
    org.factspan.security.ApiTokenService tokens;

    /** A zip's entries as text, the dataset card without its "exported at" row. */
    static java.util.Map<String, String> entries(byte[] zip) throws Exception {
        java.util.Map<String, String> entries = new java.util.TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                entries.put(e.getName(), e.getName().equals("README.md") ? text.replaceAll("(?m)^.*exported at.*$", "")
                        : text);
            }
        }
        return entries;
    }

    @LocalServerPort
    int port;

    @Test
    void carolExportsAndTheBrowserDownloadsTheFile() throws Exception {
        String base = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000)
                .setAcceptDownloads(true))) {
            Page page = context.newPage();
            BrowserSupport.login(page, base, "carol", TestUsers.DEMO_PASSWORD);
            page.navigate(base + "/projects/" + TestUsers.SEED_PROJECT + "/export");
            page.locator("#export-format").click();
            page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION, new Page.GetByRoleOptions().setName("brat")).click();
            page.locator("#export-set").click();
            page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION, new Page.GetByRoleOptions().setName("all annotators")).click();
            Download download = page.waitForDownload(() -> page.locator("#export-start").click());
            assertThat(download.suggestedFilename()).startsWith(TestUsers.SEED_PROJECT + "-all-").endsWith(".zip");
            List<String> names = new ArrayList<>();
            String card = null;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(download.path()))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    names.add(e.getName());
                    if (e.getName().equals("README.md")) {
                        card = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
            assertThat(names).contains("annotation.conf", "README.md");
            // the same export over the REST API, with a password and with a token: the same files, byte for byte
            // (the dataset card alone differs, in its "exported at" row)
            var carol = users.findActor("carol").orElseThrow();
            String token = tokens.create(carol, "browser comparison").token();
            var api = new org.factspan.ApiClient(port);
            String path = "/api/v1/projects/" + TestUsers.SEED_PROJECT + "/export?format=brat&set=all";
            java.util.Map<String, String> inBrowser = entries(Files.readAllBytes(download.path()));
            for (String authorization : List.of(org.factspan.ApiClient.basic("carol"),
                    org.factspan.ApiClient.bearer(token))) {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                        .header("Authorization", authorization).build();
                byte[] body = java.net.http.HttpClient.newHttpClient().send(request,
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
                assertThat(entries(body)).isEqualTo(inBrowser);
            }
            assertThat(card).contains("## Agreement between annotators");
            assertThat(page.locator("#export-status")).containsText("Exported 5 documents");
            assertThat(page.locator("#export-download")).containsText("Download " + TestUsers.SEED_PROJECT);
            BrowserSupport.screenshot(page, "export");
        }
    }
}
