package org.factspan.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What a dataset card says about an export besides the counts: the project, the annotation set, the filters,
 * when it was made and by which Factspan version, and each label's attributes (label name to descriptions such as
 * {@code verdict: supported|refuted}), and the agreement between the annotators, computed only when a card asks
 * for it (at the end of the export, given the number of spans written) and only once.
 */
public record DatasetInfo(String projectSlug, String projectName, String set, List<String> filters,
        Instant exportedAt, String factspanVersion, Map<String, List<String>> attributes,
        IntFunction<AgreementSummary> agreement) {

    public DatasetInfo {
        filters = filters == null ? List.of() : List.copyOf(filters);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        agreement = agreement == null ? spans -> null : memoize(agreement);
    }

    /** Without an agreement summary. */
    public DatasetInfo(String projectSlug, String projectName, String set, List<String> filters, Instant exportedAt,
            String factspanVersion, Map<String, List<String>> attributes) {
        this(projectSlug, projectName, set, filters, exportedAt, factspanVersion, attributes, null);
    }

    private static IntFunction<AgreementSummary> memoize(IntFunction<AgreementSummary> function) {
        return new IntFunction<>() {
            private AgreementSummary value;
            private boolean done;

            @Override
            public synchronized AgreementSummary apply(int spans) {
                if (!done) {
                    value = function.apply(spans);
                    done = true;
                }
                return value;
            }
        };
    }
}
