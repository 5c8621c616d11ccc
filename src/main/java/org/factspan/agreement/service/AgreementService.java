package org.factspan.agreement.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.factspan.base.Quote;
import org.factspan.agreement.AgreementDocument;
import org.factspan.agreement.AgreementInput;
import org.factspan.agreement.AgreementMeasure;
import org.factspan.agreement.MeasureResult;
import org.factspan.agreement.SpanF1ExactMeasure;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.ProjectAnnotations;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.diff.Diff;
import org.factspan.diff.Triple;
import org.factspan.diff.Unit;
import org.factspan.security.Actor;
import org.springframework.stereotype.Service;

/**
 * Inter-annotator agreement of a project: reads every annotator's spans and triples (curators of the project and
 * admins only, checked by {@link AnnotationService#allAnnotations}), builds one {@link AgreementInput} and runs every
 * {@link AgreementMeasure} on it. Reading happens in short read-only transactions; computing holds no connection.
 */
@Service
public class AgreementService {

    /** The measure computed per document for the breakdown. */
    public static final String BREAKDOWN_MEASURE = SpanF1ExactMeasure.ID;

    private final AnnotationService annotations;
    private final CorpusService corpus;
    private final List<AgreementMeasure> measures;
    private final AgreementMeasure breakdown;

    AgreementService(AnnotationService annotations, CorpusService corpus, List<AgreementMeasure> measures) {
        this.annotations = annotations;
        this.corpus = corpus;
        this.measures = measures.stream().sorted(Comparator.comparing(AgreementMeasure::id)).toList();
        Set<String> ids = new HashSet<>();
        for (AgreementMeasure measure : this.measures) {
            if (!ids.add(measure.id())) {
                throw new IllegalStateException("Two agreement measures have the id " + measure.id());
            }
        }
        this.breakdown = this.measures.stream().filter(m -> m.id().equals(BREAKDOWN_MEASURE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No measure " + BREAKDOWN_MEASURE));
    }

    /** The ids of all measures, sorted. */
    /** A measure's name in words ("Cohen's κ"); the id itself when unknown. */
    public String title(String measureId) {
        return measures.stream().filter(m -> m.id().equals(measureId)).map(AgreementMeasure::title).findFirst()
                .orElse(measureId);
    }

    /** A measure's one-line definition; empty when unknown. */
    public String definition(String measureId) {
        return measures.stream().filter(m -> m.id().equals(measureId)).map(AgreementMeasure::definition).findFirst()
                .orElse("");
    }

    public List<String> measureIds() {
        return measures.stream().map(AgreementMeasure::id).toList();
    }

    /** Documents, annotators and measures to choose from; refused like {@link #compute}. */
    public AgreementOptions options(Actor actor, String slug) {
        ProjectAnnotations all = annotations.allAnnotations(actor, slug, null);
        return new AgreementOptions(corpus.listDocuments(actor, slug), List.copyOf(all.annotators()), measureIds());
    }

    /**
     * Computes every measure.
     *
     * @param documentIds documents to include (any order; the study uses project order); null or empty: all
     * @param annotatorNames annotators to compare; null or empty: everyone with a span in the selected documents
     * @throws org.factspan.base.ForbiddenException unless the actor is an admin or a curator of the project
     * @throws NotFoundException for a document id that is not in the project
     * @throws InvalidRequestException for an annotator without spans in the project
     */
    public AgreementReport compute(Actor actor, String slug, Collection<Long> documentIds,
            Collection<String> annotatorNames) {
        Study study = study(actor, slug, documentIds, annotatorNames);
        // the diffs first (every measure but the kappas and alpha reads them), then the measures side by side: they
        // only read the input, and a request's answer waits for the slowest, not for the sum
        study.input().diffs();
        List<MeasureResult> results = measures.parallelStream().map(m -> m.compute(study.input())).toList();

        Map<String, List<Unit>> unitsByDocument = study.input().units().stream()
                .collect(Collectors.groupingBy(Unit::documentId));
        List<String> annotators = study.input().annotators();
        List<Diff> diffs = study.input().diffs(); // built already for the measures, in document order
        List<DocumentAgreement> perDocument = IntStream.range(0, study.documents().size()).parallel().mapToObj(i -> {
            DocumentSummary d = study.documents().get(i);
            AgreementDocument one = new AgreementDocument(String.valueOf(d.id()), d.length());
            List<Unit> own = unitsByDocument.getOrDefault(one.id(), List.of());
            // the document's diff of the request (its triples are not read by the span measure)
            MeasureResult result = breakdown.compute(new AgreementInput(annotators, List.of(one), own, List.of(),
                    study.input().diffCache().share(List.of(diffs.get(i)))));
            double value = result.overall() == null ? Double.NaN : result.overall();
            return new DocumentAgreement(d.id(), d.name(), d.title(), d.length(), own.size(), value,
                    Double.isNaN(value) ? result.nanReason() : null);
        }).toList();
        return new AgreementReport(results, perDocument, annotators);
    }

    /**
     * Only the named measures over the documents and everyone with spans in them, without the per-document
     * breakdown (what a dataset card shows). Refused like {@link #compute}; an unknown measure id is an
     * {@link InvalidRequestException}.
     */
    public List<MeasureResult> overall(Actor actor, String slug, Collection<Long> documentIds,
            Collection<String> measureIds) {
        List<AgreementMeasure> chosen = new ArrayList<>();
        for (String id : new LinkedHashSet<>(measureIds)) {
            chosen.add(measures.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(
                    () -> new InvalidRequestException("Unknown agreement measure " + Quote.of(id) + "; measures: "
                            + String.join(", ", measureIds()))));
        }
        AgreementInput input = study(actor, slug, documentIds, null).input();
        return chosen.parallelStream().map(m -> m.compute(input)).toList();
    }

    private record Study(List<DocumentSummary> documents, AgreementInput input) {
    }

    private Study study(Actor actor, String slug, Collection<Long> documentIds, Collection<String> annotatorNames) {
        ProjectAnnotations all = annotations.allAnnotations(actor, slug, null);
        List<DocumentSummary> documents = selectDocuments(corpus.listDocuments(actor, slug), documentIds, slug);
        Set<Long> selected = documents.stream().map(DocumentSummary::id).collect(Collectors.toSet());
        List<String> annotators = selectAnnotators(all, selected, annotatorNames, slug);
        Set<String> compared = Set.copyOf(annotators);

        List<Unit> units = all.spans().stream()
                .filter(s -> selected.contains(s.documentId()) && compared.contains(s.annotator()))
                .map(s -> new Unit(s.annotator(), String.valueOf(s.documentId()), s.id(), s.start(), s.end(), s.label()))
                .toList();
        List<Triple> triples = all.attributions().stream()
                .filter(a -> selected.contains(a.documentId()) && compared.contains(a.annotator()))
                .map(a -> new Triple(a.annotator(), String.valueOf(a.documentId()), a.id(), a.source(), a.cue(),
                        a.content()))
                .toList();
        List<AgreementDocument> studyDocuments = documents.stream()
                .map(d -> new AgreementDocument(String.valueOf(d.id()), d.length())).toList();
        return new Study(documents, new AgreementInput(annotators, studyDocuments, units, triples));
    }

    private static List<DocumentSummary> selectDocuments(List<DocumentSummary> inProject, Collection<Long> ids,
            String slug) {
        if (ids == null || ids.isEmpty()) {
            return inProject;
        }
        Map<Long, DocumentSummary> byId = inProject.stream()
                .collect(Collectors.toMap(DocumentSummary::id, Function.identity()));
        for (Long id : ids) {
            if (id == null || !byId.containsKey(id)) {
                throw new NotFoundException("No document " + id + " in project " + slug);
            }
        }
        Set<Long> wanted = new HashSet<>(ids);
        return inProject.stream().filter(d -> wanted.contains(d.id())).toList();
    }

    private static List<String> selectAnnotators(ProjectAnnotations all, Set<Long> selectedDocuments,
            Collection<String> names, String slug) {
        if (names == null || names.isEmpty()) {
            return all.spans().stream().filter(s -> selectedDocuments.contains(s.documentId()))
                    .map(ProjectAnnotations.AnnotatedSpan::annotator).collect(Collectors.toCollection(TreeSet::new))
                    .stream().toList();
        }
        Set<String> known = all.annotators();
        for (String name : new LinkedHashSet<>(names)) {
            if (!known.contains(name)) {
                throw new InvalidRequestException(Quote.of(name) + " has no spans in project " + slug
                        + "; annotators with spans: " + String.join(", ", known));
            }
        }
        return List.copyOf(new TreeSet<>(names));
    }
}
