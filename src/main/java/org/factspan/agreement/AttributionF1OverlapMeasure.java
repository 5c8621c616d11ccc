package org.factspan.agreement;

import org.factspan.diff.Diff;

/**
 * {@code attribution_f1_overlap}: as {@link AttributionF1Measure}, but two annotators' triples match when their
 * claims overlap, their sources overlap (or neither has a source) and their cues overlap (or neither has a cue),
 * matched one-to-one as many as possible ({@link Diff#tripleOverlapMatches}). Two annotators who linked the same
 * source and cue to claims that differ by a word agree here, where the exact measure says 0 (decision 023).
 */
public final class AttributionF1OverlapMeasure implements AgreementMeasure {

    public static final String ID = "attribution_f1_overlap";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Attribution F1 (overlap)";
    }

    @Override
    public String definition() {
        return "Share of attribution triples two annotators both have, counting claims, sources and cues that"
                + " overlap as the same";
    }

    @Override
    public MeasureResult compute(AgreementInput input) {
        return AttributionF1Measure.pairwise(ID, input, Diff::tripleOverlapMatches);
    }
}
