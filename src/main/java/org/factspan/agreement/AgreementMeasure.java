package org.factspan.agreement;

/** One agreement measure with a stable id (used in URLs, exports and stored results). */
public interface AgreementMeasure {

    /** Stable id, e.g. {@code span_f1_exact}. */
    String id();

    /** Computes the measure; undefined values are NaN with a reason, never an exception. */
    MeasureResult compute(AgreementInput input);
}
