package org.factspan.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factspan.diff.Diff;
import org.factspan.diff.Triple;

/**
 * {@code attribution_f1}: per annotator pair, attribution triples match when their content spans have the same
 * extent and their source spans have the same extent (both without a source also matches); the cue and the span
 * labels are ignored ({@link Diff#tripleMatches}). F1 = 2·matches / (|A| + |B|) over triples, pooled over
 * documents; overall is the mean over pairs. No per-label values. {@code units} counts all triples.
 */
public final class AttributionF1Measure implements AgreementMeasure {

    public static final String ID = "attribution_f1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public MeasureResult compute(AgreementInput input) {
        List<String> annotators = input.annotators();
        int triples = input.triples().size();
        if (annotators.size() < 2) {
            return MeasureResult.undefined(ID, triples, "needs at least two annotators");
        }
        if (triples == 0) {
            return MeasureResult.undefined(ID, 0, "no attributions");
        }
        List<Diff> diffs = input.diffs();
        List<PairValue> pairs = new ArrayList<>();
        for (int i = 0; i < annotators.size(); i++) {
            for (int j = i + 1; j < annotators.size(); j++) {
                String a = annotators.get(i);
                String b = annotators.get(j);
                int matches = diffs.stream().mapToInt(d -> d.tripleMatches(a, b).size()).sum();
                pairs.add(new PairValue(a, b, PairwiseF1.f1(matches, count(input, a), count(input, b))));
            }
        }
        double overall = Means.meanOfDefined(pairs.stream().map(PairValue::value).toList());
        return new MeasureResult(ID, overall, Map.of(), pairs, triples,
                Double.isNaN(overall) ? "no pair of annotators has attributions" : null);
    }

    private static int count(AgreementInput input, String annotator) {
        return (int) input.triples().stream().map(Triple::annotator).filter(annotator::equals).count();
    }
}
