package org.factspan.suggest;

import java.util.Locale;

/** Formats scores for test output. */
final class Figures {

    static String describe(Scores scores) {
        StringBuilder sb = new StringBuilder(line("all", scores.overall()));
        scores.byLabel().forEach((label, c) -> sb.append("; ").append(line(label, c)));
        return sb.toString();
    }

    static String line(String label, Scores.Counts c) {
        return String.format(Locale.ROOT, "%s P=%.3f R=%.3f F1=%.3f (tp %d, fp %d, fn %d)", label, c.precision(),
                c.recall(), c.f1(), c.truePositives(), c.falsePositives(), c.falseNegatives());
    }

    private Figures() {
    }
}
