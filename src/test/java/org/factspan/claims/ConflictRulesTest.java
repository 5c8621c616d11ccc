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

    @Test
    void casualtyFiguresOfTheOutletsConflictWhereTheyCannotBothBeTrue() {
        var afp = member(1, 10, "at least eight police officers and military servicemen were killed in the unrest");
        var rfe = member(2, 11, "eight police and national guard troops were killed and 317 people were wounded");
        var news24 = member(3, 12, "more than 350 security officers had been wounded and 13 killed");
        var voi = member(4, 13, "at least eight police officers and soldiers were killed in the riots");
        var conflicts = rules.conflicts(List.of(afp, rfe, news24, voi));
        assertThat(conflicts).extracting(c -> c.a() + "-" + c.b() + ":" + c.kind())
                .containsExactlyInAnyOrder("2-3:NUMERIC");
        // 8 killed against 13 killed (and 317 wounded against more than 350 wounded: both are said)
        assertThat(conflicts.get(0).detail()).contains("eight", "13", "killed");
        assertThat(rules.numericConflict(afp, news24)).as("at least eight and 13 can both be true").isNull();
    }

    @Test
    void woundedFiguresConflict() {
        var rfe = member(1, 10, "317 people were wounded during the unrest");
        var news24 = member(2, 11, "Officials said more than 1,000 people had been wounded in the unrest");
        var vt = member(3, 12, "317 have been injured so far due to the unrest");
        assertThat(rules.conflicts(List.of(rfe, news24, vt))).extracting(c -> c.a() + "-" + c.b())
                .containsExactly("1-2", "2-3");
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
        assertThat(conflicts).extracting(c -> c.a() + "-" + c.b() + ":" + c.kind())
                .containsExactlyInAnyOrder("1-2:ATTRIBUTION", "1-3:ATTRIBUTION");
        assertThat(conflicts.get(0).detail()).contains("Interior Ministry", "Kazakh media");
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
