package org.factspan.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void rendersCommonMark() {
        assertThat(Markdown.toHtml("# Rules\n\nLabel **claims**.\n\n- one\n- two"))
                .isEqualTo("<div class=\"fs-markdown\"><h1>Rules</h1>\n<p>Label <strong>claims</strong>.</p>\n"
                        + "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n</div>");
    }

    @Test
    void escapesRawHtmlAndUnsafeLinks() {
        String html = Markdown.toHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[click](javascript:alert(3)) [ok](https://example.org/a?b=1)");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("javascript:");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("<a rel=\"noopener noreferrer nofollow\" href=\"https://example.org/a?b=1\""
                + " target=\"_blank\">ok</a>");
        assertThat(html).contains("href=\"\" target=\"_blank\">click</a>");
    }

    @Test
    void emptyGuidelinesGiveAnEmptyBlock() {
        assertThat(Markdown.toHtml(null)).isEqualTo("<div class=\"fs-markdown\"></div>");
    }
}
