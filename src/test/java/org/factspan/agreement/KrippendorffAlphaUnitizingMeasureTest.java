package org.factspan.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Test;

class KrippendorffAlphaUnitizingMeasureTest {

    final KrippendorffAlphaUnitizingMeasure alpha = new KrippendorffAlphaUnitizingMeasure();

    @Test
    void idIsStable() {
        assertThat(alpha.id()).isEqualTo("krippendorff_alpha_unitizing");
    }

    /** DKPro's own UnitizingAgreementTest: r0 -11111111-, r1 --1-1-1--- on a continuum of 10; alpha -0.7003. */
    @Test
    void dkproWorkedExample() {
        StudyBuilder s = new StudyBuilder("r0", "r1").doc("d1", 10);
        s.span("r0", 1, 9, "A");
        s.span("r1", 2, 3, "A");
        s.span("r1", 4, 5, "A");
        s.span("r1", 6, 7, "A");
        MeasureResult r = alpha.compute(s.build());
        assertThat(r.byLabel().get("A")).isCloseTo(-0.7003, within(0.0001));
        assertThat(r.overall()).isCloseTo(-0.7003, within(0.0001));
        assertThat(r.units()).isEqualTo(4);
        assertThat(r.nanReason()).isNull();
    }

    /**
     * Krippendorff (1995: 57): four categories on a continuum of 24 positions, given as offset and length as in
     * DKPro's Krippendorff1995Test. The paper's alphas (A 0.553, B -0.926, C 0.679, D 0.066) treat the continuum
     * as continuous, so DKPro's test, like this one, stretches every position by 50,000 and allows 0.02.
     */
    @Test
    void krippendorff1995Example() {
        int k = 50_000;
        StudyBuilder s = new StudyBuilder("first", "second").doc("d1", 24 * k);
        addUnits(s, k, "first", "A", 2, 8, 14, 6);
        addUnits(s, k, "second", "A", 4, 4, 15, 2);
        addUnits(s, k, "first", "B", 0, 18);
        addUnits(s, k, "second", "B", 0, 2, 2, 1, 3, 1, 4, 1, 5, 1, 6, 3, 9, 1);
        addUnits(s, k, "first", "C", 2, 6, 10, 2, 14, 4, 20, 2);
        addUnits(s, k, "second", "C", 0, 2, 4, 4, 10, 4, 16, 2, 20, 2);
        addUnits(s, k, "first", "D", 0, 2, 2, 8, 10, 4, 14, 6, 20, 4);
        addUnits(s, k, "second", "D", 0, 4, 4, 4, 8, 7, 15, 2, 17, 7);
        MeasureResult r = alpha.compute(s.build());
        assertThat(r.byLabel().get("A")).isCloseTo(0.553, within(0.02));
        assertThat(r.byLabel().get("B")).isCloseTo(-0.926, within(0.02));
        assertThat(r.byLabel().get("C")).isCloseTo(0.679, within(0.02));
        assertThat(r.byLabel().get("D")).isCloseTo(0.066, within(0.02));
        assertThat(r.units()).isEqualTo(31);
    }

    private static void addUnits(StudyBuilder s, int stretch, String annotator, String label,
            int... offsetAndLength) {
        for (int i = 0; i < offsetAndLength.length; i += 2) {
            int start = offsetAndLength[i] * stretch;
            s.span(annotator, start, start + offsetAndLength[i + 1] * stretch, label);
        }
    }

