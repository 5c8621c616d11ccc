package org.factspan.agreement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a measure computed.
 *
 * @param id the measure's id
 * @param overall the study-wide value; NaN when undefined (then {@code nanReason} says why), {@code null} only for
 *        a measure that has no overall value
 * @param byLabel per label (sorted), NaN where undefined; empty when the measure has no per-label values
 * @param pairs per annotator pair, in input order; empty for measures over all annotators at once
 * @param units how many items the measure looked at (spans, coding units or triples; see each measure)
 * @param nanReason why {@code overall} is NaN; {@code null} when it is defined
 */
public record MeasureResult(String id, Double overall, Map<String, Double> byLabel, List<PairValue> pairs, int units,
        String nanReason) {

    public MeasureResult {
        Objects.requireNonNull(id, "id");
        byLabel = Collections.unmodifiableMap(new LinkedHashMap<>(byLabel));
        pairs = List.copyOf(pairs);
    }

    /** A result whose overall value is undefined. */
    static MeasureResult undefined(String id, int units, String reason) {
        return new MeasureResult(id, Double.NaN, Map.of(), List.of(), units, reason);
    }

    /** True when {@code overall} is a number. */
    public boolean defined() {
        return overall != null && !overall.isNaN();
    }
}
