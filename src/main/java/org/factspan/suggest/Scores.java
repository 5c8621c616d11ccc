package org.factspan.suggest;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision and recall of predicted extents against gold extents (exact match of start, end and label), overall and
 * per label. Counts add up over documents ({@link #add}); undefined values (nothing predicted, no gold) are NaN.
 */
public record Scores(Counts overall, Map<String, Counts> byLabel) {

    /** True positives, false positives, false negatives. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {

        public static final Counts ZERO = new Counts(0, 0, 0);

        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? Double.NaN : (double) truePositives / predicted;
        }

        public double recall() {
            int gold = truePositives + falseNegatives;
            return gold == 0 ? Double.NaN : (double) truePositives / gold;
        }

        public double f1() {
            int denominator = 2 * truePositives + falsePositives + falseNegatives;
            return denominator == 0 ? Double.NaN : 2.0 * truePositives / denominator;
        }

        Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives,
                    falseNegatives + o.falseNegatives);
        }
    }

    public static final Scores EMPTY = new Scores(Counts.ZERO, Map.of());

    public Scores {
        byLabel = Map.copyOf(byLabel);
    }

    /** Scores of one document; duplicates on either side count once. */
    public static Scores of(Collection<Recommender.Extent> predicted, Collection<Recommender.Extent> gold) {
        Set<Recommender.Extent> p = new HashSet<>(predicted);
        Set<Recommender.Extent> g = new HashSet<>(gold);
        Map<String, Counts> byLabel = new TreeMap<>();
        Set<String> labels = new HashSet<>();
        p.forEach(e -> labels.add(e.label()));
        g.forEach(e -> labels.add(e.label()));
        Counts overall = Counts.ZERO;
        for (String label : labels) {
            int tp = 0;
            int fp = 0;
            for (Recommender.Extent e : p) {
                if (e.label().equals(label)) {
                    if (g.contains(e)) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            int fn = (int) g.stream().filter(e -> e.label().equals(label) && !p.contains(e)).count();
            Counts c = new Counts(tp, fp, fn);
            byLabel.put(label, c);
            overall = overall.plus(c);
        }
        return new Scores(overall, byLabel);
    }

    public Scores add(Scores o) {
        Map<String, Counts> merged = new TreeMap<>(byLabel);
        o.byLabel.forEach((label, c) -> merged.merge(label, c, Counts::plus));
        return new Scores(overall.plus(o.overall), merged);
    }

    public Counts label(String label) {
        return byLabel.getOrDefault(label, Counts.ZERO);
    }
}
