package org.factspan.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Starts Debian's Chromium through Playwright so that it never reaches out of the machine: no
 * browser download, no background networking, every host but localhost unresolvable, and a fresh
 * profile per launch.
 */
public final class BrowserSupport {

    static final String CHROMIUM = System.getenv().getOrDefault("FACTSPAN_CHROMIUM", "/usr/bin/chromium");

    private BrowserSupport() {
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            throw new IllegalStateException("Chromium not found at " + CHROMIUM
                    + ": install Debian's chromium package (.ci/run does) or set FACTSPAN_CHROMIUM");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost")));
    }

    public static void login(Page page, String baseUrl, String user, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("vaadin-login-form input[name='username']").fill(user);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        page.locator("vaadin-login-form input[name='password']").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }

    public static void screenshot(Page page, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            // finite animations (a dialog closing, a notification) are run to their end first: no sleep before
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(false)
                    .setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
