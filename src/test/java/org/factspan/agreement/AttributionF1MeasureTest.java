package org.factspan.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.factspan.diff.Unit;
import org.junit.jupiter.api.Test;

class AttributionF1MeasureTest {

    final AttributionF1Measure measure = new AttributionF1Measure();

    @Test
    void idIsStable() {
        assertThat(measure.id()).isEqualTo("attribution_f1");
    }

    @Test
    void handComputedF1() {
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 200);
        // 1: same content, same source, different cue -> match
        s.triple(s.span("alice", 0, 5, "SOURCE"), s.span("alice", 6, 10, "ATTRIBUTION"),
                s.span("alice", 11, 30, "CLAIM"));
        s.triple(s.span("bob", 0, 5, "SOURCE"), null, s.span("bob", 11, 30, "CLAIM"));
        // 2: same content, no source on either side -> match
        s.triple(null, null, s.span("alice", 40, 60, "CLAIM"));
        s.triple(null, null, s.span("bob", 40, 60, "CLAIM"));
        // 3: same content, different source -> no match
        s.triple(s.span("alice", 70, 75, "SOURCE"), null, s.span("alice", 80, 100, "CLAIM"));
        s.triple(s.span("bob", 70, 76, "SOURCE"), null, s.span("bob", 80, 100, "CLAIM"));
        // 4: source only on one side -> no match
        s.triple(s.span("alice", 110, 115, "SOURCE"), null, s.span("alice", 120, 140, "CLAIM"));
        s.triple(null, null, s.span("bob", 120, 140, "CLAIM"));
        // 5: alice only
        s.triple(null, null, s.span("alice", 150, 160, "CLAIM"));
        MeasureResult r = measure.compute(s.build());
        // alice 5 triples, bob 4, 2 matches: 2 * 2 / 9
        assertThat(r.overall()).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(r.pairs()).singleElement().satisfies(p -> assertThat(p.value()).isCloseTo(4.0 / 9, within(1e-12)));
        assertThat(r.units()).isEqualTo(9);
        assertThat(r.byLabel()).isEmpty();
    }

    @Test
    void contentMustMatchExactly() {
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 100);
        Unit sa = s.span("alice", 0, 5, "SOURCE");
        Unit sb = s.span("bob", 0, 5, "SOURCE");
        s.triple(sa, null, s.span("alice", 10, 30, "CLAIM"));
        s.triple(sb, null, s.span("bob", 10, 31, "CLAIM"));
        assertThat(measure.compute(s.build()).overall()).isEqualTo(0.0);
    }

    @Test
    void triplesInDifferentDocumentsDoNotMatch() {
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 100).doc("d2", 100);
        s.triple(null, null, s.span("alice", "d1", 10, 30, "CLAIM"));
        s.triple(null, null, s.span("bob", "d2", 10, 30, "CLAIM"));
        s.triple(null, null, s.span("alice", "d2", 40, 50, "CLAIM"));
        s.triple(null, null, s.span("bob", "d2", 40, 50, "CLAIM"));
        assertThat(measure.compute(s.build()).overall()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void undefinedCasesAreNaNWithReason() {
        StudyBuilder single = new StudyBuilder("alice").doc("d1", 100);
        single.triple(null, null, single.span("alice", 10, 30, "CLAIM"));
        MeasureResult one = measure.compute(single.build());
        assertThat(one.overall()).isNaN();
        assertThat(one.nanReason()).contains("two annotators");
        StudyBuilder spansOnly = new StudyBuilder("alice", "bob").doc("d1", 100);
        spansOnly.span("alice", 10, 30, "CLAIM");
        MeasureResult none = measure.compute(spansOnly.build());
        assertThat(none.overall()).isNaN();
        assertThat(none.nanReason()).isEqualTo("no attributions");
    }
}
