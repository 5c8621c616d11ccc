package org.factspan.agreement;

/** A measure's value for one pair of annotators ({@code a} before {@code b} in the input's order); may be NaN. */
public record PairValue(String a, String b, double value) {
}
