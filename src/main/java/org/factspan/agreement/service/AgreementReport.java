package org.factspan.agreement.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.factspan.agreement.MeasureResult;

/**
 * The result of one agreement computation.
 *
 * @param measures one result per measure, sorted by id
 * @param documents the selected documents in project order, each with its own agreement
 * @param annotators the annotators compared, sorted (the order of the pairs)
 */
public record AgreementReport(List<MeasureResult> measures, List<DocumentAgreement> documents,
        List<String> annotators) {

    public AgreementReport {
        measures = List.copyOf(measures);
        documents = List.copyOf(documents);
        annotators = List.copyOf(annotators);
    }

    public Optional<MeasureResult> measure(String id) {
        return measures.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The documents by agreement, lowest first; undefined ones last, each group in project order. */
    public List<DocumentAgreement> worstFirst() {
        return documents.stream()
                .sorted(Comparator.comparing((DocumentAgreement d) -> !d.defined())
                        .thenComparingDouble(d -> d.defined() ? d.value() : 0))
                .toList();
    }
}
