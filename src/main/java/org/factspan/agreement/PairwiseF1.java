package org.factspan.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.diff.Diff;
import org.factspan.diff.Unit;
import org.factspan.diff.UnitPair;

/**
 * Pairwise span F1 shared by the exact and the overlap measure. For annotators a and b, with M one-to-one matches
 * over all documents, F1 = 2M / (|A| + |B|) (symmetric, equal to the harmonic mean of precision and recall with
 * either as reference); NaN when neither has a span. Overall and per label: the mean over pairs whose value is
 * defined.
 */
final class PairwiseF1 {

    /** Finds the one-to-one matches of two annotators in one document. */
    interface Matcher {
        List<UnitPair> matches(Diff diff, String a, String b);
    }

    private PairwiseF1() {
    }

    static MeasureResult compute(String id, AgreementInput input, Matcher matcher) {
        List<String> annotators = input.annotators();
        int units = input.units().size();
        if (annotators.size() < 2) {
            return MeasureResult.undefined(id, units, "needs at least two annotators");
        }
        if (units == 0) {
            return MeasureResult.undefined(id, 0, "no spans");
        }
        List<Diff> diffs = input.diffs();
        List<String> labels = input.labels();
        Map<String, Map<String, Integer>> countByAnnotatorAndLabel = new HashMap<>();
        for (Unit unit : input.units()) {
            countByAnnotatorAndLabel.computeIfAbsent(unit.annotator(), k -> new HashMap<>())
                    .merge(unit.label(), 1, Integer::sum);
        }
        List<PairValue> pairs = new ArrayList<>();
        Map<String, List<Double>> perLabel = new LinkedHashMap<>();
        labels.forEach(l -> perLabel.put(l, new ArrayList<>()));
        for (int i = 0; i < annotators.size(); i++) {
            for (int j = i + 1; j < annotators.size(); j++) {
                String a = annotators.get(i);
                String b = annotators.get(j);
                Map<String, Integer> matchesByLabel = new HashMap<>();
                for (Diff diff : diffs) {
                    for (UnitPair pair : matcher.matches(diff, a, b)) {
                        matchesByLabel.merge(pair.a().label(), 1, Integer::sum);
                    }
                }
                Map<String, Integer> countsA = countByAnnotatorAndLabel.getOrDefault(a, Map.of());
                Map<String, Integer> countsB = countByAnnotatorAndLabel.getOrDefault(b, Map.of());
                int matches = matchesByLabel.values().stream().mapToInt(Integer::intValue).sum();
                int sizeA = countsA.values().stream().mapToInt(Integer::intValue).sum();
                int sizeB = countsB.values().stream().mapToInt(Integer::intValue).sum();
                pairs.add(new PairValue(a, b, f1(matches, sizeA, sizeB)));
                for (String label : labels) {
                    perLabel.get(label).add(f1(matchesByLabel.getOrDefault(label, 0), countsA.getOrDefault(label, 0),
                            countsB.getOrDefault(label, 0)));
                }
            }
        }
        Map<String, Double> byLabel = new LinkedHashMap<>();
        perLabel.forEach((label, values) -> byLabel.put(label, Means.meanOfDefined(values)));
        double overall = Means.meanOfDefined(pairs.stream().map(PairValue::value).toList());
        return new MeasureResult(id, overall, byLabel, pairs, units,
                Double.isNaN(overall) ? "no pair of annotators has spans" : null);
    }

    /** 2M / (|A| + |B|), NaN when both are empty. */
    static double f1(int matches, int sizeA, int sizeB) {
        return sizeA + sizeB == 0 ? Double.NaN : 2.0 * matches / (sizeA + sizeB);
    }
}
