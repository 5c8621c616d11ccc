package org.factspan.agreement;

import java.util.ArrayList;
import java.util.List;
import org.factspan.diff.Triple;
import org.factspan.diff.Unit;

/** Builds {@link AgreementInput}s for tests: spans get fresh ids, triples name spans by the units returned. */
final class StudyBuilder {

    private final List<String> annotators;
    private final List<AgreementDocument> documents = new ArrayList<>();
    private final List<Unit> units = new ArrayList<>();
    private final List<Triple> triples = new ArrayList<>();
    private long nextId = 1;

    StudyBuilder(String... annotators) {
        this.annotators = List.of(annotators);
    }

    StudyBuilder doc(String id, int length) {
        documents.add(new AgreementDocument(id, length));
        return this;
    }

    /** Adds a span in the last added document. */
    Unit span(String annotator, int start, int end, String label) {
        return span(annotator, documents.getLast().id(), start, end, label);
    }

    Unit span(String annotator, String documentId, int start, int end, String label) {
        Unit unit = new Unit(annotator, documentId, nextId++, start, end, label);
        units.add(unit);
        return unit;
    }

    Triple triple(Unit source, Unit cue, Unit content) {
        Triple triple = new Triple(content.annotator(), content.documentId(), nextId++,
                source == null ? null : source.id(), cue == null ? null : cue.id(), content.id());
        triples.add(triple);
        return triple;
    }

    AgreementInput build() {
        return new AgreementInput(annotators, documents, units, triples);
    }
}
