package org.factspan.annotation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.factspan.base.Quote;
import org.factspan.base.CodePoints;
import org.factspan.base.audit.AuditLog;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.CorpusService;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AnnotationService.class);

    /** A deleted span with what went with it, so that undo can restore both. */
    public record DeletedSpan(SpanInfo span, List<AttributionInfo> attributions) {
    }

    private final SpanRepository spans;
    private final SpanAttributeRepository attributes;
    private final AttributionRepository attributions;
    private final CorpusService corpus;
    private final UserService users;
    private final Clock clock;
    private volatile Long goldId;
    private final ApplicationEventPublisher events;
    private final AuditLog auditLog;
    private final SpanLocks locks;

    AnnotationService(SpanRepository spans, SpanAttributeRepository attributes, AttributionRepository attributions,
            CorpusService corpus, UserService users, Clock clock, ApplicationEventPublisher events, AuditLog auditLog,
            SpanLocks locks) {
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
        return new Owner(goldId(), GOLD, stamp);
    }

    /** True for the gold standard's owner. */
    public boolean isGold(Owner owner) {
        return owner.userId() == goldId();
    }

    private long goldId() {
        Long id = goldId;
        if (id == null) {
            id = users.findSystemAccount(GOLD).orElseThrow(() -> new IllegalStateException(
                    "The system account " + Quote.of(GOLD) + " is missing (Flyway migration V3 creates it)")).userId();
            goldId = id;
        }
        return id;
    }

    @Transactional(readOnly = true)
    public List<SpanInfo> listMySpans(Actor actor, String slug, long documentId) {
        return listSpans(actor, Owner.of(actor), slug, documentId);
    }

    /** The owner's spans on a document, in document order (another owner than oneself: the gold standard only). */
    @Transactional(readOnly = true)
    public List<SpanInfo> listSpans(Actor actor, Owner owner, String slug, long documentId) {
        requireMayUse(actor, owner, slug);
        corpus.requireDocument(actor, slug, documentId);
        List<Span> mine = spans.findByDocumentIdAndUserIdOrderByStartAscEndAscIdAsc(documentId, owner.userId());
        Map<Long, Map<String, String>> values = new LinkedHashMap<>();
        for (SpanAttribute a : attributes.findOfDocumentAndUser(documentId, owner.userId())) {
            values.computeIfAbsent(a.getSpanId(), k -> new TreeMap<>()).put(a.getName(), a.getValue());
        }
        CodePoints text = corpus.textIndex(documentId);
        return mine.stream().map(s -> toInfo(s, text, owner.username(), values.getOrDefault(s.getId(), Map.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<AttributionInfo> listMyAttributions(Actor actor, String slug, long documentId) {
        return listAttributions(actor, Owner.of(actor), slug, documentId);
    }

    @Transactional(readOnly = true)
    public List<AttributionInfo> listAttributions(Actor actor, Owner owner, String slug, long documentId) {
        requireMayUse(actor, owner, slug);
        corpus.requireDocument(actor, slug, documentId);
        Set<Long> spanIds = Set.copyOf(spans.idsOf(documentId, owner.userId()));
        return resolvable(attributions.findByDocumentIdAndUserIdOrderById(documentId, owner.userId()).stream()
                .map(Attribution::toInfo).toList(), spanIds, a -> a);
    }

    /** Provenance of the owner's spans and attributions on a document, by id (only gold items have one). */
    @Transactional(readOnly = true)
    public Provenances provenance(Actor actor, Owner owner, String slug, long documentId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireMayUse(actor, owner, project);
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
        requireMayUse(actor, owner, project);
        DocumentSummary doc = requireEditable(actor, owner, project, documentId);
        requireNewSpan(actor, owner, project, doc, start, end, label, values);
        Span span = new Span(documentId, owner.userId(), label, start, end, clock.instant());
        stamp(actor, owner, span::stamp);
        Span saved;
        try {
            saved = spans.insert(span);
        } catch (DataIntegrityViolationException e) {
            // the same span created at the same moment by another request of this owner (unique constraint)
            throw new ConflictException(who(actor, owner, "have", "has") + " labeled " + start + ".." + end + " as "
                    + label + " already");
        }
        values.forEach((name, value) -> attributes.save(new SpanAttribute(saved.getId(), name, value)));
        events.publishEvent(new SpanChanged(slug, documentId, saved.getId(), SpanChanged.Change.CREATED));
        SpanInfo created = toInfo(saved, corpus.textIndex(documentId), owner.username(), new TreeMap<>(values));
        audit(actor, "span.create", project.id(), documentId, saved.getId(), null, owner, null, state(created));
        return created;
    }

    /** What a new (or restored) span must satisfy: a known label, a range in the text, no clash, valid values. */
    private void requireNewSpan(Actor actor, Owner owner, ProjectInfo project, DocumentSummary doc, int start, int end,
            String label, Map<String, String> values) {
        long documentId = doc.id();
        LabelInfo labelInfo = requireLabel(project, label);
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
        values.forEach((name, value) -> checkAttribute(labelInfo, name, value));
    }

    /** Deletes the caller's span, its attributes and every attribution that uses it. */
    @Transactional
    public DeletedSpan deleteSpan(Actor actor, String slug, long documentId, long spanId) {
        return deleteSpan(actor, Owner.of(actor), slug, documentId, spanId);
    }

    @Transactional
    public DeletedSpan deleteSpan(Actor actor, Owner owner, String slug, long documentId, long spanId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireMayUse(actor, owner, project);
        requireEditable(actor, owner, project, documentId);
        Span span = ownSpan(owner, documentId, spanId);
        List<AttributionInfo> using = attributionsUsing(owner, documentId, spanId);
        SpanInfo info = toInfo(span, corpus.textIndex(documentId), owner.username(), attributesOf(List.of(spanId))
                .getOrDefault(spanId, Map.of()));
        attributions.deleteAllByIdInBatch(using.stream().map(AttributionInfo::id).toList());
        attributes.deleteAllInBatch(attributes.findBySpanId(spanId));
        spans.delete(span);
        spans.flush();
        events.publishEvent(new SpanChanged(slug, documentId, spanId, SpanChanged.Change.DELETED));
        audit(actor, "span.delete", project.id(), documentId, spanId, null, owner, Map.of("span", state(info),
                "attributions", using), null);
        return new DeletedSpan(info, using);
    }

    /** The caller's attributions on a document that use a span (asked before deleting it). */
    @Transactional(readOnly = true)
    public List<AttributionInfo> attributionsUsing(Actor actor, long documentId, long spanId) {
        return attributionsUsing(Owner.of(actor), documentId, spanId);
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
    public SpanInfo relabelSpan(Actor actor, String slug, long documentId, long spanId, String label) {
        return relabelSpan(actor, Owner.of(actor), slug, documentId, spanId, label);
    }

    @Transactional
    public SpanInfo relabelSpan(Actor actor, Owner owner, String slug, long documentId, long spanId, String label) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireMayUse(actor, owner, project);
        requireEditable(actor, owner, slug, documentId);
        Span span = ownSpan(owner, documentId, spanId);
        LabelInfo target = requireLabel(project, label);
        if (span.getLabel().equals(label)) {
            return toInfo(span, corpus.textIndex(documentId), owner.username(),
                    attributesOf(List.of(spanId)).getOrDefault(spanId, Map.of()));
        }
        if (spans.existsByDocumentIdAndUserIdAndLabelAndStartAndEnd(documentId, owner.userId(), label, span.getStart(),
                span.getEnd())) {
            throw new ConflictException(who(actor, owner, "have", "has") + " labeled " + span.getStart() + ".."
                    + span.getEnd() + " as " + label + " already");
        }
        List<AttributionInfo> using = attributionsUsing(owner, documentId, spanId);
        if (!using.isEmpty()) {
            throw new ConflictException("Span " + spanId + " is part of " + using.size()
                    + " attribution(s); unlink it before changing its label");
        }
        String previousLabel = span.getLabel();
        span.relabel(label);
        stamp(actor, owner, span::stamp);
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
        SpanInfo relabeled = toInfo(span, corpus.textIndex(documentId), owner.username(), kept);
        audit(actor, "span.relabel", project.id(), documentId, spanId, null, owner, Map.of("label", previousLabel),
                Map.of("label", label, "attributes", kept));
        return relabeled;
    }

    /** Sets (or, with a null or blank value, removes) an attribute of the caller's span. */
    @Transactional
    public SpanInfo setAttribute(Actor actor, String slug, long documentId, long spanId, String name, String value) {
        return setAttribute(actor, Owner.of(actor), slug, documentId, spanId, name, value);
    }

    @Transactional
    public SpanInfo setAttribute(Actor actor, Owner owner, String slug, long documentId, long spanId, String name,
            String value) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireMayUse(actor, owner, project);
        requireEditable(actor, owner, slug, documentId);
        Span span = ownSpan(owner, documentId, spanId);
        LabelInfo label = requireLabel(project, span.getLabel());
        var key = new SpanAttribute.Key(spanId, name);
        String previous = attributes.findById(key).map(SpanAttribute::getValue).orElse(null);
        if (value == null || value.isBlank()) {
            if (label.attribute(name).isEmpty()) {
                throw new InvalidRequestException("Label " + label.name() + " has no attribute " + Quote.of(name));
            }
            attributes.findById(key).ifPresent(attributes::delete);
        } else {
            checkAttribute(label, name, value);
            attributes.findById(key).ifPresentOrElse(a -> a.setValue(value),
                    () -> attributes.save(new SpanAttribute(spanId, name, value)));
        }
        stamp(actor, owner, span::stamp);
        attributes.flush();
        spans.flush();
        events.publishEvent(new SpanChanged(slug, documentId, spanId, SpanChanged.Change.ATTRIBUTE));
        audit(actor, "span.attribute", project.id(), documentId, spanId, null, owner,
                previous == null ? null : Map.of(name, previous),
                value == null || value.isBlank() ? null : Map.of(name, value));
        return toInfo(span, corpus.textIndex(documentId), owner.username(),
                attributesOf(List.of(spanId)).getOrDefault(spanId, Map.of()));
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
        requireMayUse(actor, owner, project);
        requireEditable(actor, owner, slug, documentId);
        requireNewTriple(owner, project, documentId, source, cue, content);
        Attribution attribution = new Attribution(documentId, owner.userId(), source, cue, content, clock.instant());
        stamp(actor, owner, attribution::stamp);
        AttributionInfo made = attributions.saveAndFlush(attribution).toInfo();
        audit(actor, "attribution.create", project.id(), documentId, content, made.id(), owner, null, made);
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
        Map<Long, Span> parts = ownSpans(owner, documentId, java.util.stream.Stream.of(source, cue, content)
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
        requireMayUse(actor, owner, project);
        DocumentSummary doc = requireEditable(actor, owner, project, documentId);
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
            throw new ConflictException(who(actor, owner, "have", "has") + " labeled " + span.start() + ".."
                    + span.end() + " as " + span.label() + " already");
        }
        Span saved = spans.findById(span.id()).orElseThrow();
        stamp(actor, owner, saved::stamp);
        span.attributes().forEach((name, value) -> attributes.save(new SpanAttribute(saved.getId(), name, value)));
        attributes.flush();
        spans.flush();
        events.publishEvent(new SpanChanged(slug, documentId, saved.getId(), SpanChanged.Change.CREATED));
        SpanInfo restored = toInfo(saved, corpus.textIndex(documentId), owner.username(),
                new TreeMap<>(span.attributes()));
        audit(actor, "span.restore", project.id(), documentId, saved.getId(), null, owner, null, state(restored));
        return restored;
    }

    /** Brings back a deleted attribution under its own id (see {@link #restoreSpan}); its spans must be there. */
    @Transactional
    public AttributionInfo restoreAttribution(Actor actor, Owner owner, String slug, long documentId,
            AttributionInfo triple) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireMayUse(actor, owner, project);
        requireEditable(actor, owner, slug, documentId);
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
        stamp(actor, owner, saved::stamp);
        attributions.flush();
        AttributionInfo made = saved.toInfo();
        audit(actor, "attribution.restore", project.id(), documentId, made.content(), made.id(), owner, null, made);
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
        requireMayUse(actor, owner, project);
        Long source = null;
        Long cue = null;
        Long content = null;
        Map<Long, Span> locked = ownSpans(owner, documentId, spanIds);
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
    public AttributionInfo deleteAttribution(Actor actor, String slug, long documentId, long attributionId) {
        return deleteAttribution(actor, Owner.of(actor), slug, documentId, attributionId);
    }

    @Transactional
    public AttributionInfo deleteAttribution(Actor actor, Owner owner, String slug, long documentId,
            long attributionId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireMayUse(actor, owner, project);
        requireEditable(actor, owner, project, documentId);
        Attribution a = locks.lockAttribution(documentId, attributionId);
        if (a.getUserId() != owner.userId()) {
            throw new ForbiddenException("Attribution " + attributionId + " belongs to another annotator");
        }
        attributions.delete(a);
        attributions.flush();
        audit(actor, "attribution.delete", project.id(), documentId, a.getContentSpanId(), attributionId, owner, a.toInfo(),
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

    /** The project's broken triples, of every owner (the gold standard's too): curators and admins only. */
    @Transactional(readOnly = true)
    public List<BrokenAttribution> brokenAttributions(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireCurator(actor, project);
        List<BrokenAttribution> result = new ArrayList<>();
        for (Object[] r : attributions.brokenOfProject(project.id())) {
            Long source = r[3] == null ? null : ((Number) r[3]).longValue();
            Long cue = r[4] == null ? null : ((Number) r[4]).longValue();
            long content = ((Number) r[5]).longValue();
            result.add(new BrokenAttribution(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    source, cue, content, missingSpans(source, cue, content)));
        }
        return result;
    }

    /**
     * Deletes a triple of any owner that names a span that is gone, for the project's curators and admins (the owner
     * cannot see it any more, and it is nobody's work now), with an audit entry that the owner sees in the document's
     * history. An intact triple is refused (409): it is its annotator's to delete, and a curator's to reject.
     */
    @Transactional
    public AttributionInfo repairAttribution(Actor actor, String slug, long documentId, long attributionId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireCurator(actor, project);
        if (project.archived()) {
            throw new ConflictException("Project '" + slug + "' is archived and read-only");
        }
        corpus.requireDocument(actor, slug, documentId);
        Attribution a = locks.lockAttribution(documentId, attributionId);
        List<Long> missing = missingSpans(a.getSourceSpanId(), a.getCueSpanId(), a.getContentSpanId());
        if (missing.isEmpty()) {
            throw new ConflictException("Attribution " + attributionId + " is intact (all its spans exist): only its"
                    + " annotator deletes it; curators reject it in curation");
        }
        attributions.delete(a);
        attributions.flush();
        String owner = users.findById(a.getUserId()).map(org.factspan.security.AppUser::getUsername)
                .orElse("user " + a.getUserId());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("attribution", a.toInfo());
        before.put("missing", missing);
        audit(actor, "attribution.repair", project.id(), documentId, a.getContentSpanId(), attributionId,
                new Owner(a.getUserId(), owner, null), before, null);
        return a.toInfo();
    }

    private List<Long> missingSpans(Long source, Long cue, long content) {
        List<Long> named = java.util.stream.Stream.of(source, cue, content).filter(Objects::nonNull).distinct()
                .toList();
        Set<Long> present = spans.findAllById(named).stream().map(Span::getId).collect(Collectors.toSet());
        return named.stream().filter(id -> !present.contains(id)).sorted().toList();
    }

    /**
     * Every annotator's spans and attributions in a project, or only in {@code documentIds} when that is not null
     * (ids outside the project select nothing). Only admins and the project's curators may read them: annotators
     * see their own work only. One query per table for the whole project.
     */
    @Transactional(readOnly = true)
    public ProjectAnnotations allAnnotations(Actor actor, String slug, Collection<Long> documentIds) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireCurator(actor, project);
        Set<Long> only = documentIds == null ? null : Set.copyOf(documentIds);
        List<ProjectAnnotations.AnnotatedSpan> all = spans.findAllOfProject(project.id()).stream()
                .map(r -> new ProjectAnnotations.AnnotatedSpan(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        (String) r[2], ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), (String) r[3]))
                .filter(s -> only == null || only.contains(s.documentId()))
                .toList();
        List<ProjectAnnotations.AnnotatedAttribution> triples = attributions.findAllOfProject(project.id()).stream()
                .map(r -> new ProjectAnnotations.AnnotatedAttribution(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), (String) r[2], r[3] == null ? null : ((Number) r[3]).longValue(),
                        r[4] == null ? null : ((Number) r[4]).longValue(), ((Number) r[5]).longValue()))
                .filter(a -> only == null || only.contains(a.documentId()))
                .toList();
        return new ProjectAnnotations(all, resolvable(triples, all.stream()
                .map(ProjectAnnotations.AnnotatedSpan::id).collect(Collectors.toSet()),
                a -> new AttributionInfo(a.id(), a.documentId(), a.source(), a.cue(), a.content())));
    }

    /**
     * One owner's spans and attributions in a project (or in {@code documentIds} when not null), in one query per
     * table: the gold standard's for curators and admins, one's own for anyone.
     */
    @Transactional(readOnly = true)
    public ProjectAnnotations annotationsOf(Actor actor, Owner owner, String slug, Collection<Long> documentIds) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireMayUse(actor, owner, project);
        Set<Long> only = documentIds == null ? null : Set.copyOf(documentIds);
        List<ProjectAnnotations.AnnotatedSpan> all = spans.findAllOfProjectAndUser(project.id(), owner.userId())
                .stream()
                .map(r -> new ProjectAnnotations.AnnotatedSpan(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        (String) r[2], ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), (String) r[3]))
                .filter(s -> only == null || only.contains(s.documentId()))
                .toList();
        List<ProjectAnnotations.AnnotatedAttribution> triples = attributions
                .findAllOfProjectAndUser(project.id(), owner.userId()).stream()
                .map(r -> new ProjectAnnotations.AnnotatedAttribution(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), (String) r[2], r[3] == null ? null : ((Number) r[3]).longValue(),
                        r[4] == null ? null : ((Number) r[4]).longValue(), ((Number) r[5]).longValue()))
                .filter(a -> only == null || only.contains(a.documentId()))
                .toList();
        return new ProjectAnnotations(all, resolvable(triples, all.stream()
                .map(ProjectAnnotations.AnnotatedSpan::id).collect(Collectors.toSet()),
                a -> new AttributionInfo(a.id(), a.documentId(), a.source(), a.cue(), a.content())));
    }

    /** The names of everyone with spans in the project (not the gold standard), sorted: curators and admins only. */
    @Transactional(readOnly = true)
    public List<String> annotatorNames(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireCurator(actor, project);
        return spans.annotatorNamesOf(project.id());
    }

    /**
     * Every annotator's spans (with their names and attributes) and attributions on one document, without the gold
     * standard: for the project's curators and admins.
     */
    @Transactional(readOnly = true)
    public AnnotatedDocument documentAnnotations(Actor actor, String slug, long documentId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        requireCurator(actor, project);
        var doc = corpus.openDocument(actor, slug, documentId);
        List<Span> found = spans.findByDocumentIdOrderByStartAscEndAscIdAsc(documentId);
        Map<Long, String> names = new java.util.HashMap<>();
        for (Object[] row : spans.annotatorsOf(project.id())) {
            names.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        Map<Long, Map<String, String>> values = attributesOf(found.stream().map(Span::getId).toList());
        CodePoints text = corpus.textIndex(documentId);
        List<SpanInfo> infos = found.stream().map(s -> toInfo(s, text, names.get(s.getUserId()),
                values.getOrDefault(s.getId(), Map.of()))).toList();
        return new AnnotatedDocument(doc, infos, resolvable(attributions.findByDocumentIdOrderById(documentId)
                .stream().map(Attribution::toInfo).toList(), found.stream().map(Span::getId).collect(Collectors.toSet()),
                a -> a));
    }

    /** Admins and the project's curators only: they see every annotator's work and the gold standard. */
    private static void requireCurator(Actor actor, ProjectInfo project) {
        project.requireCuratedBy(actor, "see all annotators' work and the gold standard");
    }

    /** As {@link #requireMayUse(Actor, Owner, ProjectInfo)}; reads the project only for another owner. */
    private void requireMayUse(Actor actor, Owner owner, String slug) {
        if (owner.userId() != actor.userId()) {
            requireMayUse(actor, owner, corpus.requireProject(actor, slug));
        }
    }

    /**
     * The document, if {@code owner}'s work on it may change now: never in an archived project; one's own work not
     * while one has marked the document finished; the gold standard regardless of anyone's assignment.
     */
    private DocumentSummary requireEditable(Actor actor, Owner owner, String slug, long documentId) {
        return requireEditable(actor, owner, corpus.requireProject(actor, slug), documentId);
    }

    /** As above for a project read already (a span save reads it once: issue 14's four statements). */
    private DocumentSummary requireEditable(Actor actor, Owner owner, ProjectInfo project, long documentId) {
        if (owner.userId() == actor.userId()) {
            return corpus.requireEditableDocument(actor, project, documentId);
        }
        if (project.archived()) {
            throw new ConflictException("Project " + Quote.of(project.slug()) + " is archived and read-only");
        }
        return corpus.requireDocument(project, documentId);
    }

    /** Records a change in the audit trail, in the change's own transaction. */
    private void audit(Actor actor, String action, Long projectId, long documentId, Long spanId, Long attributionId,
            Owner owner, Object before, Object after) {
        auditLog.record(new AuditLog.Who(actor.userId(), actor.username()), action,
                new AuditLog.Target(projectId, documentId, spanId, attributionId, owner.username()), before, after);
    }

    /** A span's state for the audit trail. */
    private static Map<String, Object> state(SpanInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", s.start());
        m.put("end", s.end());
        m.put("label", s.label());
        m.put("text", s.text());
        m.put("attributes", s.attributes());
        return m;
    }

    /** One's own set, or the gold standard for the project's curators and admins; nobody else's. */
    private void requireMayUse(Actor actor, Owner owner, ProjectInfo project) {
        if (owner.userId() == actor.userId()) {
            return;
        }
        if (!isGold(owner)) {
            throw new ForbiddenException("You may read and change only your own annotations");
        }
        requireCurator(actor, project);
    }

    /** Gold items record how they got there (the owner's stamp, curator by default), who acted and when. */
    private void stamp(Actor actor, Owner owner, Stamper target) {
        if (isGold(owner)) {
            target.stamp(owner.stamp() == null ? Provenance.Kind.CURATOR : owner.stamp(), actor.userId(),
                    clock.instant());
        }
    }

    private interface Stamper {
        void stamp(Provenance.Kind kind, long curator, java.time.Instant at);
    }

    private String who(Actor actor, Owner owner, String first, String third) {
        return owner.userId() == actor.userId() ? "You " + first : isGold(owner) ? "The gold standard " + third
                : owner.username() + " " + third;
    }

    /**
     * The owner's span, locked until the transaction ends ({@link SpanLocks}): every change of a span and everything
     * that comes to point at one takes turns with its deletion.
     */
    private Span ownSpan(Owner owner, long documentId, long spanId) {
        return ownSpans(owner, documentId, List.of(spanId)).get(spanId);
    }

    /** The owner's spans, locked in id order; 404 for a missing one, 403 for another owner's. */
    private Map<Long, Span> ownSpans(Owner owner, long documentId, Collection<Long> spanIds) {
        Map<Long, Span> locked = locks.lockSpans(documentId, spanIds);
        for (Span span : locked.values()) {
            if (span.getUserId() != owner.userId()) {
                throw new ForbiddenException("Span " + span.getId() + (isGold(owner) ? " is not in the gold standard"
                        : " belongs to another annotator"));
            }
        }
        return locked;
    }

    /**
     * The triples whose spans are all among {@code spanIds}. The others name a span that is gone: rows that a
     * create racing a delete could leave on H2 before decision 016 (migration V9 removed those it found). Readers skip
     * them (and the log says so) instead of failing for the whole project; curators and admins can delete them
     * ({@link #repairAttribution}).
     */
    private static <T> List<T> resolvable(List<T> triples, Set<Long> spanIds,
            java.util.function.Function<T, AttributionInfo> parts) {
        List<T> kept = new ArrayList<>(triples.size());
        List<Long> skipped = new ArrayList<>();
        for (T t : triples) {
            AttributionInfo a = parts.apply(t);
            if (spanIds.contains(a.content()) && (a.source() == null || spanIds.contains(a.source()))
                    && (a.cue() == null || spanIds.contains(a.cue()))) {
                kept.add(t);
            } else {
                skipped.add(a.id());
            }
        }
        if (!skipped.isEmpty()) {
            LOG.warn("Skipped {} attribution triple(s) naming a span that is gone: {} (a curator or admin can delete"
                    + " them; see decision 016)", skipped.size(), skipped);
        }
        return kept;
    }

    private static LabelInfo requireLabel(ProjectInfo project, String label) {
        return project.label(label == null ? "" : label).orElseThrow(() -> new InvalidRequestException(
                "Unknown label " + Quote.of(label) + "; this project has "
                        + project.labels().stream().map(LabelInfo::name).collect(Collectors.joining(", "))));
    }

    private static void checkAttribute(LabelInfo label, String name, String value) {
        AttributeDef def = label.attribute(name).orElseThrow(() -> new InvalidRequestException(
                "Label " + label.name() + " has no attribute " + Quote.of(name)));
        String problem = value == null ? name + " needs a value" : def.check(value);
        if (problem != null) {
            throw new InvalidRequestException(problem);
        }
    }

    private Map<Long, Map<String, String>> attributesOf(List<Long> spanIds) {
        Map<Long, Map<String, String>> result = new LinkedHashMap<>();
        if (spanIds.isEmpty()) {
            return result;
        }
        for (List<Long> chunk : chunks(spanIds)) {
            for (SpanAttribute a : attributes.findBySpanIdIn(chunk)) {
                result.computeIfAbsent(a.getSpanId(), k -> new TreeMap<>()).put(a.getName(), a.getValue());
            }
        }
        return result;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            out.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
        return out;
    }

    private static SpanInfo toInfo(Span s, CodePoints text, String annotator, Map<String, String> values) {
        return new SpanInfo(s.getId(), s.getDocumentId(), s.getStart(), s.getEnd(), s.getLabel(),
                text.substring(s.getStart(), s.getEnd()), annotator, s.getCreatedAt(),
                java.util.Collections.unmodifiableMap(new TreeMap<>(values)));
    }
}
