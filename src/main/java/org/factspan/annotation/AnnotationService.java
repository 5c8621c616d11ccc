package org.factspan.annotation;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.factspan.base.Quote;
import org.factspan.base.CodePoints;
import org.factspan.base.audit.AuditLog;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
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
 * <p>The module's one annotation service; two sections live in package-private pieces: {@link AnnotationGuards}
 * (who may change what, locks, provenance stamps, the audit entry and the row-to-record mapping every method shares)
 * and {@link ProjectAnnotationReads} (everyone's work across a project, and the repair of broken triples).
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
    private final UserService users;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditLog auditLog;
    private final SpanLocks locks;
    private final AnnotationGuards guards;
    private final ProjectAnnotationReads projectReads;

    AnnotationService(SpanRepository spans, SpanAttributeRepository attributes, AttributionRepository attributions,
            CorpusService corpus, UserService users, Clock clock, ApplicationEventPublisher events, AuditLog auditLog,
            SpanLocks locks, AnnotationGuards guards, ProjectAnnotationReads projectReads) {
        this.guards = guards;
        this.projectReads = projectReads;
        this.locks = locks;
        this.events = events;
        this.auditLog = auditLog;
        this.spans = spans;
        this.attributes = attributes;
        this.attributions = attributions;
        this.corpus = corpus;
        this.users = users;
        this.clock = clock;
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
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        DocumentSummary doc = guards.requireEditable(actor, owner, project, documentId);
        requireNewSpan(actor, owner, project, doc, start, end, label, values);
        Span span = new Span(documentId, owner.userId(), label, start, end, clock.instant());
        guards.stamp(actor, owner, span::stamp);
        Span saved;
        try {
            saved = spans.insert(span);
        } catch (DataIntegrityViolationException e) {
            // the same span created at the same moment by another request of this owner (unique constraint)
            throw new ConflictException(guards.who(actor, owner, "have", "has") + " labeled " + start + ".." + end + " as "
                    + label + " already");
        }
        values.forEach((name, value) -> attributes.save(new SpanAttribute(saved.getId(), name, value)));
        events.publishEvent(new SpanChanged(slug, documentId, saved.getId(), SpanChanged.Change.CREATED));
        SpanInfo created = AnnotationGuards.toInfo(saved, corpus.textIndex(documentId), owner.username(), new TreeMap<>(values));
        guards.audit(actor, "span.create", project.id(), documentId, saved.getId(), null, owner, null, AnnotationGuards.state(created));
        return created;
    }

    /** What a new (or restored) span must satisfy: a known label, a range in the text, no clash, valid values. */
    private void requireNewSpan(Actor actor, Owner owner, ProjectInfo project, DocumentSummary doc, int start, int end,
            String label, Map<String, String> values) {
        long documentId = doc.id();
        LabelInfo labelInfo = AnnotationGuards.requireLabel(project, label);
        if (start < 0 || end > doc.length() || start >= end) {
            throw new InvalidRequestException("Span " + start + ".." + end + " is not a non-empty range inside the text"
                    + " (0.." + doc.length() + " code points, end exclusive)");
        }
        if (!project.allowOverlap()) {
            spans.findByDocumentIdAndUserIdOrderByStartAscEndAscIdAsc(documentId, owner.userId()).stream()
                    .filter(s -> s.getStart() < end && start < s.getEnd()).findFirst().ifPresent(s -> {
                        throw new ConflictException("Span " + start + ".." + end + " overlaps the " + s.getLabel()
                                + " span " + s.getStart() + ".." + s.getEnd() + " of " + owner.username()
                                + "; this project does not allow overlapping spans");
                    });
        }
        // the same span twice is refused by the span_dup_uq constraint when the span is saved (one query less)
        values.forEach((name, value) -> AnnotationGuards.checkAttribute(labelInfo, name, value));
    }

    /** Deletes the caller's span, its attributes and every attribution that uses it. */
    @Transactional
    public DeletedSpan deleteSpan(Actor actor, String slug, DocumentId document, SpanId span) {
        return deleteSpan(actor, Owner.of(actor), slug, document, span);
    }

    @Transactional
    public DeletedSpan deleteSpan(Actor actor, Owner owner, String slug, DocumentId document, SpanId spanRef) {
        long documentId = document.value();
        long spanId = spanRef.value();
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        guards.requireEditable(actor, owner, project, documentId);
        Span span = guards.ownSpan(owner, documentId, spanId);
        List<AttributionInfo> using = attributionsUsing(owner, documentId, spanId);
        SpanInfo info = AnnotationGuards.toInfo(span, corpus.textIndex(documentId), owner.username(), guards.attributesOf(List.of(spanId))
                .getOrDefault(spanId, Map.of()));
        attributions.deleteAllByIdInBatch(using.stream().map(AttributionInfo::id).toList());
        attributes.deleteAllInBatch(attributes.findBySpanId(spanId));
        spans.delete(span);
        spans.flush();
        events.publishEvent(new SpanChanged(slug, documentId, spanId, SpanChanged.Change.DELETED));
        guards.audit(actor, "span.delete", project.id(), documentId, spanId, null, owner, Map.of("span", AnnotationGuards.state(info),
                "attributions", using), null);
        return new DeletedSpan(info, using);
    }

    /** The caller's attributions on a document that use a span (asked before deleting it). */
    @Transactional(readOnly = true)
    public List<AttributionInfo> attributionsUsing(Actor actor, DocumentId document, SpanId span) {
        return attributionsUsing(Owner.of(actor), document.value(), span.value());
    }

    private List<AttributionInfo> attributionsUsing(Owner owner, long documentId, long spanId) {
        return attributions.findByDocumentIdAndUserIdOrderById(documentId, owner.userId()).stream()
                .map(Attribution::toInfo).filter(a -> a.uses(spanId)).toList();
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
    public SpanInfo relabelSpan(Actor actor, Owner owner, String slug, DocumentId document, SpanId spanRef,
            String label) {
        long documentId = document.value();
        long spanId = spanRef.value();
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        guards.requireEditable(actor, owner, slug, documentId);
        Span span = guards.ownSpan(owner, documentId, spanId);
        LabelInfo target = AnnotationGuards.requireLabel(project, label);
        if (span.getLabel().equals(label)) {
            return AnnotationGuards.toInfo(span, corpus.textIndex(documentId), owner.username(),
                    guards.attributesOf(List.of(spanId)).getOrDefault(spanId, Map.of()));
        }
        if (spans.existsByDocumentIdAndUserIdAndLabelAndStartAndEnd(documentId, owner.userId(), label, span.getStart(),
                span.getEnd())) {
            throw new ConflictException(guards.who(actor, owner, "have", "has") + " labeled " + span.getStart() + ".."
                    + span.getEnd() + " as " + label + " already");
        }
        List<AttributionInfo> using = attributionsUsing(owner, documentId, spanId);
        if (!using.isEmpty()) {
            throw new ConflictException("Span " + spanId + " is part of " + using.size()
                    + " attribution(s); unlink it before changing its label");
        }
        String previousLabel = span.getLabel();
        span.relabel(label);
        guards.stamp(actor, owner, span::stamp);
        Map<String, String> kept = new TreeMap<>();
        for (SpanAttribute a : attributes.findBySpanId(spanId)) {
            if (target.attribute(a.getName()).isPresent()) {
                kept.put(a.getName(), a.getValue());
            } else {
                attributes.delete(a);
            }
        }
        spans.flush();
        events.publishEvent(new SpanChanged(slug, documentId, spanId, SpanChanged.Change.RELABELED));
        SpanInfo relabeled = AnnotationGuards.toInfo(span, corpus.textIndex(documentId), owner.username(), kept);
        guards.audit(actor, "span.relabel", project.id(), documentId, spanId, null, owner, Map.of("label", previousLabel),
                Map.of("label", label, "attributes", kept));
        return relabeled;
    }

    /** Sets (or, with a null or blank value, removes) an attribute of the caller's span. */
    @Transactional
    public SpanInfo setAttribute(Actor actor, String slug, DocumentId document, SpanId span, String name,
            String value) {
        return setAttribute(actor, Owner.of(actor), slug, document, span, name, value);
    }

    @Transactional
    public SpanInfo setAttribute(Actor actor, Owner owner, String slug, DocumentId document, SpanId spanRef,
            String name, String value) {
        long documentId = document.value();
        long spanId = spanRef.value();
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        guards.requireEditable(actor, owner, slug, documentId);
        Span span = guards.ownSpan(owner, documentId, spanId);
        LabelInfo label = AnnotationGuards.requireLabel(project, span.getLabel());
        var key = new SpanAttribute.Key(spanId, name);
        String previous = attributes.findById(key).map(SpanAttribute::getValue).orElse(null);
        if (value == null || value.isBlank()) {
            if (label.attribute(name).isEmpty()) {
                throw new InvalidRequestException("Label " + label.name() + " has no attribute " + Quote.of(name));
            }
            attributes.findById(key).ifPresent(attributes::delete);
        } else {
            AnnotationGuards.checkAttribute(label, name, value);
            attributes.findById(key).ifPresentOrElse(a -> a.setValue(value),
                    () -> attributes.save(new SpanAttribute(spanId, name, value)));
        }
        guards.stamp(actor, owner, span::stamp);
        attributes.flush();
        spans.flush();
        events.publishEvent(new SpanChanged(slug, documentId, spanId, SpanChanged.Change.ATTRIBUTE));
        guards.audit(actor, "span.attribute", project.id(), documentId, spanId, null, owner,
                previous == null ? null : Map.of(name, previous),
                value == null || value.isBlank() ? null : Map.of(name, value));
        return AnnotationGuards.toInfo(span, corpus.textIndex(documentId), owner.username(),
                guards.attributesOf(List.of(spanId)).getOrDefault(spanId, Map.of()));
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
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        guards.requireEditable(actor, owner, slug, documentId);
        requireNewTriple(owner, project, documentId, source, cue, content);
        Attribution attribution = new Attribution(documentId, owner.userId(), source, cue, content, clock.instant());
        guards.stamp(actor, owner, attribution::stamp);
        AttributionInfo made = attributions.saveAndFlush(attribution).toInfo();
        guards.audit(actor, "attribution.create", project.id(), documentId, content, made.id(), owner, null, made);
        return made;
    }

    /**
     * What a new (or restored) triple must satisfy: a source or a cue, the owner's spans in the right roles, not
     * there already. The spans stay locked until the triple is stored (or the call fails): a concurrent delete waits
     * (decision 016).
     */
    private void requireNewTriple(Owner owner, ProjectInfo project, long documentId, Long source, Long cue,
            long content) {
        if (source == null && cue == null) {
            throw new InvalidRequestException(noSourceNorCue(project));
        }
        Map<Long, Span> parts = guards.ownSpans(owner, documentId, java.util.stream.Stream.of(source, cue, content)
                .filter(Objects::nonNull).toList());
        Span contentSpan = parts.get(content);
        if (!project.hasRole(contentSpan.getLabel(), LabelKind.CONTENT)) {
            throw new InvalidRequestException("The content of an attribution must be a "
                    + roleName(project, LabelKind.CONTENT) + " span, not " + contentSpan.getLabel());
        }
        if (source != null && !project.hasRole(parts.get(source).getLabel(), LabelKind.SOURCE)) {
            throw new InvalidRequestException("The source of an attribution must be a "
                    + roleName(project, LabelKind.SOURCE) + " span");
        }
        if (cue != null) {
            String cueLabel = parts.get(cue).getLabel();
            if (project.label(cueLabel).map(l -> l.kind() != LabelKind.CUE).orElse(true)) {
                throw new InvalidRequestException("The cue of an attribution must be a cue span (of a label with the cue role), not "
                        + cueLabel);
            }
        }
        boolean duplicate = attributions.findByDocumentIdAndUserIdOrderById(documentId, owner.userId()).stream()
                .anyMatch(a -> a.getContentSpanId() == content && Objects.equals(a.getSourceSpanId(), source)
                        && Objects.equals(a.getCueSpanId(), cue));
        if (duplicate) {
            throw new ConflictException("This attribution exists already");
        }
    }

    /**
     * Brings back a deleted span under its own id, with its label, extent, attributes and creation time (undo of a
     * delete, redo of a create), after the same checks as a new span: history, exports and the search index keep one
     * id for it (decision 020). Refused with 409 when a span with that id exists (it was brought back elsewhere).
     */
    @Transactional
    public SpanInfo restoreSpan(Actor actor, Owner owner, String slug, long documentId, SpanInfo span) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        DocumentSummary doc = guards.requireEditable(actor, owner, project, documentId);
        if (span.documentId() != documentId) {
            throw new InvalidRequestException("That span belongs to another document");
        }
        if (spans.existsById(span.id())) {
            throw new ConflictException("That span is there already (it was brought back elsewhere)");
        }
        requireNewSpan(actor, owner, project, doc, span.start(), span.end(), span.label(), span.attributes());
        try {
            spans.insertWithId(span.id(), documentId, owner.userId(), span.label(), span.start(), span.end(),
                    span.createdAt() == null ? clock.instant() : span.createdAt());
            spans.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(guards.who(actor, owner, "have", "has") + " labeled " + span.start() + ".."
                    + span.end() + " as " + span.label() + " already");
        }
        Span saved = spans.findById(span.id()).orElseThrow();
        guards.stamp(actor, owner, saved::stamp);
        span.attributes().forEach((name, value) -> attributes.save(new SpanAttribute(saved.getId(), name, value)));
        attributes.flush();
        spans.flush();
        events.publishEvent(new SpanChanged(slug, documentId, saved.getId(), SpanChanged.Change.CREATED));
        SpanInfo restored = AnnotationGuards.toInfo(saved, corpus.textIndex(documentId), owner.username(),
                new TreeMap<>(span.attributes()));
        guards.audit(actor, "span.restore", project.id(), documentId, saved.getId(), null, owner, null, AnnotationGuards.state(restored));
        return restored;
    }

    /** Brings back a deleted attribution under its own id (see {@link #restoreSpan}); its spans must be there. */
    @Transactional
    public AttributionInfo restoreAttribution(Actor actor, Owner owner, String slug, long documentId,
            AttributionInfo triple) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        guards.requireEditable(actor, owner, slug, documentId);
        if (triple.documentId() != documentId) {
            throw new InvalidRequestException("That attribution belongs to another document");
        }
        if (attributions.existsById(triple.id())) {
            throw new ConflictException("That attribution is there already (it was brought back elsewhere)");
        }
        requireNewTriple(owner, project, documentId, triple.source(), triple.cue(), triple.content());
        try {
            attributions.insertWithId(triple.id(), documentId, owner.userId(), triple.source(), triple.cue(),
                    triple.content(), clock.instant());
            attributions.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("A span of this attribution was deleted meanwhile");
        }
        Attribution saved = attributions.findById(triple.id()).orElseThrow();
        guards.stamp(actor, owner, saved::stamp);
        attributions.flush();
        AttributionInfo made = saved.toInfo();
        guards.audit(actor, "attribution.restore", project.id(), documentId, made.content(), made.id(), owner, null, made);
        return made;
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
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        Long source = null;
        Long cue = null;
        Long content = null;
        Map<Long, Span> locked = guards.ownSpans(owner, documentId, spanIds);
        for (long id : new java.util.LinkedHashSet<>(spanIds)) {
            String label = locked.get(id).getLabel();
            LabelKind role = project.label(label).map(LabelInfo::kind).orElse(LabelKind.SPAN);
            boolean isCue = role == LabelKind.CUE;
            if (role == LabelKind.CONTENT && content == null) {
                content = id;
            } else if (role == LabelKind.SOURCE && source == null) {
                source = id;
            } else if (isCue && cue == null) {
                cue = id;
            } else {
                throw new InvalidRequestException("An attribution links one " + roleName(project, LabelKind.CONTENT)
                        + ", at most one " + roleName(project, LabelKind.SOURCE) + " and at most one cue; span " + id
                        + " (" + label + ") does not fit");
            }
        }
        if (content == null) {
            throw new InvalidRequestException("An attribution needs a " + roleName(project, LabelKind.CONTENT)
                    + " span as its content");
        }
        return createAttribution(actor, owner, slug, documentId, source, cue, content);
    }

    @Transactional
    public AttributionInfo deleteAttribution(Actor actor, String slug, DocumentId document, long attributionId) {
        return deleteAttribution(actor, Owner.of(actor), slug, document, attributionId);
    }

    @Transactional
    public AttributionInfo deleteAttribution(Actor actor, Owner owner, String slug, DocumentId document,
            long attributionId) {
        long documentId = document.value();
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        guards.requireEditable(actor, owner, project, documentId);
        Attribution a = locks.lockAttribution(documentId, attributionId);
        if (a.getUserId() != owner.userId()) {
            throw new ForbiddenException("Attribution " + attributionId + " belongs to another annotator");
        }
        attributions.delete(a);
        attributions.flush();
        guards.audit(actor, "attribution.delete", project.id(), documentId, a.getContentSpanId(), attributionId, owner, a.toInfo(),
                null);
        return a.toInfo();
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
