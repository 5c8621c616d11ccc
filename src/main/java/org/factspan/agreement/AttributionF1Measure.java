package org.factspan.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factspan.diff.Diff;
import org.factspan.diff.Triple;
import org.factspan.diff.TriplePair;

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
        return pairwise(ID, input, Diff::tripleMatches);
    }

    @Override
    public String title() {
        return "Attribution F1 (exact)";
    }

    @Override
    public String definition() {
        return "Share of attribution triples two annotators both have, with the same claim and the same source"
                + " (cue ignored)";
    }

    /** How two annotators' triples of one document are matched. */
    interface TripleMatcher {
        List<TriplePair> matches(Diff diff, String a, String b);
    }

    /** Pairwise F1 over triples with the given matching, pooled over documents; overall: the mean over pairs. */
    static MeasureResult pairwise(String id, AgreementInput input, TripleMatcher matcher) {
        List<String> annotators = input.annotators();
        int triples = input.triples().size();
        if (annotators.size() < 2) {
            return MeasureResult.undefined(id, triples, "needs at least two annotators");
        }
        if (triples == 0) {
            return MeasureResult.undefined(id, 0, "no attributions");
        }
        List<Diff> diffs = input.diffs();
        List<PairValue> pairs = new ArrayList<>();
        for (int i = 0; i < annotators.size(); i++) {
            for (int j = i + 1; j < annotators.size(); j++) {
                String a = annotators.get(i);
                String b = annotators.get(j);
                int matches = diffs.stream().mapToInt(d -> matcher.matches(d, a, b).size()).sum();
                pairs.add(new PairValue(a, b, PairwiseF1.f1(matches, count(input, a), count(input, b))));
            }
        }
        double overall = Means.meanOfDefined(pairs.stream().map(PairValue::value).toList());
        return new MeasureResult(id, overall, Map.of(), pairs, triples,
                Double.isNaN(overall) ? "no pair of annotators has attributions" : null);
    }

    private static int count(AgreementInput input, String annotator) {
        return (int) input.triples().stream().map(Triple::annotator).filter(annotator::equals).count();
    }
}
