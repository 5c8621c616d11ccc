package org.factspan.export;

import java.util.List;

/**
 * The agreement a dataset card shows: a few measures' overall values over the exported documents, or why there are
 * none ({@code note}).
 */
public record AgreementSummary(List<Value> values, String note) {

    /** One measure: its overall value ({@code null} when undefined, then {@code reason} says why). */
    public record Value(String measure, Double value, int units, String reason) {
    }

    public AgreementSummary {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
