package org.factspan.agreement;

import org.factspan.diff.Diff;

/**
 * {@code span_f1_exact}: per annotator pair, spans match when start, end and label are all equal (one-to-one,
 * {@link Diff#exactMatches}); F1 = 2·matches / (|A| + |B|) pooled over all documents. Overall and per label: mean
 * over pairs. {@code units} counts all spans.
 */
public final class SpanF1ExactMeasure implements AgreementMeasure {

    public static final String ID = "span_f1_exact";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Span F1 (exact)";
    }

    @Override
    public String definition() {
        return "Share of spans two annotators both have with exactly the same extent and label";
    }

    @Override
    public MeasureResult compute(AgreementInput input) {
        return PairwiseF1.compute(ID, input, (diff, a, b) -> input.diffCache().exactMatches(diff, a, b));
    }
}
