package org.factspan.curation;

import org.factspan.base.InvalidRequestException;

/**
 * How to merge automatically.
 *
 * @param mode what to merge
 * @param threshold for {@link MergeMode#MAJORITY}: the smallest share of the document's annotators (0 &lt; t &le; 1)
 *        that must have a version for it to be taken; ignored otherwise
 * @param unfinished also count the work of annotators who have not marked the document finished (an explicit choice
 *        the curation state records; by default only finished work is merged, decision 023)
 */
public record MergeOptions(MergeMode mode, double threshold, boolean unfinished) {

    /** Finished work only. */
    public MergeOptions(MergeMode mode, double threshold) {
        this(mode, threshold, false);
    }

    /** The default majority threshold: half of the annotators. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    public MergeOptions {
        if (mode == null) {
            mode = MergeMode.UNANIMOUS;
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new InvalidRequestException("The majority threshold must be a share of the annotators above 0 and"
                    + " at most 1, not " + threshold);
        }
    }

    public static MergeOptions unanimous() {
        return new MergeOptions(MergeMode.UNANIMOUS, DEFAULT_THRESHOLD);
    }

    public static MergeOptions majority(double threshold) {
        return new MergeOptions(MergeMode.MAJORITY, threshold);
    }

    public static MergeOptions none() {
        return new MergeOptions(MergeMode.NONE, DEFAULT_THRESHOLD);
    }

    /** From request parameters: mode id (default unanimous) and threshold (default 0.5). */
    public static MergeOptions of(String mode, Double threshold) {
        return of(mode, threshold, null);
    }

    /** From request parameters; {@code unfinished} null: finished work only. */
    public static MergeOptions of(String mode, Double threshold, Boolean unfinished) {
        return new MergeOptions(MergeMode.of(mode), threshold == null ? DEFAULT_THRESHOLD : threshold,
                Boolean.TRUE.equals(unfinished));
    }

    /** The same, also counting unfinished work (or not). */
    public MergeOptions withUnfinished(boolean include) {
        return new MergeOptions(mode, threshold, include);
    }
}
