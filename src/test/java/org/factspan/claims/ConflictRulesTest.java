package org.factspan.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The conflict rules on the casualty claims and attributions of the seed articles. */
class ConflictRulesTest {

    final QuantityExtractor extractor = new QuantityExtractor();
    final ConflictRules rules = new ConflictRules();

    ConflictRules.Member member(long id, long doc, String claim, String... sources) {
        return new ConflictRules.Member(id, doc, extractor.extract(claim), List.of(sources));
    }

    static final java.time.ZoneId ALMATY = java.time.ZoneId.of("Asia/Almaty");

    /** A moment or a day in Almaty time ("2022-01-06T12:00", "2022-01-05"), or null for an unknown time. */
    static ReferenceTime at(String local) {
        if (local == null) {
            return ReferenceTime.unknown(ALMATY, null);
        }
        return TimeExpressions.iso(local, ALMATY, local);
    }

    ConflictRules.Member timed(long id, long doc, String who, String when, String claim, String... sources) {
        return new ConflictRules.Member(id, doc, extractor.extract(claim), List.of(sources), at(when), who);
    }

    @Test
    void eachKindOfDifferenceBetweenTwoCounts() {
        var vt = timed(1, 10, "Vision Times", "2022-01-05", "eight police and national guard troops have died");
        var news24 = timed(2, 11, "24 News HD", "2022-01-06T12:00", "13 killed, including two who had their heads cut off");
        var rfe = timed(3, 12, "RFE/RL", null, "eight police and national guard troops were killed");
        var sameDay = timed(4, 13, "Other", "2022-01-06", "11 police officers were killed");
        var later = timed(5, 14, "Later", "2022-01-07", "nine police officers were killed");
        var atLeast = timed(6, 15, "The Moscow Times", "2022-01-06", "at least eight police officers were killed");

        assertThat(rules.numbers(news24, vt).kind()).as("8 on the 5th, 13 at midday on the 6th")
                .isEqualTo(ConflictRules.Kind.UPDATE);
        assertThat(rules.numbers(vt, news24).kind()).as("the order of the members does not matter")
                .isEqualTo(ConflictRules.Kind.UPDATE);
        assertThat(rules.numbers(news24, vt).detail()).contains("24 News HD's “13” killed", "Vision Times' “eight”",
                "is later than", "grew");
        assertThat(rules.numbers(rfe, news24).kind()).isEqualTo(ConflictRules.Kind.UNKNOWN_TIME);
        assertThat(rules.numbers(rfe, news24).detail()).contains("RFE/RL's time is unknown");
        assertThat(rules.numbers(news24, sameDay).kind()).as("midday lies inside the 6th: overlapping times")
                .isEqualTo(ConflictRules.Kind.CONTRADICTION);
        assertThat(rules.numbers(later, news24).kind()).as("13 on the 6th, then 9 on the 7th")
                .isEqualTo(ConflictRules.Kind.REVISION_DOWN);
        assertThat(rules.numbers(later, news24).detail()).contains("cannot shrink");
        assertThat(rules.numbers(atLeast, news24)).as("at least eight and 13 can both be true").isNull();
        assertThat(rules.numbers(rfe, vt)).as("eight and eight").isNull();
        // the cluster's findings: one per pair that differs
        assertThat(rules.conflicts(List.of(vt, news24, rfe, atLeast))).extracting(c -> c.a() + "-" + c.b() + ":"
                + c.kind().id()).containsExactly("1-2:update", "2-3:unknown-time");
    }

    @Test
    void aCountThatIsNotCumulativeMayGoDownWithoutARevision() {
        var before = timed(1, 10, "A", "2022-01-05", "nearly 400 hospitalised");
        var after = timed(2, 11, "B", "2022-01-06", "200 hospitalised");
        assertThat(rules.numbers(after, before).kind()).isEqualTo(ConflictRules.Kind.UPDATE);
        assertThat(ConflictRules.CUMULATIVE).containsExactlyInAnyOrder("killed", "wounded", "detained");
    }

    @Test
    void theMostSeriousFindingOfAPairWins() {
        var a = timed(1, 10, "A", "2022-01-05", "eight were killed and 300 were wounded");
        var b = timed(2, 11, "B", "2022-01-06", "13 were killed and 200 were wounded");
        assertThat(rules.numbers(a, b).kind()).as("killed grew, wounded shrank")
                .isEqualTo(ConflictRules.Kind.REVISION_DOWN);
    }

    @Test
    void stancesFollowTheKinds() {
        var vt = timed(1, 10, "VT", "2022-01-05", "eight police were killed");
        var news24 = timed(2, 11, "24", "2022-01-06T12:00", "13 killed");
        var rfe = timed(3, 12, "RFE", null, "eight police were killed");
        assertThat(rules.suggestStance(news24, List.of(vt))).as("an update refines").isEqualTo(Stance.REFINES);
        assertThat(rules.suggestStance(news24, List.of(rfe))).as("unknown time: to be reviewed")
                .isEqualTo(Stance.CONFLICTS);
    }

