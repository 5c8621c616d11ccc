package org.factspan.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expression resolver on its own: weekdays around the publication, parts of days, zones, relative words. */
class TimeExpressionsTest {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /** Published on Thursday 6 January 2022 (a whole day, Almaty time). */
    static ReferenceTime thursday() {
        LocalDate d = LocalDate.of(2022, 1, 6);
        return new ReferenceTime(d.atStartOfDay(ALMATY).toInstant(), d.plusDays(1).atStartOfDay(ALMATY).toInstant(),
                ALMATY, "January 06, 2022", ReferenceTime.Basis.PUBLICATION);
    }

    static ReferenceTime of(String sentence) {
        return TimeExpressions.referenceTime(sentence, 0, sentence.length(), thursday(), ALMATY);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Police said eight were killed on Wednesday.                      | 2022-01-05
            Police said eight were killed on Thursday.                       | 2022-01-06
            Police said eight were killed on Monday.                         | 2022-01-03
            Police said eight were killed last Thursday.                     | 2021-12-30
            The parliament will meet on Friday.                              | 2022-01-07
            The parliament meets next Monday.                                | 2022-01-10
            As of midday Thursday, 13 were killed.                           | 2022-01-06T12:00
            The cabinet resigned early on Wednesday.                         | 2022-01-05T00:00/2022-01-05T09:00
            He spoke early Thursday.                                         | 2022-01-06T00:00/2022-01-06T09:00
            The government late on Wednesday extended the emergency.         | 2022-01-05T18:00/2022-01-06T00:00
            Protesters gathered on Wednesday night.                          | 2022-01-05T18:00/2022-01-06T06:00
            They stormed the office on Wednesday afternoon.                  | 2022-01-05T12:00/2022-01-05T18:00
            He resigned on Wednesday morning.                                | 2022-01-05T06:00/2022-01-05T12:00
            Yesterday the president spoke.                                   | 2022-01-05
            Yesterday evening the president spoke.                           | 2022-01-05T18:00/2022-01-06T00:00
            Troops arrived today.                                            | 2022-01-06
            He appealed overnight to the alliance.                           | 2022-01-05T18:00/2022-01-06T06:00
            After a night of unrest, crowds stormed it on Wednesday afternoon. | 2022-01-04T18:00/2022-01-05T06:00
            Protests spread this week.                                       | 2022-01-03/2022-01-10
            The protests erupted three days ago.                             | 2022-01-03
            It happened on January 5.                                        | 2022-01-05
            It happened on Jan. 4.                                           | 2022-01-04
            It happened on 4 January 2022.                                   | 2022-01-04
            It was quoted on January 6th.                                    | 2022-01-06
            A 2011 crackdown killed at least 16 workers.                     | 2011
            On Wednesday, Jan. 5, protesters stormed the residence.          | 2022-01-05
            the evening of Tuesday 4 January 2022                            | 2022-01-04T18:00/2022-01-05T00:00
            """)
    void placesTheWordsRelativeToThePublication(String sentence, String expected) {
        assertThat(of(sentence).canonical()).isEqualTo(expected);
    }

    @Test
    void aWeekdayIsTheLastOneBeforeThePublicationUnlessTheSentenceSpeaksOfTheFuture() {
        assertThat(of("Talks were held on Friday.").canonical()).as("the Friday before").isEqualTo("2021-12-31");
        assertThat(of("Talks will be held on Friday.").canonical()).as("the Friday after").isEqualTo("2022-01-07");
        assertThat(of("Talks are held on Thursday.").canonical()).as("the day itself").isEqualTo("2022-01-06");
    }

    @Test
    void almatyIsSixHoursAheadOfUtc() {
        ReferenceTime midday = of("As of midday Thursday, 13 were killed.");
        assertThat(midday.from()).isEqualTo(Instant.parse("2022-01-06T06:00:00Z"));
        assertThat(midday.describe()).isEqualTo("6 Jan 2022, 12:00 (UTC+6)");
        // the same words in an article whose times are UTC
        LocalDate d = LocalDate.of(2022, 1, 6);
        ReferenceTime utc = new ReferenceTime(d.atStartOfDay(ZoneOffset.UTC).toInstant(),
                d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC, "x",
                ReferenceTime.Basis.PUBLICATION);
        String s = "As of midday Thursday, 13 were killed.";
        ReferenceTime london = TimeExpressions.referenceTime(s, 0, s.length(), utc, ZoneOffset.UTC);
        assertThat(london.from()).isEqualTo(Instant.parse("2022-01-06T12:00:00Z"));
        assertThat(midday.before(london)).isTrue();
        // a publication at 00:30 Almaty time is still the day before in UTC: the weekday follows the zone
        ReferenceTime lateNight = new ReferenceTime(Instant.parse("2022-01-05T18:30:00Z"),
                Instant.parse("2022-01-05T18:31:00Z"), ALMATY, "00:30", ReferenceTime.Basis.PUBLICATION);
        String y = "Yesterday eight were killed.";
        assertThat(TimeExpressions.referenceTime(y, 0, y.length(), lateNight, ALMATY).canonical())
                .isEqualTo("2022-01-05");
        assertThat(TimeExpressions.referenceTime(y, 0, y.length(), lateNight, ZoneOffset.UTC).canonical())
                .isEqualTo("2022-01-04");
    }

    @Test
    void withoutWordsTheClaimIsAsOfThePublicationAndWithoutThatItIsUnknown() {
        ReferenceTime p = of("Officials said 317 were wounded.");
        assertThat(p.basis()).isEqualTo(ReferenceTime.Basis.PUBLICATION);
        assertThat(p.canonical()).isEqualTo("2022-01-06");
        String s = "Officials said 317 were wounded on Wednesday.";
        ReferenceTime unknown = TimeExpressions.referenceTime(s, 0, s.length(), null, ALMATY);
        assertThat(unknown.known()).isFalse();
        assertThat(unknown.expression()).as("the words that could not be placed").isEqualTo("on Wednesday");
        String absolute = "Officials said 317 were wounded on 5 January 2022.";
        assertThat(TimeExpressions.referenceTime(absolute, 0, absolute.length(), null, ALMATY).canonical())
                .as("a date with its year needs no publication").isEqualTo("2022-01-05");
    }

    @Test
    void boundsOfDurationsAndTheTimeOfWritingAreNotTheClaimsTime() {
        assertThat(of("Nazarbayev, who is 81, had ruled since 1989.").basis())
                .isEqualTo(ReferenceTime.Basis.PUBLICATION);
        assertThat(of("The state of emergency is in effect until January 19.").basis())
                .isEqualTo(ReferenceTime.Basis.PUBLICATION);
        assertThat(of("So far, 317 have been injured; the country is currently in chaos now.").basis())
                .isEqualTo(ReferenceTime.Basis.PUBLICATION);
        assertThat(of("It imposes an overnight curfew.").basis()).isEqualTo(ReferenceTime.Basis.PUBLICATION);
    }

    @Test
    void theNearestWordsOfTheClauseWin() {
        String s = "After a night of unrest that saw more than 200 people detained, several thousand protesters"
                + " stormed the mayor's office on Wednesday afternoon.";
        int detained = s.indexOf("more than 200");
        int stormed = s.indexOf("several thousand");
        assertThat(TimeExpressions.referenceTime(s, detained, detained + 13, thursday(), ALMATY).expression())
                .isEqualTo("a night of unrest");
        assertThat(TimeExpressions.referenceTime(s, stormed, stormed + 16, thursday(), ALMATY).expression())
                .isEqualTo("on Wednesday afternoon");
        String p = "Addressing the nation on Wednesday, he spoke.\nOfficials said 13 were killed.";
        int at = p.indexOf("13");
        assertThat(TimeExpressions.referenceTime(p, at, at + 2, thursday(), ALMATY).basis())
                .as("another paragraph's words do not count").isEqualTo(ReferenceTime.Basis.PUBLICATION);
    }

    @Test
    void whatACuratorTypesIsReadAsIsoOrAsWords() {
        ReferenceTime anchor = thursday();
        assertThat(TimeExpressions.parse("2022-01-06 12:00", anchor, ALMATY).from())
                .isEqualTo(Instant.parse("2022-01-06T06:00:00Z"));
        assertThat(TimeExpressions.parse("2022-01-06T12:00+05:00", anchor, ALMATY).from())
                .isEqualTo(Instant.parse("2022-01-06T07:00:00Z"));
        assertThat(TimeExpressions.parse("2022-01-05/2022-01-07", anchor, ALMATY).canonical())
                .isEqualTo("2022-01-05/2022-01-07");
        assertThat(TimeExpressions.parse("as of midday Wednesday", anchor, ALMATY).canonical())
                .isEqualTo("2022-01-05T12:00");
        assertThat(TimeExpressions.parse("as of midday Wednesday", anchor, ALMATY).basis())
                .isEqualTo(ReferenceTime.Basis.CURATOR);
        assertThat(TimeExpressions.parse("whenever", anchor, ALMATY)).isNull();
        assertThat(TimeExpressions.parse("on Wednesday", null, ALMATY)).as("no anchor").isNull();
        assertThat(TimeExpressions.parse("2022-02-30", anchor, ALMATY)).isNull();
        assertThat(TimeExpressions.parse("2022-01-07/2022-01-05", anchor, ALMATY)).isNull();
    }

    @Test
    void overlapAndOrder() {
        ReferenceTime wednesday = of("on Wednesday");
        ReferenceTime night = of("on Wednesday night");
        ReferenceTime midday = of("As of midday Thursday");
        assertThat(wednesday.overlaps(night)).isTrue();
        assertThat(wednesday.before(midday)).isTrue();
        assertThat(night.overlaps(midday)).isFalse();
        assertThat(night.before(midday)).isTrue();
        assertThat(midday.before(night)).isFalse();
        assertThat(ReferenceTime.unknown(ALMATY, null).overlaps(midday)).isFalse();
    }
}
