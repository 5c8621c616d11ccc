package org.factspan.agreement;

/** One agreement measure with a stable id (used in URLs, exports and stored results). */
public interface AgreementMeasure {

    /** Stable id, e.g. {@code span_f1_exact}. */
    String id();

    /** The measure's name in words, as a curator reads it ("Cohen's κ"); REST keeps {@link #id()}. */
    String title();

    /** One line saying what the measure counts (the hover text next to its name). */
    String definition();

    /** Computes the measure; undefined values are NaN with a reason, never an exception. */
    MeasureResult compute(AgreementInput input);
}
