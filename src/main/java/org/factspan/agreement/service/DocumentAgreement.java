package org.factspan.agreement.service;

/**
 * Agreement on one document: {@code value} is {@link AgreementService#BREAKDOWN_MEASURE} computed on that document
 * alone with the report's annotators, NaN when undefined (then {@code nanReason} says why); {@code spans} counts the
 * selected annotators' spans in it.
 */
public record DocumentAgreement(long id, String name, String title, int length, int spans, double value,
        String nanReason) {

    public boolean defined() {
        return !Double.isNaN(value);
    }
}
