package org.factspan.curation.ui;

import com.vaadin.flow.component.Component;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The curation views' style sheet ({@code curation.css} next to this class), put into the page's head once when a
 * curation view is attached: the UI's security configuration serves only the app's own {@code styles.css} as a
 * static file, and these styles belong to this feature.
 */
final class CurationStyles {

    private static final String CSS = load();

    private CurationStyles() {
    }

    static void attachTo(Component view) {
        view.addAttachListener(e -> view.getElement().executeJs("""
                if (!document.getElementById('fs-curation-style')) {
                  const style = document.createElement('style');
                  style.id = 'fs-curation-style';
                  style.textContent = $0;
                  document.head.appendChild(style);
                }""", CSS));
    }

    private static String load() {
        try (InputStream in = CurationStyles.class.getResourceAsStream("curation.css")) {
            if (in == null) {
                throw new IllegalStateException("curation.css is missing next to " + CurationStyles.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
