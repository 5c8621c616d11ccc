package org.factspan.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.factspan.agreement.FastAlphaAccess;
import org.factspan.agreement.service.AgreementReport;
import org.factspan.agreement.service.AgreementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every agreement measure over 1,000 documents (quick: 200) of three annotators with about 50 spans each, through
 * the agreement service (database read, diff, all six measures, per-document breakdown) against DKPro alone on
 * arrays prepared beforehand (Cohen's kappa per pair, Fleiss' kappa, Krippendorff's unitizing alpha). DKPro's own
 * unitizing alpha needs minutes here (its expected disagreement is quadratic), so the baseline computes alpha with
 * Factspan's equal but faster {@code FastUnitizingAlpha}; a second row compares the two on 30 documents.
 *
 * <p>{@link #targets()} measures the issue-17 targets at both scales: every measure over 1,000 documents x 3
 * annotators x about 50 spans (goal under 1 s) and over the peer workload, 100 documents x 2,000 tokens x 3
 * annotators (goal under 0.1 s), through the service (read, diffs built once, all measures, per-document
 * breakdown). Run alone: {@code ./mvnw -Pbench test -Dbench.scale=quick -Dtest=AgreementBench#targets}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BenchDatabase.CONTEXT)
class AgreementBench {

    @Autowired
    BenchDatabase db;
    @Autowired
    AgreementService agreement;

    static long lengthOf(List<SyntheticCorpus.Doc> docs) {
        return docs.stream().mapToLong(d -> d.text().codePointCount(0, d.text().length())).sum();
    }

    static int documents() {
        return BenchResults.full() ? 1_000 : 200;
    }

    /** Leaves nothing running for the next job (or for the JVM's exit). */
    @AfterEach
    void leaveNothingRunning() {
        db.settle();
    }

    @Test
    void targets() throws Exception {
        var carol = db.actor("carol");
        // 1,000 documents of about 200 words with ~50 spans per annotator (0.27 of the words in spans, as the main
        // corpus), and the peer workload
        SyntheticCorpus thousand = new SyntheticCorpus(1000L, 600, 0.27);
        String big = db.loaded("agreement", thousand, 1_000, true);
        String peer = db.loaded("agreement-peer", SyntheticCorpus.peer(), PeerBench.DOCUMENTS, true);
        List<BenchResults.Row> rows = new ArrayList<>();
        for (String[] job : new String[][] {{big, "1,000 docs x 3 annotators", "1"},
                {peer, "peer: 100 docs x 2,000 tokens x 3 annotators", "0.1"}}) {
            long spans = db.spans(job[0]);
            AgreementReport[] report = new AgreementReport[1];
            agreement.compute(carol, job[0], null, null); // warm
            BenchDatabase.Measured m = BenchDatabase.best(5, () -> report[0] = agreement.compute(carol, job[0], null,
                    null));
            // what reading alone costs: the same project read as the request reads it (spans, documents), no measure
            BenchDatabase.Measured read = BenchDatabase.best(5, () -> agreement.options(carol, job[0]));
            rows.add(new BenchResults.Row("  of which reading the spans (" + job[1] + ")", BenchResults.scale(),
                    read.seconds(), null, "s", read.heapPeakMb(), "AgreementService.options: the same read, no measure"));
            rows.add(new BenchResults.Row("agreement target, all " + report[0].measures().size() + " measures ("
                    + job[1] + ", " + spans + " spans)", BenchResults.scale(), m.seconds(), null, "s",
                    m.heapPeakMb(), "goal < " + job[2] + " s; best of 5 after one warm-up; "
                            + report[0].measures().stream().map(r -> String.format("%s %.3f", r.id(), r.overall()))
                                    .reduce((a, b) -> a + ", " + b).orElse("")));
        }
        BenchResults.record(rows);
    }

    @Test
    void allMeasuresAgainstDkproAlone() throws Exception {
        SyntheticCorpus corpus = new SyntheticCorpus(1000L, 600, 0.27);
        String slug = db.loaded("agreement", corpus, documents(), true);
        long spans = db.spans(slug);
        db.settle();
        var carol = db.actor("carol");

        // Baseline input, prepared untimed: coding items (one per extent anyone labeled) and unitizing units.
        List<SyntheticCorpus.Doc> docs = corpus.list(documents());
        List<String[]> items = new ArrayList<>();
        List<long[]> units = new ArrayList<>();
        List<String> unitLabels = new ArrayList<>();
        long offset = 0;
        for (SyntheticCorpus.Doc d : docs) {
            Map<Long, String[]> byExtent = new TreeMap<>();
            for (int a = 0; a < d.work().size(); a++) {
                for (SyntheticCorpus.Span s : d.work().get(a).spans()) {
                    String[] values = byExtent.computeIfAbsent(((long) s.start() << 32) | s.end(),
                            k -> new String[] {"NONE", "NONE", "NONE"});
                    values[a] = values[a].equals("NONE") ? s.label() : values[a] + "+" + s.label();
                    units.add(new long[] {offset + s.start(), s.end() - s.start(), a});
                    unitLabels.add(s.label());
                }
            }
            items.addAll(byExtent.values());
            offset += d.text().codePointCount(0, d.text().length());
        }
        long length = offset;

        AgreementReport[] report = new AgreementReport[1];
        BenchDatabase.Measured ours = BenchDatabase.best(2, () -> report[0] = agreement.compute(carol, slug, null,
                null));
        double[] kappa = new double[3];
        BenchDatabase.Measured baseline = BenchDatabase.best(2, () -> {
            CodingAnnotationStudy three = new CodingAnnotationStudy(3);
            items.forEach(i -> three.addItemAsArray(i));
            double fleiss = new FleissKappaAgreement(three).calculateAgreement();
            double sum = 0;
            for (int[] pair : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
                CodingAnnotationStudy two = new CodingAnnotationStudy(2);
                for (String[] i : items) {
                    if (!i[pair[0]].equals("NONE") || !i[pair[1]].equals("NONE")) {
                        two.addItem(i[pair[0]], i[pair[1]]);
                    }
                }
                sum += new CohenKappaAgreement(two).calculateAgreement();
            }
            UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(3, 0, length);
            for (int u = 0; u < units.size(); u++) {
                long[] unit = units.get(u);
                study.addUnit(unit[0], unit[1], (int) unit[2], unitLabels.get(u));
            }
            double alpha = FastAlphaAccess.alpha(study);
            kappa[0] = sum / 3;
            kappa[1] = fleiss;
            kappa[2] = alpha;
        });
        // DKPro's own unitizing alpha is quadratic in the units of a label: shown on the first 30 documents only
        UnitizingAnnotationStudy sample = new UnitizingAnnotationStudy(3, 0, lengthOf(docs.subList(0, 30)));
        long sampleLength = lengthOf(docs.subList(0, 30));
        int sampleUnits = 0;
        for (int u = 0; u < units.size() && units.get(u)[0] + units.get(u)[1] <= sampleLength; u++) {
            sample.addUnit(units.get(u)[0], units.get(u)[1], (int) units.get(u)[2], unitLabels.get(u));
            sampleUnits++;
        }
        double[] sampleAlpha = new double[2];
        BenchDatabase.Measured dkproAlpha = BenchDatabase.measure(
                () -> sampleAlpha[0] = new KrippendorffAlphaUnitizingAgreement(sample).calculateAgreement());
        BenchDatabase.Measured fastAlpha = BenchDatabase.measure(() -> sampleAlpha[1] = FastAlphaAccess.alpha(sample));
        Map<String, Double> values = new HashMap<>();
        report[0].measures().forEach(m -> values.put(m.id(), m.overall()));
        BenchResults.record(List.of(new BenchResults.Row("unitizing alpha, " + sampleUnits + " units: ours vs DKPro's",
                BenchResults.scale(), fastAlpha.seconds(), dkproAlpha.seconds(), "s", null, String.format(
                        "30 documents; DKPro sums over every pair of unit and gap; ours the same sum with suffix sums;"
                                + " alpha %.6f vs %.6f", sampleAlpha[1], sampleAlpha[0])),
                new BenchResults.Row("agreement, all measures (" + documents() + " docs, "
                + spans + " spans)", BenchResults.scale(), ours.seconds(), baseline.seconds(), "s", ours.heapPeakMb(),
                String.format("goal < 3 s; ours/DKPro alone: cohen_kappa %.3f/%.3f, fleiss_kappa %.3f/%.3f,"
                        + " alpha %.3f/%.3f (ours merges an annotator's overlapping same-label spans first)",
                        values.get("cohen_kappa"), kappa[0], values.get("fleiss_kappa"), kappa[1],
                        values.get("krippendorff_alpha_unitizing"), kappa[2]))));
    }
}
