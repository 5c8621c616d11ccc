package org.factspan.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.factspan.annotation.AnnotatedDocument;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.ProjectAnnotations;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.base.Quote;
import org.factspan.base.Version;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Curation of a project's documents into a gold standard (decision 008), for the project's curators and admins
 * (anyone else: {@link ForbiddenException}, and nothing is stored). The gold standard lives with the annotators'
 * work, owned by the system account {@value AnnotationService#GOLD}; this service decides what goes in and records
 * how. Every change of a document's gold standard names the version it was based on and fails with
 * {@link ConflictException} when another curator changed it in between (optimistic locking).
 */
@Service
public class CurationService {

    /** Results of an automatic merge: how many spans and attributions went into the gold standard. */
    public record MergeResult(int spans, int attributions) {
        public boolean changed() {
            return spans > 0 || attributions > 0;
        }
    }

    /**
     * Result of an accept: the gold span or attribution that now holds the accepted version, how many gold spans
     * it replaced, and how many gold attributions of replaced spans could not be kept (their roles no longer fit).
     */
    public record AcceptResult(Long goldSpan, Long goldAttribution, int replacedSpans, int droppedAttributions) {
    }

    /** Filters of the disagreement list; null: any. {@code settled}: include the ones settled already. */
    public record DisagreementFilter(Long documentId, String label, String annotator, boolean settled) {
        public static DisagreementFilter open() {
            return new DisagreementFilter(null, null, null, false);
        }
    }

    private final CurationCore core;
    private final AnnotationService annotations;
    private final CorpusService corpus;
    private final CurationStateRepository states;
    private final CurationLifecycle lifecycle;
    private final Adjudication adjudication;
    private final GoldEditing goldEditing;

    CurationService(CurationCore core, AnnotationService annotations, CorpusService corpus,
            CurationStateRepository states, CurationLifecycle lifecycle, Adjudication adjudication,
            GoldEditing goldEditing) {
        this.core = core;
        this.annotations = annotations;
        this.corpus = corpus;
        this.states = states;
        this.lifecycle = lifecycle;
        this.adjudication = adjudication;
        this.goldEditing = goldEditing;
    }

    // ------------------------------------------------------------------ reading and disagreements

    /** The curation of a document as it is; no side effects ({@link CurationStatus#NOT_STARTED} if never opened). */
    @Transactional(readOnly = true)
    public DocumentCuration read(Actor actor, String slug, long documentId, boolean anonymous) {
        core.requireCurator(actor, slug);
        return core.build(actor, slug, annotations.documentAnnotations(actor, slug, documentId),
                states.findById(documentId).orElse(null), anonymous);
    }

    /**
     * Every place in the project where the annotators of a document do not agree (positions of the one diff that are
     * not AGREE), most important first ({@link Disagreement#importance}); by default only those not settled yet.
     */
    @Transactional(readOnly = true)
    public List<Disagreement> disagreements(Actor actor, String slug, DisagreementFilter filter, boolean anonymous) {
        core.requireCurator(actor, slug);
        DisagreementFilter f = filter == null ? DisagreementFilter.open() : filter;
        List<DocumentSummary> documents = corpus.listDocuments(actor, slug);
        if (f.documentId() != null && documents.stream().noneMatch(d -> d.id() == f.documentId())) {
            throw new NotFoundException("No document " + f.documentId() + " in project " + slug);
        }
        ProjectInfo project = corpus.requireProject(actor, slug);
        if (f.label() != null && project.label(f.label()).isEmpty()) {
            throw new InvalidRequestException("Unknown label " + Quote.of(f.label()) + "; this project has "
                    + project.labels().stream().map(LabelInfo::name).collect(Collectors.joining(", ")));
        }
        ProjectAnnotations all = annotations.allAnnotations(actor, slug, null);
        Map<String, String> shown = core.display(actor, slug, all.annotators(), anonymous);
        if (f.annotator() != null && !shown.containsValue(f.annotator())) {
            throw new InvalidRequestException(Quote.of(f.annotator()) + " has no spans in project " + slug
                    + "; annotators: " + String.join(", ", shown.values()));
        }
        List<Long> ids = documents.stream().map(DocumentSummary::id).toList();
        Set<Long> withSpans = all.spans().stream().map(ProjectAnnotations.AnnotatedSpan::documentId)
                .collect(Collectors.toSet());
        List<Disagreement> result = new ArrayList<>();
        for (DocumentSummary d : documents) {
            if ((f.documentId() != null && f.documentId() != d.id()) || !withSpans.contains(d.id())) {
                continue;
            }
            // the same review as the curation view's: one list of places behind every count (decision 023)
            AnnotatedDocument doc = annotations.documentAnnotations(actor, slug, d.id());
            CodePoints text = corpus.textIndex(d.id());
            for (Disagreement x : core.review(actor, slug, doc, CurationCore.annotatorsOf(doc), shown)
                    .disagreements(d.id(), d.title(), text)) {
                if ((f.settled() || !x.settled()) && (f.label() == null || x.labels().contains(f.label()))
                        && (f.annotator() == null || x.annotators().contains(f.annotator()))) {
                    result.add(x);
                }
            }
        }
        result.sort(Disagreement.importance(id -> ids.indexOf(id)));
        return result;
    }

    // ------------------------------------------------------------------ lifecycle (CurationLifecycle)

    /**
     * Opens a document for curation. The first time, the gold standard is created and merged automatically with
     * {@code options}; later the state is returned as it is (options are ignored: use {@link #merge}). The merge
     * counts only the work of annotators who marked the document finished, unless {@code options.unfinished()}.
     */
    @Transactional
    public DocumentCuration open(Actor actor, String slug, long documentId, MergeOptions options, boolean anonymous) {
        return lifecycle.open(actor, slug, documentId, options, anonymous);
    }

    /** Merges again (e.g. after annotators added work): adds only where the gold standard has nothing yet. */
    @Transactional
    public Versioned<MergeResult> merge(Actor actor, String slug, DocumentId document, Version version, MergeOptions options) {
        return lifecycle.merge(actor, slug, document.value(), version.value(), options);
    }

    /**
     * Marks the document curated: its gold standard is final until {@link #reopen}. Refused with
     * {@link OpenPlacesException} (naming each place) while places are open, unless {@code override}: then it is
     * marked curated anyway, the audit trail records how many places were open and which, and the document shows it
     * (decision 023). Same permission either way: curators of the project and admins.
     */
    @Transactional
    public long markCurated(Actor actor, String slug, DocumentId document, Version version, boolean override) {
        return lifecycle.markCurated(actor, slug, document.value(), version.value(), override);
    }

    /** Marks the document curated when nothing is open (see {@link #markCurated(Actor, String, DocumentId, Version, boolean)}). */
    @Transactional
    public long markCurated(Actor actor, String slug, DocumentId document, Version version) {
        return lifecycle.markCurated(actor, slug, document.value(), version.value());
    }

    @Transactional
    public long reopen(Actor actor, String slug, DocumentId document, Version version) {
        return lifecycle.reopen(actor, slug, document.value(), version.value());
    }

    /**
     * The statuses of the project's documents (curators and admins): NOT_STARTED for those never opened. For the
     * document list.
     */
    @Transactional(readOnly = true)
    public Map<Long, CurationStatus> statuses(Actor actor, String slug) {
        return lifecycle.statuses(actor, slug);
    }

    /**
     * The ids of the project's documents that are marked curated, for any member of the project (annotators may see
     * what is built on finished gold, such as claim clusters).
     */
    @Transactional(readOnly = true)
    public Set<Long> curatedDocuments(Actor actor, String slug) {
        return lifecycle.curatedDocuments(actor, slug);
    }

    // ------------------------------------------------------------------ adjudication (Adjudication)

    /** Takes a part of an annotator's work into the gold standard (see {@link Accept.What}); provenance adjudicated. */
    @Transactional
    public Versioned<AcceptResult> accept(Actor actor, String slug, DocumentId document, Version version, Accept accept) {
        return adjudication.accept(actor, slug, document.value(), version.value(), accept);
    }

    /**
     * Rejects an annotator's span ({@code attribution} false) or attribution: it is shown as rejected and never
     * merged automatically. Not a change of the gold standard (no version).
     */
    @Transactional
    public void reject(Actor actor, String slug, DocumentId document, long id, boolean attribution) {
        adjudication.reject(actor, slug, document.value(), id, attribution);
    }

    /** Takes a rejection back. */
    @Transactional
    public void unreject(Actor actor, String slug, DocumentId document, long id, boolean attribution) {
        adjudication.unreject(actor, slug, document.value(), id, attribution);
    }

    // ------------------------------------------------------------------ gold editing (GoldEditing)

    @Transactional
    public Versioned<SpanInfo> createGoldSpan(Actor actor, String slug, DocumentId document, Version version, int start,
            int end, String label, Map<String, String> values) {
        return goldEditing.createGoldSpan(actor, slug, document.value(), version.value(), start, end, label, values);
    }

    @Transactional
    public Versioned<AnnotationService.DeletedSpan> deleteGoldSpan(Actor actor, String slug, DocumentId document,
            Version version, SpanId span) {
        return goldEditing.deleteGoldSpan(actor, slug, document.value(), version.value(), span.value());
    }

    @Transactional
    public Versioned<SpanInfo> relabelGoldSpan(Actor actor, String slug, DocumentId document, Version version, SpanId span,
            String label) {
        return goldEditing.relabelGoldSpan(actor, slug, document.value(), version.value(), span.value(), label);
    }

    @Transactional
    public Versioned<SpanInfo> setGoldAttribute(Actor actor, String slug, DocumentId document, Version version, SpanId span,
            String name, String value) {
        return goldEditing.setGoldAttribute(actor, slug, document.value(), version.value(), span.value(), name, value);
    }

    @Transactional
    public Versioned<AttributionInfo> createGoldAttribution(Actor actor, String slug, DocumentId document, Version version,
            Long source, Long cue, long content) {
        return goldEditing.createGoldAttribution(actor, slug, document.value(), version.value(), source, cue, content);
    }

    @Transactional
    public Versioned<AttributionInfo> linkGoldSpans(Actor actor, String slug, DocumentId document, Version version,
            List<Long> spanIds) {
        return goldEditing.linkGoldSpans(actor, slug, document.value(), version.value(), spanIds);
    }

    @Transactional
    public Versioned<AttributionInfo> deleteGoldAttribution(Actor actor, String slug, DocumentId document, Version version,
            long attributionId) {
        return goldEditing.deleteGoldAttribution(actor, slug, document.value(), version.value(), attributionId);
    }

    /** Brings a deleted gold span back under its own id (undo and redo in the curation view; decision 020). */
    @Transactional
    public Versioned<SpanInfo> restoreGoldSpan(Actor actor, String slug, DocumentId document, Version version,
            SpanInfo span) {
        return goldEditing.restoreGoldSpan(actor, slug, document.value(), version.value(), span);
    }

    /** Brings a deleted gold attribution back under its own id. */
    @Transactional
    public Versioned<AttributionInfo> restoreGoldAttribution(Actor actor, String slug, DocumentId document, Version version,
            AttributionInfo triple) {
        return goldEditing.restoreGoldAttribution(actor, slug, document.value(), version.value(), triple);
    }

    /** The gold standard's spans on a document (curators and admins), in document order. */
    @Transactional(readOnly = true)
    public List<SpanInfo> listGoldSpans(Actor actor, String slug, long documentId) {
        return goldEditing.listGoldSpans(actor, slug, documentId);
    }

    /** The gold standard's attributions on a document (curators and admins). */
    @Transactional(readOnly = true)
    public List<AttributionInfo> listGoldAttributions(Actor actor, String slug, long documentId) {
        return goldEditing.listGoldAttributions(actor, slug, documentId);
    }
}
