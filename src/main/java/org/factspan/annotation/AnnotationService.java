package org.factspan.annotation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.factspan.base.CodePoints;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spans, their attributes and attribution triples of one owner on one document. Everyone who may open
 * a document (admin or project member) annotates it for themselves, and sees only their own work.
 * The one other owner is the gold standard ({@link #gold}, the system account {@value #GOLD}): the project's
 * curators and admins read and change it, and every change records its provenance (decision 008).
 * Changes are refused while the project is archived, and for one's own work while one has marked the document
 * finished ({@link CorpusService#requireEditableDocument}). Every refused call throws before anything is stored.
 *
 * <p>The module's one annotation service: it keeps the per-document reads, the permission-checked entry points and
 * the transactions; its sections live in package-private pieces: {@link AnnotationGuards} (who may change what,
 * locks, provenance stamps, the audit entry and the row-to-record mapping every method shares), {@link SpanWrites}
 * (creating, deleting, relabelling, restoring spans and setting their attributes), {@link TripleWrites} (creating,
 * linking, restoring and deleting attribution triples) and {@link ProjectAnnotationReads} (everyone's work across a
 * project, and the repair of broken triples).
 */
@Service
public class AnnotationService {

    /** The system account that owns the gold standard (created by migration V3; it never logs in). */
    public static final String GOLD = "gold";

    /** Why an attribution without source and cue is refused, in the project's label names. */
    static String noSourceNorCue(ProjectInfo project) {
        return "An attribution needs a " + roleName(project, LabelKind.SOURCE) + " span or a cue span (or both)"
                + " besides its " + roleName(project, LabelKind.CONTENT) + " span: a claim alone is attributed to nobody";
    }

    /** The name of the project's label with {@code role}, or the role in words when the schema has none. */
    static String roleName(ProjectInfo project, LabelKind role) {
        var label = role == LabelKind.CONTENT ? project.contentLabel() : project.sourceLabel();
        return label.map(LabelInfo::name).orElse(role == LabelKind.CONTENT ? "content" : "source");
    }


    /** A deleted span with what went with it, so that undo can restore both. */
    public record DeletedSpan(SpanInfo span, List<AttributionInfo> attributions) {
    }

    private final SpanRepository spans;
    private final SpanAttributeRepository attributes;
    private final AttributionRepository attributions;
    private final CorpusService corpus;
    private final AnnotationGuards guards;
    private final ProjectAnnotationReads projectReads;
    private final SpanWrites spanWrites;
    private final TripleWrites tripleWrites;

    AnnotationService(SpanRepository spans, SpanAttributeRepository attributes, AttributionRepository attributions,
            CorpusService corpus, AnnotationGuards guards, ProjectAnnotationReads projectReads, SpanWrites spanWrites,
            TripleWrites tripleWrites) {
        this.spans = spans;
        this.attributes = attributes;
        this.attributions = attributions;
        this.corpus = corpus;
        this.guards = guards;
        this.projectReads = projectReads;
        this.spanWrites = spanWrites;
        this.tripleWrites = tripleWrites;
    }

    /** The gold standard as an owner, stamping {@code stamp} on what a call creates or changes. */
    public Owner gold(Provenance.Kind stamp) {
        return new Owner(guards.goldId(), GOLD, stamp);
    }

    /** True for the gold standard's owner. */
    public boolean isGold(Owner owner) {
        return owner.userId() == guards.goldId();
    }


    @Transactional(readOnly = true)
    public List<SpanInfo> listMySpans(Actor actor, String slug, long documentId) {
        return listSpans(actor, Owner.of(actor), slug, documentId);
    }

    /** The owner's spans on a document, in document order (another owner than oneself: the gold standard only). */
    @Transactional(readOnly = true)
    public List<SpanInfo> listSpans(Actor actor, Owner owner, String slug, long documentId) {
        guards.requireMayUse(actor, owner, slug);
        corpus.requireDocument(actor, slug, documentId);
        List<Span> mine = spans.findByDocumentIdAndUserIdOrderByStartAscEndAscIdAsc(documentId, owner.userId());
        Map<Long, Map<String, String>> values = new LinkedHashMap<>();
        for (SpanAttribute a : attributes.findOfDocumentAndUser(documentId, owner.userId())) {
            values.computeIfAbsent(a.getSpanId(), k -> new TreeMap<>()).put(a.getName(), a.getValue());
        }
        CodePoints text = corpus.textIndex(documentId);
        return mine.stream().map(s -> AnnotationGuards.toInfo(s, text, owner.username(), values.getOrDefault(s.getId(), Map.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<AttributionInfo> listMyAttributions(Actor actor, String slug, long documentId) {
        return listAttributions(actor, Owner.of(actor), slug, documentId);
    }

    @Transactional(readOnly = true)
    public List<AttributionInfo> listAttributions(Actor actor, Owner owner, String slug, long documentId) {
        guards.requireMayUse(actor, owner, slug);
        corpus.requireDocument(actor, slug, documentId);
        Set<Long> spanIds = Set.copyOf(spans.idsOf(documentId, owner.userId()));
        return AnnotationGuards.resolvable(attributions.findByDocumentIdAndUserIdOrderById(documentId, owner.userId()).stream()
                .map(Attribution::toInfo).toList(), spanIds, a -> a);
    }

    /** Provenance of the owner's spans and attributions on a document, by id (only gold items have one). */
    @Transactional(readOnly = true)
    public Provenances provenance(Actor actor, Owner owner, String slug, long documentId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        corpus.requireDocument(actor, slug, documentId);
        return new Provenances(provenanceMap(spans.provenanceOf(documentId, owner.userId())),
                provenanceMap(attributions.provenanceOf(documentId, owner.userId())));
    }

    /** Provenance by span id and by attribution id. */
    public record Provenances(Map<Long, Provenance> spans, Map<Long, Provenance> attributions) {
        public Provenances {
            spans = Map.copyOf(spans);
            attributions = Map.copyOf(attributions);
        }
    }

    private static Map<Long, Provenance> provenanceMap(List<Object[]> rows) {
        Map<Long, Provenance> result = new java.util.HashMap<>();
        for (Object[] r : rows) {
            result.put(((Number) r[0]).longValue(), new Provenance(Provenance.Kind.of((String) r[1]), (String) r[2],
                    (java.time.Instant) r[3]));
        }
        return result;
    }

    @Transactional
    public SpanInfo createSpan(Actor actor, String slug, long documentId, int start, int end, String label) {
        return createSpan(actor, slug, documentId, start, end, label, Map.of());
    }

    /** Creates a span with attribute values (all validated first). */
    @Transactional
    public SpanInfo createSpan(Actor actor, String slug, long documentId, int start, int end, String label,
            Map<String, String> values) {
        return createSpan(actor, Owner.of(actor), slug, documentId, start, end, label, values);
    }

    /** Creates a span for {@code owner} (oneself, or for curators and admins the gold standard). */
    @Transactional
    public SpanInfo createSpan(Actor actor, Owner owner, String slug, long documentId, int start, int end,
            String label, Map<String, String> values) {
        return spanWrites.createSpan(actor, owner, slug, documentId, start, end, label, values);
    }

    /** Deletes the caller's span, its attributes and every attribution that uses it. */
    @Transactional
    public DeletedSpan deleteSpan(Actor actor, String slug, DocumentId document, SpanId span) {
        return deleteSpan(actor, Owner.of(actor), slug, document, span);
    }

    @Transactional
    public DeletedSpan deleteSpan(Actor actor, Owner owner, String slug, DocumentId document, SpanId span) {
        return spanWrites.deleteSpan(actor, owner, slug, document, span);
    }

    /** The caller's attributions on a document that use a span (asked before deleting it). */
    @Transactional(readOnly = true)
    public List<AttributionInfo> attributionsUsing(Actor actor, DocumentId document, SpanId span) {
        return spanWrites.attributionsUsing(Owner.of(actor), document.value(), span.value());
    }

    /**
     * Gives a span another label. Attribute values the new label does not define are dropped; the
     * returned span before the change carries them, for undo.
     */
    @Transactional
    public SpanInfo relabelSpan(Actor actor, String slug, DocumentId document, SpanId span, String label) {
        return relabelSpan(actor, Owner.of(actor), slug, document, span, label);
    }

    @Transactional
    public SpanInfo relabelSpan(Actor actor, Owner owner, String slug, DocumentId document, SpanId span,
            String label) {
        return spanWrites.relabelSpan(actor, owner, slug, document, span, label);
    }

    /** Sets (or, with a null or blank value, removes) an attribute of the caller's span. */
    @Transactional
    public SpanInfo setAttribute(Actor actor, String slug, DocumentId document, SpanId span, String name,
            String value) {
        return setAttribute(actor, Owner.of(actor), slug, document, span, name, value);
    }

    @Transactional
    public SpanInfo setAttribute(Actor actor, Owner owner, String slug, DocumentId document, SpanId span,
            String name, String value) {
        return spanWrites.setAttribute(actor, owner, slug, document, span, name, value);
    }

    /**
     * Creates an attribution triple from the caller's spans: content (the label with the content role) required,
     * source (the label with the source role) and cue (a cue label) optional.
     */
    @Transactional
    public AttributionInfo createAttribution(Actor actor, String slug, long documentId, Long source, Long cue,
            long content) {
        return createAttribution(actor, Owner.of(actor), slug, documentId, source, cue, content);
    }

    @Transactional
    public AttributionInfo createAttribution(Actor actor, Owner owner, String slug, long documentId, Long source,
            Long cue, long content) {
        return tripleWrites.createAttribution(actor, owner, slug, documentId, source, cue, content);
    }

    /**
     * Brings back a deleted span under its own id, with its label, extent, attributes and creation time (undo of a
     * delete, redo of a create), after the same checks as a new span: history, exports and the search index keep one
     * id for it (decision 020). Refused with 409 when a span with that id exists (it was brought back elsewhere).
     */
    @Transactional
    public SpanInfo restoreSpan(Actor actor, Owner owner, String slug, long documentId, SpanInfo span) {
        return spanWrites.restoreSpan(actor, owner, slug, documentId, span);
    }

    /** Brings back a deleted attribution under its own id (see {@link #restoreSpan}); its spans must be there. */
    @Transactional
    public AttributionInfo restoreAttribution(Actor actor, Owner owner, String slug, long documentId,
            AttributionInfo triple) {
        return tripleWrites.restoreAttribution(actor, owner, slug, documentId, triple);
    }

    /**
     * Links spans into an attribution by their labels' roles: one content span, at most one source span and at most
     * one cue span.
     */
    @Transactional
    public AttributionInfo linkSpans(Actor actor, String slug, long documentId, List<Long> spanIds) {
        return linkSpans(actor, Owner.of(actor), slug, documentId, spanIds);
    }

    @Transactional
    public AttributionInfo linkSpans(Actor actor, Owner owner, String slug, long documentId, List<Long> spanIds) {
        return tripleWrites.linkSpans(actor, owner, slug, documentId, spanIds);
    }

    @Transactional
    public AttributionInfo deleteAttribution(Actor actor, String slug, DocumentId document, long attributionId) {
        return deleteAttribution(actor, Owner.of(actor), slug, document, attributionId);
    }

    @Transactional
    public AttributionInfo deleteAttribution(Actor actor, Owner owner, String slug, DocumentId document,
            long attributionId) {
        return tripleWrites.deleteAttribution(actor, owner, slug, document, attributionId);
    }

    /**
     * A triple that names a span that is gone (decision 016): readers leave it out; curators and admins delete it with
     * {@link #repairAttribution}. {@code missing}: the span ids that are gone.
     */
    public record BrokenAttribution(long id, long documentId, String annotator, Long source, Long cue, long content,
            List<Long> missing) {
        public BrokenAttribution {
            missing = List.copyOf(missing);
        }
    }

    // ------------------------------------------------------------------ project-wide reads and repair
    // in ProjectAnnotationReads; the other modules keep calling them here

    /** The project's broken triples, of every owner (the gold standard's too): curators and admins only. */
    @Transactional(readOnly = true)
    public List<BrokenAttribution> brokenAttributions(Actor actor, String slug) {
        return projectReads.brokenAttributions(actor, slug);
    }

    /**
     * Deletes a triple of any owner that names a span that is gone, for the project's curators and admins (the owner
     * cannot see it any more, and it is nobody's work now), with an audit entry that the owner sees in the document's
     * history. An intact triple is refused (409): it is its annotator's to delete, and a curator's to reject.
     */
    @Transactional
    public AttributionInfo repairAttribution(Actor actor, String slug, DocumentId document, long attributionId) {
        return projectReads.repairAttribution(actor, slug, document.value(), attributionId);
    }

    /**
     * Every annotator's spans and attributions in a project, or only in {@code documentIds} when that is not null
     * (ids outside the project select nothing). Only admins and the project's curators may read them: annotators
     * see their own work only. One query per table for the whole project.
     */
    @Transactional(readOnly = true)
    public ProjectAnnotations allAnnotations(Actor actor, String slug, Collection<Long> documentIds) {
        return projectReads.allAnnotations(actor, slug, documentIds);
    }

    /**
     * One owner's spans and attributions in a project (or in {@code documentIds} when not null), in one query per
     * table: the gold standard's for curators and admins, one's own for anyone.
     */
    @Transactional(readOnly = true)
    public ProjectAnnotations annotationsOf(Actor actor, Owner owner, String slug, Collection<Long> documentIds) {
        return projectReads.annotationsOf(actor, owner, slug, documentIds);
    }

    /** The names of everyone with spans in the project (not the gold standard), sorted: curators and admins only. */
    @Transactional(readOnly = true)
    public List<String> annotatorNames(Actor actor, String slug) {
        return projectReads.annotatorNames(actor, slug);
    }

    /**
     * Every annotator's spans (with their names and attributes) and attributions on one document, without the gold
     * standard: for the project's curators and admins.
     */
    @Transactional(readOnly = true)
    public AnnotatedDocument documentAnnotations(Actor actor, String slug, long documentId) {
        return projectReads.documentAnnotations(actor, slug, documentId);
    }
}
