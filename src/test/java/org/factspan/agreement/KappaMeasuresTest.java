package org.factspan.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.junit.jupiter.api.Test;

class KappaMeasuresTest {

    final CohenKappaMeasure cohen = new CohenKappaMeasure();
    final FleissKappaMeasure fleiss = new FleissKappaMeasure();

    @Test
    void idsAreStable() {
        assertThat(cohen.id()).isEqualTo("cohen_kappa");
        assertThat(fleiss.id()).isEqualTo("fleiss_kappa");
    }

    /** The textbook 2x2 table: 20 both CLAIM, 5 CLAIM/SOURCE, 10 SOURCE/CLAIM, 15 both SOURCE. */
    @Test
    void cohenTextbookTableGivesPointFour() {
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 1000);
        int[][] cells = {{20, 0, 0}, {5, 0, 1}, {10, 1, 0}, {15, 1, 1}};
        String[] labels = {"CLAIM", "SOURCE"};
        int item = 0;
        for (int[] cell : cells) {
            for (int n = 0; n < cell[0]; n++, item++) {
                s.span("alice", item * 10, item * 10 + 5, labels[cell[1]]);
                s.span("bob", item * 10, item * 10 + 5, labels[cell[2]]);
            }
        }
        MeasureResult r = cohen.compute(s.build());
        // p_o = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.2 / 0.5
        assertThat(r.overall()).isCloseTo(0.4, within(1e-9));
        assertThat(r.pairs()).singleElement().satisfies(p -> assertThat(p.value()).isCloseTo(0.4, within(1e-9)));
        assertThat(r.units()).isEqualTo(50);
        assertThat(r.byLabel()).containsOnlyKeys("CLAIM", "SOURCE");
    }

    /**
     * Wikipedia's Fleiss example (14 raters, 10 subjects, 5 categories; kappa 0.210). Category 1 is "no label"
     * (no subject has only category 1), categories 2 to 5 are labels.
     */
    @Test
    void fleissWikipediaExampleGivesPointTwoOneZero() {
        int[][] counts = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        String[] raters = new String[14];
        for (int i = 0; i < raters.length; i++) {
            raters[i] = "r" + i;
        }
        StudyBuilder s = new StudyBuilder(raters).doc("d1", 1000);
        for (int subject = 0; subject < counts.length; subject++) {
            int rater = 0;
            for (int category = 0; category < 5; category++) {
                for (int n = 0; n < counts[subject][category]; n++, rater++) {
                    if (category > 0) {
                        s.span(raters[rater], subject * 10, subject * 10 + 5, "L" + (category + 1));
                    }
                }
            }
        }
        MeasureResult r = fleiss.compute(s.build());
        assertThat(r.overall()).isCloseTo(0.210, within(0.001));
        assertThat(r.units()).isEqualTo(10);
        assertThat(r.pairs()).isEmpty();
        assertThat(r.byLabel()).containsOnlyKeys("L2", "L3", "L4", "L5");
    }

    /**
     * Fleiss (1971), Table 1: 30 psychiatric patients, each diagnosed by 6 psychiatrists into 5 categories
     * (depression, personality disorder, schizophrenia, neurosis, other); the paper gives kappa 0.430, R's
     * {@code irr::kappam.fleiss(diagnoses)} 0.4302445. Every rater labels every subject, so no {@code NONE} enters;
     * per category the paper gives 0.245, 0.245, 0.520, 0.471 and 0.566.
     */
    @Test
    void fleiss1971PsychiatricDiagnosesGivePointFourThree() {
        int[][] diagnoses = {
            {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
            {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
            {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
            {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
            {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
            {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5}};
        String[] names = {"DEPRESSION", "PERSONALITY", "SCHIZOPHRENIA", "NEUROSIS", "OTHER"};
        StudyBuilder s = new StudyBuilder("r1", "r2", "r3", "r4", "r5", "r6").doc("d1", 1000);
        for (int subject = 0; subject < diagnoses.length; subject++) {
            for (int rater = 0; rater < 6; rater++) {
                s.span("r" + (rater + 1), subject * 10, subject * 10 + 5, names[diagnoses[subject][rater] - 1]);
            }
        }
        MeasureResult r = fleiss.compute(s.build());
        assertThat(r.overall()).isCloseTo(0.4302445, within(1e-7));
        assertThat(r.units()).isEqualTo(30);
        assertThat(r.byLabel().get("DEPRESSION")).isCloseTo(0.245, within(0.0005));
        assertThat(r.byLabel().get("PERSONALITY")).isCloseTo(0.245, within(0.0005));
        assertThat(r.byLabel().get("SCHIZOPHRENIA")).isCloseTo(0.520, within(0.0005));
        assertThat(r.byLabel().get("NEUROSIS")).isCloseTo(0.471, within(0.0005));
        assertThat(r.byLabel().get("OTHER")).isCloseTo(0.566, within(0.0005));
    }

    /** Random labels for 3 annotators on 60 extents; our measures equal DKPro called directly and plain formulas. */
    @Test
    void crossCheckAgainstDkproOnSeededRandomData() {
        String[] categories = {CodingUnits.NONE, "CLAIM", "SOURCE", "ATTRIBUTION"};
        List<String> annotators = List.of("alice", "bob", "carol");
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            int items = 60;
            String[][] value = new String[items][3];
            StudyBuilder s = new StudyBuilder("alice", "bob", "carol").doc("d1", 10 * items);
            for (int i = 0; i < items; i++) {
                for (int a = 0; a < 3; a++) {
                    value[i][a] = categories[random.nextInt(categories.length)];
                    if (!value[i][a].equals(CodingUnits.NONE)) {
                        s.span(annotators.get(a), i * 10, i * 10 + 5, value[i][a]);
                    }
                }
            }
            AgreementInput input = s.build();
            MeasureResult ours = cohen.compute(input);
            int pair = 0;
            for (int a = 0; a < 3; a++) {
                for (int b = a + 1; b < 3; b++, pair++) {
                    CodingAnnotationStudy study = new CodingAnnotationStudy(2);
                    int n = 0;
                    for (int i = 0; i < items; i++) {
                        if (!value[i][a].equals(CodingUnits.NONE) || !value[i][b].equals(CodingUnits.NONE)) {
                            study.addItem(value[i][a], value[i][b]);
                            n++;
                        }
                    }
                    double expected = new CohenKappaAgreement(study).calculateAgreement();
                    assertThat(ours.pairs().get(pair).value()).isCloseTo(expected, within(1e-12));
                    assertThat(expected).isCloseTo(plainCohen(value, a, b, categories), within(1e-12));
                    assertThat(n).isGreaterThan(0);
                }
            }
            CodingAnnotationStudy all = new CodingAnnotationStudy(3);
            for (int i = 0; i < items; i++) {
                if (!(value[i][0] + value[i][1] + value[i][2]).equals("NONENONENONE")) {
                    all.addItemAsArray(value[i]);
                }
            }
            assertThat(fleiss.compute(input).overall())
                    .isCloseTo(new FleissKappaAgreement(all).calculateAgreement(), within(1e-12));
        }
    }

    /** Cohen's kappa from the contingency table, over items where a or b gave a label. */
    static double plainCohen(String[][] value, int a, int b, String[] categories) {
        double n = 0;
        double agree = 0;
        double[] marginA = new double[categories.length];
        double[] marginB = new double[categories.length];
        for (String[] row : value) {
            if (row[a].equals(CodingUnits.NONE) && row[b].equals(CodingUnits.NONE)) {
                continue;
            }
            n++;
            agree += row[a].equals(row[b]) ? 1 : 0;
            marginA[List.of(categories).indexOf(row[a])]++;
            marginB[List.of(categories).indexOf(row[b])]++;
        }
        double pe = 0;
        for (int c = 0; c < categories.length; c++) {
            pe += (marginA[c] / n) * (marginB[c] / n);
        }
        return (agree / n - pe) / (1 - pe);
    }

    @Test
    void pairLeavesOutExtentsOnlyOthersLabeled() {
        StudyBuilder s = new StudyBuilder("alice", "bob", "carol").doc("d1", 100);
        s.span("alice", 0, 5, "CLAIM");
        s.span("bob", 0, 5, "SOURCE");
        s.span("alice", 10, 15, "CLAIM");
        s.span("bob", 10, 15, "CLAIM");
        s.span("carol", 20, 25, "CLAIM");
        MeasureResult r = cohen.compute(s.build());
        // items (CLAIM,SOURCE),(CLAIM,CLAIM): p_o 0.5, p_e 1*0.5 -> 0; with carol's extent as NONE/NONE it would be 0.5
        assertThat(r.pairs().getFirst().value()).isCloseTo(0.0, within(1e-12));
        assertThat(r.units()).isEqualTo(3);
    }

    @Test
    void twoLabelsOnOneExtentAreTheirOwnCategory() {
        StudyBuilder s = new StudyBuilder("alice", "bob").doc("d1", 100);
        s.span("alice", 0, 5, "CLAIM");
        s.span("alice", 0, 5, "SOURCE");
        s.span("bob", 0, 5, "CLAIM");
        s.span("alice", 10, 15, "SOURCE");
        s.span("bob", 10, 15, "SOURCE");
        s.span("alice", 20, 25, "CLAIM");
        s.span("bob", 20, 25, "CLAIM");
        CodingAnnotationStudy study = new CodingAnnotationStudy(2);
        study.addItem("CLAIM+SOURCE", "CLAIM");
        study.addItem("SOURCE", "SOURCE");
        study.addItem("CLAIM", "CLAIM");
        double expected = new CohenKappaAgreement(study).calculateAgreement();
        assertThat(cohen.compute(s.build()).overall()).isCloseTo(expected, within(1e-12)).isLessThan(1.0);
    }

    @Test
    void undefinedCasesAreNaNWithReason() {
        StudyBuilder single = new StudyBuilder("alice").doc("d1", 20);
        single.span("alice", 0, 10, "CLAIM");
        StudyBuilder oneCategory = new StudyBuilder("alice", "bob").doc("d1", 20);
        oneCategory.span("alice", 0, 10, "CLAIM");
        oneCategory.span("bob", 0, 10, "CLAIM");
        for (AgreementMeasure m : new AgreementMeasure[] {cohen, fleiss}) {
            MeasureResult one = m.compute(single.build());
            assertThat(one.overall()).isNaN();
            assertThat(one.nanReason()).contains("two annotators");
            MeasureResult empty = m.compute(new StudyBuilder("alice", "bob").doc("d1", 20).build());
            assertThat(empty.overall()).isNaN();
            assertThat(empty.nanReason()).isEqualTo("no spans");
            MeasureResult same = m.compute(oneCategory.build());
            assertThat(same.overall()).isNaN();
            assertThat(same.nanReason()).contains("single category");
        }
    }

    /**
     * The count tables give DKPro's values exactly, overall, per pair and per label, on random studies of two to
     * five annotators over several documents, with double labels on one extent and extents some pairs leave empty:
     * DKPro statistics stays the reference (decision 023).
     */
    @Test
    void countTablesEqualDkproStudiesPerPairAndPerLabel() {
        String[] labels = {"CLAIM", "SOURCE", "ATTRIBUTION"};
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            int raters = 2 + (int) (seed % 4);
            String[] names = new String[raters];
            for (int a = 0; a < raters; a++) {
                names[a] = "a" + a;
            }
            StudyBuilder s = new StudyBuilder(names);
            for (int d = 0; d < 3; d++) {
                s.doc("d" + d, 400);
                for (int extent = 0; extent < 30; extent++) {
                    int start = random.nextInt(390);
                    int end = start + 1 + random.nextInt(9);
                    for (String name : names) {
                        int draw = random.nextInt(10);
                        if (draw < 3 + seed % 3) {
                            s.span(name, start, end, labels[random.nextInt(labels.length)]);
                        }
                        if (draw == 9) {
                            s.span(name, start, end, labels[random.nextInt(labels.length)]); // maybe a second label
                        }
                    }
                }
            }
            AgreementInput input = s.build();
            CodingUnits coding = input.coding();
            MeasureResult ours = cohen.compute(input);
            java.util.Map<String, java.util.List<Double>> perLabel = new java.util.LinkedHashMap<>();
            int pair = 0;
            for (int a = 0; a < raters; a++) {
                for (int b = a + 1; b < raters; b++, pair++) {
                    List<Object[]> rows = coding.rows(a, b);
                    double expected = Double.NaN;
                    if (!rows.isEmpty()) {
                        CodingAnnotationStudy study = new CodingAnnotationStudy(2);
                        rows.forEach(study::addItemAsArray);
                        CohenKappaAgreement dkpro = new CohenKappaAgreement(study);
                        expected = dkproAgreement(dkpro);
                        for (String label : input.labels()) {
                            perLabel.computeIfAbsent(label, k -> new java.util.ArrayList<>())
                                    .add(dkproCategory(dkpro, study, label));
                        }
                    }
                    assertSame(ours.pairs().get(pair).value(), expected);
                }
            }
            perLabel.forEach((label, values) -> assertSame(ours.byLabel().get(label), Means.meanOfDefined(values)));

            CodingAnnotationStudy all = new CodingAnnotationStudy(raters);
            int[] columns = java.util.stream.IntStream.range(0, raters).toArray();
            coding.rows(columns).forEach(all::addItemAsArray);
            FleissKappaAgreement dkpro = new FleissKappaAgreement(all);
            MeasureResult f = fleiss.compute(input);
            assertSame(f.overall(), dkproAgreement(dkpro));
            for (String label : input.labels()) {
                assertSame(f.byLabel().get(label), dkproCategory(dkpro, all, label));
            }
        }
    }

    private static void assertSame(double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-12));
        }
    }

    private static double dkproAgreement(org.dkpro.statistics.agreement.IAgreementMeasure measure) {
        try {
            return measure.calculateAgreement();
        } catch (org.dkpro.statistics.agreement.InsufficientDataException e) {
            return Double.NaN;
        }
    }

    private static double dkproCategory(org.dkpro.statistics.agreement.ICategorySpecificAgreement measure,
            CodingAnnotationStudy study, String label) {
        boolean used = false;
        for (Object c : study.getCategories()) {
            used |= c.equals(label);
        }
        return used ? measure.calculateCategoryAgreement(label) : Double.NaN;
    }
}
