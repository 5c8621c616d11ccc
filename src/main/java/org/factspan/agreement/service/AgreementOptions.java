package org.factspan.agreement.service;

import java.util.List;
import org.factspan.corpus.DocumentSummary;

/**
 * What the agreement filters can choose from: the project's documents in project order, the annotators with at
 * least one span in the project (sorted) and the measure ids (sorted).
 */
public record AgreementOptions(List<DocumentSummary> documents, List<String> annotators, List<String> measures) {

    public AgreementOptions {
        documents = List.copyOf(documents);
        annotators = List.copyOf(annotators);
        measures = List.copyOf(measures);
    }
}
