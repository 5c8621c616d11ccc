package org.factspan.agreement;

import org.factspan.diff.Diff;

/**
 * {@code span_f1_overlap}: like {@link SpanF1ExactMeasure}, but spans match when they have the same label and
 * share at least one code point, matched one-to-one so that the number of matches is maximal (maximum bipartite
 * matching per label and document, {@link Diff#overlapMatches}). Never below the exact F1.
 */
public final class SpanF1OverlapMeasure implements AgreementMeasure {

    public static final String ID = "span_f1_overlap";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Span F1 (overlap)";
    }

    @Override
    public String definition() {
        return "Share of spans two annotators both have with the same label and overlapping extents";
    }

    @Override
    public MeasureResult compute(AgreementInput input) {
        return PairwiseF1.compute(ID, input, Diff::overlapMatches);
    }
}
