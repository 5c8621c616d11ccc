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

    @Test
    void readsThePublicationTimeFromALineNearTheTopOnly() {
        assertThat(MetadataExtractor.published("Title of it\n\nPublished: 06:31 PM, 6 Jan, 2022\nBody."))
                .hasValueSatisfying(p -> {
                    assertThat(p.value()).isEqualTo("2022-01-06T18:31");
                    assertThat(p.words()).isEqualTo("Published: 06:31 PM, 6 Jan, 2022");
                });
        assertThat(MetadataExtractor.published("\n\nHeadline here\n\nJanuary 06, 2022\n\nText"))
                .map(MetadataExtractor.Published::value).contains("2022-01-06");
        assertThat(MetadataExtractor.published("Posted on: 5 January 2022 14:05\n")).map(MetadataExtractor.Published::value)
                .contains("2022-01-05T14:05");
        assertThat(MetadataExtractor.published("Headline\nThe strike of January 5, 2022 was long.\n"))
                .as("a date inside a sentence is not a publication line").isEmpty();
        assertThat(MetadataExtractor.published("line\n".repeat(20) + "January 06, 2022\n")).as("too far down")
                .isEmpty();
        assertThat(MetadataExtractor.published("Published: 13:70 PM, 6 Jan, 2022\n")).isEmpty();
        assertThat(MetadataExtractor.published("Published: February 30, 2022\n")).isEmpty();
    }

    @Test
    void metadataWinsOverTheTextAndBadEntriesAreRefused() {
        PublicationTime p = PublicationTime.read("Published: January 5, 2022\n", Map.of("published",
                "2022-01-06 18:31", "timezone", "Asia/Karachi"));
        assertThat(p).isEqualTo(new PublicationTime("2022-01-06T18:31", "2022-01-06 18:31", "metadata",
                "Asia/Karachi"));
        assertThat(p.from()).isEqualTo(java.time.Instant.parse("2022-01-06T13:31:00Z"));
        assertThat(PublicationTime.read("no date\n", Map.of())).isEqualTo(PublicationTime.none(null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PublicationTime.read("x", Map.of("published",
                "yesterday"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2022-01-05");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PublicationTime.read("x", Map.of("timezone",
                "Nowhere/Else"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time zone");
        assertThat(PublicationTime.normalize("2022-01-06T18:31:20Z")).isEqualTo("2022-01-06T18:31+00:00");
        assertThat(new PublicationTime("2022-01-06T18:31+05:00", null, "curator", "Asia/Almaty").describe())
                .isEqualTo("6 Jan 2022, 18:31 (UTC+05:00)");
    }
}
