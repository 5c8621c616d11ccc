package org.factspan.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataExtractorTest {

    @Test
    void readsHeadlineDateUrlAndBylineFromAnArticle() {
        String text = "\n\nRussia-led Alliance to Send Forces\n\nBy [Jane Roe and John Doe for AFP](#)\n\n"
                + "January 06, 2022\n\nBody text.\n<https://example.org/2022/01/06/story-a1>\n";
        Map<String, String> meta = MetadataExtractor.extract(text);
        assertThat(meta).containsEntry("title", "Russia-led Alliance to Send Forces")
                .containsEntry("date", "2022-01-06")
                .containsEntry("url", "https://example.org/2022/01/06/story-a1")
                .containsEntry("byline", "Jane Roe and John Doe for AFP");
    }

    @Test
    void skipsSiteFurnitureBeforeTheHeadline() {
        String text = "Accessibility links\n\nBreaking News\n\nBloc To Send Forces, PM Says\n\nALMATY -- Text on January 5.";
        Map<String, String> meta = MetadataExtractor.extract(text);
        assertThat(meta).containsEntry("title", "Bloc To Send Forces, PM Says").containsEntry("dateline", "ALMATY")
                .doesNotContainKeys("date", "url", "byline");
    }

    @Test
    void readsDayMonthYearDates() {
        assertThat(MetadataExtractor.date("Published: 06:31 PM, 6 Jan, 2022")).contains("2022-01-06");
        assertThat(MetadataExtractor.date("Published: January 5, 2022")).contains("2022-01-05");
        assertThat(MetadataExtractor.date("no date here")).isEmpty();
    }
}