    @Test
    void woundedFiguresOfUnknownTimeCannotBeTold() {
        var rfe = member(1, 10, "317 people were wounded during the unrest");
        var news24 = member(2, 11, "Officials said more than 1,000 people had been wounded in the unrest");
        var vt = member(3, 12, "317 have been injured so far due to the unrest");
        assertThat(rules.conflicts(List.of(rfe, news24, vt))).extracting(c -> c.a() + "-" + c.b() + ":" + c.kind())
                .containsExactly("1-2:UNKNOWN_TIME", "2-3:UNKNOWN_TIME");
    }

    @Test
    void vagueCountsAndPartsAreComparedAsIntervals() {
        var dozens = member(1, 10, "police said dozens were killed trying to storm government buildings");
        var eight = member(2, 11, "eight police were killed");
        var thirty = member(3, 12, "some 30 people were killed");
        var part = member(4, 13, "13 killed, including two who had their heads cut off");
        assertThat(rules.numericConflict(dozens, eight)).isNotNull();
        assertThat(rules.numericConflict(dozens, thirty)).isNull();
        assertThat(rules.numericConflict(eight, part)).as("13 against eight, not two against eight").contains("13");
        // different events are not compared
        assertThat(rules.numericConflict(member(5, 14, "317 people were wounded"), eight)).isNull();
        // a single unlabelled number each
        assertThat(rules.numericConflict(member(6, 15, "the alliance sent 2,000 troops"),
                member(7, 16, "the alliance sent 2,500 troops"))).isNotNull();
    }

    @Test
    void theSameStatementAttributedToDifferentSourcesConflicts() {
        var ministry = member(1, 10, "eight police were killed", "the Interior Ministry");
        var media = member(2, 11, "at least eight police officers were killed", "Kazakh media");
        var local = member(3, 12, "at least eight police officers were killed", "local media");
        var unsourced = member(4, 13, "eight police were killed");
        var conflicts = rules.conflicts(List.of(ministry, media, local, unsourced));
        // one line for the cluster, naming every source, not one line per pair
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConflictRules.Kind.ATTRIBUTION);
            assertThat(c.members()).containsExactly(1L, 2L, 3L);
            assertThat(c.detail()).as("Kazakh media and local media are one source: media")
                    .isEqualTo("attributed to 2 different sources: “the Interior Ministry” (member 1); “Kazakh media”"
                            + " (member 2, member 3)");
        });
        var named = List.of(timed(1, 10, "RFE/RL", null, "eight killed", "the Interior Ministry"),
                timed(2, 11, "The Moscow Times", null, "at least eight killed", "Kazakh media"),
                timed(3, 12, "VOI", null, "at least eight killed", "Kazakh media"));
        assertThat(rules.conflicts(named)).singleElement().extracting(ConflictRules.Conflict::detail)
                .isEqualTo("attributed to 2 different sources: “the Interior Ministry” (RFE/RL); “Kazakh media”"
                        + " (The Moscow Times, VOI)");
    }

    @Test
    void namesMatchAcrossSpellingsAndTitles() {
        assertThat(ConflictRules.sameSource("Toqaev", "President Kassym-Jomart Tokayev")).isTrue();
        assertThat(ConflictRules.sameSource("Kassym-Jomart Toyakev", "Tokayev")).isTrue();
        assertThat(ConflictRules.sameSource("Armenian Prime Minister Nikol Pashinian", "Pashinyan")).isTrue();
        assertThat(ConflictRules.sameSource("the Interior Ministry", "police")).isFalse();
        assertThat(ConflictRules.sameSource("the president", "President")).isTrue();
        assertThat(ConflictRules.sameSource("the Kremlin", "Dmitri Peskov")).isFalse();
        assertThat(ConflictRules.editDistance("tokayev", "toqaev")).isEqualTo(2);
    }

    @Test
    void stancesAreSuggestedFromNumbersAndSources() {
        var eight = member(1, 10, "eight police were killed", "Interior Ministry");
        var atLeast = member(2, 11, "at least eight police officers were killed");
        var thirteen = member(3, 12, "13 security officers were killed");
        var more = member(4, 13, "eight police were killed and 317 people were wounded");
        assertThat(rules.suggestStance(atLeast, List.of(eight))).isEqualTo(Stance.AGREES);
        assertThat(rules.suggestStance(thirteen, List.of(eight, atLeast))).isEqualTo(Stance.CONFLICTS);
        assertThat(rules.suggestStance(eight, List.of(atLeast))).as("8 is narrower than at least 8")
                .isEqualTo(Stance.REFINES);
        assertThat(rules.suggestStance(more, List.of(atLeast))).as("adds the wounded").isEqualTo(Stance.REFINES);
        assertThat(rules.suggestStance(atLeast, List.of())).isEqualTo(Stance.AGREES);
    }
}
