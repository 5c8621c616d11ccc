package org.factspan.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * Base of the real-browser tests: one Debian Chromium per test class, started through {@link BrowserSupport} (no
 * download, no outside network, a fresh profile) and closed after the class.
 */
@Tag("browser")
abstract class BrowserTest {

    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        // auto-waiting assertions wait up to 15 s (Playwright's 5 s is short on a loaded 2-core machine)
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}