    @Test
    void identicalUnitizingGivesOne() {
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 50);
        s.span("alice", 5, 10, "CLAIM");
        s.span("bob", 5, 10, "CLAIM");
        s.span("alice", 20, 30, "SOURCE");
        s.span("bob", 20, 30, "SOURCE");
        assertThat(alpha.compute(s.build()).overall()).isCloseTo(1.0, within(1e-12));
    }

    /** d2's spans sit after d1's 6 code points on the continuum: alice [1,5), bob [6,9) do not overlap. */
    @Test
    void documentsAreConcatenatedInOrder() {
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 6).doc("d2", 4);
        s.span("alice", "d1", 1, 5, "CLAIM");
        s.span("bob", "d2", 0, 3, "CLAIM");
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(2, 0, 10);
        study.addUnit(1, 4, 0, "CLAIM");
        study.addUnit(6, 3, 1, "CLAIM");
        double expected = new KrippendorffAlphaUnitizingAgreement(study).calculateAgreement();
        UnitizingAnnotationStudy unshifted = new UnitizingAnnotationStudy(2, 0, 10);
        unshifted.addUnit(1, 4, 0, "CLAIM");
        unshifted.addUnit(0, 3, 1, "CLAIM");
        double wrong = new KrippendorffAlphaUnitizingAgreement(unshifted).calculateAgreement();
        assertThat(expected).isNotCloseTo(wrong, within(1e-6));
        assertThat(alpha.compute(s.build()).overall()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void oneAnnotatorsOverlappingSpansOfOneLabelAreMerged() {
        StudyBuilder split = new StudyBuilder("alice", "bob").doc("d1", 40);
        split.span("alice", 0, 5, "CLAIM");
        split.span("alice", 3, 8, "CLAIM");
        split.span("alice", 8, 12, "CLAIM");
        split.span("bob", 0, 9, "CLAIM");
        StudyBuilder merged = new StudyBuilder("alice", "bob").doc("d1", 40);
        merged.span("alice", 0, 8, "CLAIM");
        merged.span("alice", 8, 12, "CLAIM");
        merged.span("bob", 0, 9, "CLAIM");
        MeasureResult r = alpha.compute(split.build());
        assertThat(r.units()).isEqualTo(3);
        assertThat(r.overall()).isEqualTo(alpha.compute(merged.build()).overall());
        assertThat(KrippendorffAlphaUnitizingMeasure.mergeOverlapping(List.of(new long[] {0, 5}, new long[] {5, 7})))
                .hasSize(2);
    }

    @Test
    void undefinedCasesAreNaNWithReason() {
        StudyBuilder single = new StudyBuilder("alice").doc("d1", 20);
        single.span("alice", 0, 10, "CLAIM");
        MeasureResult one = alpha.compute(single.build());
        assertThat(one.overall()).isNaN();
        assertThat(one.nanReason()).contains("two annotators");
        MeasureResult empty = alpha.compute(new StudyBuilder("alice", "bob").doc("d1", 20).build());
        assertThat(empty.overall()).isNaN();
        assertThat(empty.nanReason()).isEqualTo("no spans");
    }

    /** The fast expected disagreement gives DKPro's values, overall and per category, on random studies. */
    @Test
    void fastAlphaEqualsDkpro() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 40; round++) {
            int raters = 2 + random.nextInt(3);
            long length = 50 + random.nextInt(3000);
            UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(raters, 0, length);
            for (int r = 0; r < raters; r++) {
                for (String category : List.of("A", "B")) {
                    long pos = random.nextInt(20);
                    while (pos < length - 1) {
                        long unit = 1 + random.nextInt(round % 2 == 0 ? 5 : 60);
                        if (pos + unit > length) {
                            break;
                        }
                        if (random.nextBoolean()) {
                            study.addUnit(pos, unit, r, category);
                        }
                        pos += unit + random.nextInt(round % 3 == 0 ? 3 : 90);
                    }
                }
            }
            var dkpro = new KrippendorffAlphaUnitizingAgreement(study);
            var fast = new FastUnitizingAlpha(study);
            assertThat(fast.calculateAgreement()).as("round " + round)
                    .isCloseTo(dkpro.calculateAgreement(), within(1e-12));
            for (String category : List.of("A", "B")) {
                assertThat(fast.calculateCategoryAgreement(category)).as("round " + round + " " + category)
                        .isCloseTo(dkpro.calculateCategoryAgreement(category), within(1e-12));
            }
        }
    }
}
