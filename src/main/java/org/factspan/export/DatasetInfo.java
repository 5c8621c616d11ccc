package org.factspan.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a dataset card says about an export besides the counts: the project, the annotation set, the filters,
 * when it was made and by which Factspan version, and each label's attributes (label name to descriptions such as
 * {@code verdict: supported|refuted}), and the agreement between the annotators, computed only when a card asks
 * for it (at the end of the export) and only once.
 */
public record DatasetInfo(String projectSlug, String projectName, String set, List<String> filters,
        Instant exportedAt, String factspanVersion, Map<String, List<String>> attributes,
        Supplier<AgreementSummary> agreement) {

    public DatasetInfo {
        filters = filters == null ? List.of() : List.copyOf(filters);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        agreement = agreement == null ? () -> null : memoize(agreement);
    }

    /** Without an agreement summary. */
    public DatasetInfo(String projectSlug, String projectName, String set, List<String> filters, Instant exportedAt,
            String factspanVersion, Map<String, List<String>> attributes) {
        this(projectSlug, projectName, set, filters, exportedAt, factspanVersion, attributes, null);
    }

    private static Supplier<AgreementSummary> memoize(Supplier<AgreementSummary> supplier) {
        return new Supplier<>() {
            private AgreementSummary value;
            private boolean done;

            @Override
            public synchronized AgreementSummary get() {
                if (!done) {
                    value = supplier.get();
                    done = true;
                }
                return value;
            }
        };
    }
}
