package org.factspan.agreement;

import java.util.List;

/** Averaging helpers that skip undefined values. */
final class Means {

    private Means() {
    }

    /** Arithmetic mean of the non-NaN values; NaN when there are none. */
    static double meanOfDefined(List<Double> values) {
        return values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
