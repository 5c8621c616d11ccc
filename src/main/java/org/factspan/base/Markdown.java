package org.factspan.base;

import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown (CommonMark) to HTML that is safe to put into the page: raw HTML in the source is escaped, not passed
 * through; link and image URLs are sanitized (only http, https and mailto; {@code javascript:} and the like become
 * empty); links open in a new tab without access to this one.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("target", "_blank");
                    attributes.put("rel", "noopener noreferrer nofollow");
                }
            })
            .build();

    private Markdown() {
    }

    /** The HTML of a Markdown text, wrapped in one {@code <div class="fs-markdown">}; empty text gives an empty div. */
    public static String toHtml(String markdown) {
        String body = markdown == null ? "" : RENDERER.render(PARSER.parse(markdown));
        return "<div class=\"fs-markdown\">" + body + "</div>";
    }
}
