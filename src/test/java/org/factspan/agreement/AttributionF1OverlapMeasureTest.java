package org.factspan.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.factspan.diff.Unit;
import org.junit.jupiter.api.Test;

/** Known values of {@code attribution_f1_overlap}, beside the exact measure on the same study. */
class AttributionF1OverlapMeasureTest {

    final AttributionF1OverlapMeasure measure = new AttributionF1OverlapMeasure();
    final AttributionF1Measure exact = new AttributionF1Measure();

    @Test
    void idNameAndDefinition() {
        assertThat(measure.id()).isEqualTo("attribution_f1_overlap");
        assertThat(measure.title()).isEqualTo("Attribution F1 (overlap)");
        assertThat(measure.definition()).isNotBlank();
    }

    @Test
    void theSameSourceAndCueLinkedToClaimsThatDifferByAWordAgree() {
        // the case: same source and cue, claims differ by a word: exact 0.000, overlap 1.0
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 100);
        s.triple(s.span("alice", 0, 5, "SOURCE"), s.span("alice", 6, 10, "ATTRIBUTION"),
                s.span("alice", 11, 30, "CLAIM"));
        s.triple(s.span("bob", 0, 5, "SOURCE"), s.span("bob", 6, 10, "ATTRIBUTION"), s.span("bob", 11, 35, "CLAIM"));
        AgreementInput input = s.build();
        assertThat(exact.compute(input).overall()).isEqualTo(0.0);
        assertThat(measure.compute(input).overall()).isEqualTo(1.0);
    }

    @Test
    void handComputedF1() {
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 300);
        // 1: claims overlap, sources overlap, both without cue -> match
        s.triple(s.span("alice", 0, 5, "SOURCE"), null, s.span("alice", 11, 30, "CLAIM"));
        s.triple(s.span("bob", 0, 6, "SOURCE"), null, s.span("bob", 15, 30, "CLAIM"));
        // 2: claims overlap, no source on either side, cues overlap -> match
        s.triple(null, s.span("alice", 35, 39, "ATTRIBUTION"), s.span("alice", 40, 60, "CLAIM"));
        s.triple(null, s.span("bob", 36, 39, "ATTRIBUTION"), s.span("bob", 40, 61, "CLAIM"));
        // 3: claims overlap, sources do not -> no match
        s.triple(s.span("alice", 70, 75, "SOURCE"), null, s.span("alice", 80, 100, "CLAIM"));
        s.triple(s.span("bob", 101, 105, "SOURCE"), null, s.span("bob", 80, 100, "CLAIM"));
        // 4: a cue on one side only -> no match
        s.triple(null, s.span("alice", 110, 114, "ATTRIBUTION"), s.span("alice", 120, 140, "CLAIM"));
        s.triple(null, null, s.span("bob", 120, 140, "CLAIM"));
        // 5: claims do not overlap -> no match
        s.triple(null, null, s.span("alice", 150, 160, "CLAIM"));
        s.triple(null, null, s.span("bob", 160, 170, "CLAIM"));
        // 6: alice only
        s.triple(null, null, s.span("alice", 200, 210, "CLAIM"));
        MeasureResult r = measure.compute(s.build());
        // alice 6 triples, bob 5, 2 matches: 2 * 2 / 11
        assertThat(r.overall()).isCloseTo(4.0 / 11, within(1e-12));
        assertThat(r.pairs()).singleElement().satisfies(p -> assertThat(p.value()).isCloseTo(4.0 / 11, within(1e-12)));
        assertThat(r.units()).isEqualTo(11);
        assertThat(r.byLabel()).isEmpty();
    }

    @Test
    void matchingIsOneToOneAndAsLargeAsPossible() {
        // alice's long claim overlaps both of bob's; her short one overlaps only the first: both must pair up
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 100);
        s.triple(null, null, s.span("alice", 0, 40, "CLAIM"));
        s.triple(null, null, s.span("alice", 0, 10, "CLAIM"));
        s.triple(null, null, s.span("bob", 5, 15, "CLAIM"));
        s.triple(null, null, s.span("bob", 30, 50, "CLAIM"));
        assertThat(measure.compute(s.build()).overall()).isEqualTo(1.0);
        // one claim of bob's cannot count for two of alice's
        StudyBuilder t = new StudyBuilder("alice", "bob").doc("d1", 100);
        Unit wide = t.span("bob", 0, 40, "CLAIM");
        t.triple(null, null, t.span("alice", 0, 10, "CLAIM"));
        t.triple(null, null, t.span("alice", 20, 30, "CLAIM"));
        t.triple(null, null, wide);
        assertThat(measure.compute(t.build()).overall()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void undefinedCasesAreNaNWithReason() {
        StudyBuilder single = new StudyBuilder("alice").doc("d1", 100);
        single.triple(null, null, single.span("alice", 10, 30, "CLAIM"));
        assertThat(measure.compute(single.build()).nanReason()).contains("two annotators");
        StudyBuilder spansOnly = new StudyBuilder("alice", "bob").doc("d1", 100);
        spansOnly.span("alice", 10, 30, "CLAIM");
        MeasureResult none = measure.compute(spansOnly.build());
        assertThat(none.overall()).isNaN();
        assertThat(none.nanReason()).isEqualTo("no attributions");
    }
}
