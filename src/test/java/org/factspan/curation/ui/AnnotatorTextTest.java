package org.factspan.curation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factspan.base.CodePoints;
import org.factspan.curation.DocumentCuration.ReviewSpan;
import org.factspan.curation.ReviewStatus;
import org.junit.jupiter.api.Test;

/** The annotators' read-only texts in the curation view. */
class AnnotatorTextTest {

    /** A run of blank lines (as the seed texts have under their titles) shows as one blank line, not several. */
    @Test
    void runsOfBlankLinesShowAsOne() {
        String text = "\n\nTitle\n\n\n\nBy AFP\r\n\r\n\r\nBody said.\n";
        ReviewSpan said = new ReviewSpan(7, "bob", text.indexOf("said"), text.indexOf("said") + 4, "ATTRIBUTION",
                "said", Map.of(), ReviewStatus.AGREE, 0);
        String html = AnnotatorText.render(CodePoints.of(text), List.of(said), Map.of(), Set.of(), Map.of());
        assertThat(html).doesNotContain("\n\n\n").doesNotContain("\r\n\r\n\r\n").contains("Title\n\nBy AFP")
                .contains("By AFP\n\nBody");
        // offsets stay those of the text: the mark after the collapsed runs starts where the text says
        assertThat(html).contains("data-start=\"" + text.indexOf("said") + "\"");
    }
}
