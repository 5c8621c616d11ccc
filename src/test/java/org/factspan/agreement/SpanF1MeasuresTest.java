package org.factspan.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpanF1MeasuresTest {

    final SpanF1ExactMeasure exact = new SpanF1ExactMeasure();
    final SpanF1OverlapMeasure overlap = new SpanF1OverlapMeasure();

    /** alice: 4 spans, bob: 4 spans; exact matches 2, overlap matches 3. */
    static StudyBuilder twoDocuments(String... annotators) {
        StudyBuilder s = new StudyBuilder(annotators).doc("d1", 40).doc("d2", 10);
        s.span("alice", "d1", 0, 5, "CLAIM");
        s.span("alice", "d1", 10, 20, "CLAIM");
        s.span("alice", "d1", 30, 35, "SOURCE");
        s.span("alice", "d2", 0, 3, "SOURCE");
        s.span("bob", "d1", 0, 5, "CLAIM");
        s.span("bob", "d1", 10, 19, "CLAIM");
        s.span("bob", "d2", 0, 3, "SOURCE");
        s.span("bob", "d2", 5, 9, "CLAIM");
        return s;
    }

    @Test
    void idsAreStable() {
        assertThat(exact.id()).isEqualTo("span_f1_exact");
        assertThat(overlap.id()).isEqualTo("span_f1_overlap");
    }

    @Test
    void exactF1IsHandComputed() {
        MeasureResult r = exact.compute(twoDocuments("alice", "bob").build());
        // 2 * 2 / (4 + 4)
        assertThat(r.overall()).isCloseTo(0.5, within(1e-12));
        assertThat(r.pairs()).containsExactly(new PairValue("alice", "bob", 0.5));
        // CLAIM: alice 2, bob 3, 1 match; SOURCE: alice 2, bob 1, 1 match
        assertThat(r.byLabel()).containsOnlyKeys("CLAIM", "SOURCE");
        assertThat(r.byLabel().get("CLAIM")).isCloseTo(2.0 / 5, within(1e-12));
        assertThat(r.byLabel().get("SOURCE")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.units()).isEqualTo(8);
        assertThat(r.nanReason()).isNull();
    }

    @Test
    void overlapF1CountsOverlappingSameLabelSpans() {
        MeasureResult r = overlap.compute(twoDocuments("alice", "bob").build());
        // [10,20) and [10,19) now match: 2 * 3 / 8
        assertThat(r.overall()).isCloseTo(0.75, within(1e-12));
        assertThat(r.byLabel().get("CLAIM")).isCloseTo(4.0 / 5, within(1e-12));
        assertThat(r.byLabel().get("SOURCE")).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void overlapF1UsesMaximumMatching() {
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 20);
        s.span("alice", 0, 10, "CLAIM");
        s.span("alice", 12, 14, "CLAIM");
        s.span("bob", 5, 13, "CLAIM");
        s.span("bob", 8, 9, "CLAIM");
        // a greedy first-fit matching pairs [0,10) with [5,13) and leaves 1 match: F1 0.5
        assertThat(overlap.compute(s.build()).overall()).isCloseTo(1.0, within(1e-12));
        assertThat(exact.compute(s.build()).overall()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void threeAnnotatorsAverageThePairs() {
        StudyBuilder s = twoDocuments("alice", "bob", "carol");
        s.span("carol", "d1", 0, 5, "CLAIM");
        MeasureResult r = exact.compute(s.build());
        // alice-bob 4/8, alice-carol 2*1/(4+1), bob-carol 2*1/(4+1)
        assertThat(r.pairs()).extracting(PairValue::a, PairValue::b).containsExactly(
                tuple("alice", "bob"),
                tuple("alice", "carol"),
                tuple("bob", "carol"));
        assertThat(r.pairs()).extracting(PairValue::value).containsExactly(0.5, 0.4, 0.4);
        assertThat(r.overall()).isCloseTo((0.5 + 0.4 + 0.4) / 3, within(1e-12));
    }

    @Test
    void identicalAnnotationsGiveOne() {
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 20);
        s.span("alice", 0, 10, "CLAIM");
        s.span("bob", 0, 10, "CLAIM");
        assertThat(exact.compute(s.build()).overall()).isEqualTo(1.0);
        assertThat(overlap.compute(s.build()).overall()).isEqualTo(1.0);
    }

    @Test
    void pairWithoutSpansIsNaNAndLeftOutOfTheMean() {
        StudyBuilder s = new StudyBuilder("alice", "bob", "carol").doc("d1", 20);
        s.span("alice", 0, 10, "CLAIM");
        s.span("bob", 0, 10, "CLAIM");
        MeasureResult r = exact.compute(s.build());
        assertThat(r.pairs()).extracting(PairValue::value).containsExactly(1.0, 0.0, 0.0);
        StudyBuilder t = new StudyBuilder("alice", "bob", "carol").doc("d1", 20);
        t.span("alice", 0, 10, "CLAIM");
        MeasureResult onlyAlice = exact.compute(t.build());
        assertThat(onlyAlice.pairs().get(2).value()).isNaN();
        assertThat(onlyAlice.overall()).isEqualTo(0.0);
    }

    @Test
    void undefinedCasesAreNaNWithReason() {
        StudyBuilder single = new StudyBuilder("alice").doc("d1", 20);
        single.span("alice", 0, 10, "CLAIM");
        for (AgreementMeasure m : new AgreementMeasure[] {exact, overlap}) {
            MeasureResult one = m.compute(single.build());
            assertThat(one.overall()).isNaN();
            assertThat(one.nanReason()).contains("two annotators");
            assertThat(one.defined()).isFalse();
            MeasureResult empty = m.compute(new StudyBuilder("alice", "bob").doc("d1", 20).build());
            assertThat(empty.overall()).isNaN();
            assertThat(empty.nanReason()).isEqualTo("no spans");
            assertThat(empty.units()).isZero();
        }
    }
}
