package org.factspan.annotation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.factspan.base.Quote;
import org.factspan.base.CodePoints;
import org.factspan.base.audit.AuditLog;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectDocument;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.springframework.stereotype.Component;

/**
 * What every annotation call shares ({@link AnnotationService}'s guards and helpers): the gold standard's owner, who
 * may read and change whose work, whether a document may change now, the owner's spans locked in id order, the
 * provenance stamp of gold items, the audit entry, labels and attribute values checked, and rows mapped to records.
 */
@Component
class AnnotationGuards {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AnnotationService.class); // the service's log, as before the split

    private final SpanAttributeRepository attributes;
    private final CorpusService corpus;
    private final UserService users;
    private final Clock clock;
    private final AuditLog auditLog;
    private final SpanLocks locks;
    private volatile Long goldId;

    AnnotationGuards(SpanAttributeRepository attributes, CorpusService corpus, UserService users, Clock clock,
            AuditLog auditLog, SpanLocks locks) {
        this.attributes = attributes;
        this.corpus = corpus;
        this.users = users;
        this.clock = clock;
        this.auditLog = auditLog;
        this.locks = locks;
    }

    /** True for the gold standard's owner. */
    boolean isGold(Owner owner) {
        return owner.userId() == goldId();
    }

    long goldId() {
        Long id = goldId;
        if (id == null) {
            id = users.findSystemAccount(AnnotationService.GOLD).orElseThrow(() -> new IllegalStateException(
                    "The system account " + Quote.of(AnnotationService.GOLD) + " is missing (Flyway migration V3 creates it)")).userId();
            goldId = id;
        }
        return id;
    }


    /** Admins and the project's curators only: they see every annotator's work and the gold standard. */
    static void requireCurator(Actor actor, ProjectInfo project) {
        project.requireCuratedBy(actor, "see all annotators' work and the gold standard");
    }

    /** As {@link #requireMayUse(Actor, Owner, ProjectInfo)}; reads the project only for another owner. */
    void requireMayUse(Actor actor, Owner owner, String slug) {
        if (owner.userId() != actor.userId()) {
            requireMayUse(actor, owner, corpus.requireProject(actor, slug));
        }
    }

    /** Where every span and triple write starts: the project, checked for the caller and the owner, and the document. */
    record Editable(ProjectInfo project, DocumentSummary document) {
    }

    /**
     * The project and the document (one statement) with the caller allowed to act for the owner, and the document
     * editable for the owner: never in an archived project; one's own work not while one has marked the document
     * finished; the gold standard regardless of anyone's assignment.
     */
    Editable editable(Actor actor, Owner owner, String slug, long documentId) {
        ProjectDocument read = corpus.requireProjectDocument(actor, slug, documentId);
        ProjectInfo project = read.project();
        requireMayUse(actor, owner, project);
        return new Editable(project, owner.userId() == actor.userId() ? read.ownWork(actor) : read.othersWork());
    }

    /** Records a change in the audit trail, in the change's own transaction. */
    void audit(Actor actor, String action, Long projectId, long documentId, Long spanId, Long attributionId,
            Owner owner, Object before, Object after) {
        auditLog.record(new AuditLog.Who(actor.userId(), actor.username()), action,
                new AuditLog.Target(projectId, documentId, spanId, attributionId, owner.username()), before, after);
    }

    /** A span's state for the audit trail. */
    static Map<String, Object> state(SpanInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", s.start());
        m.put("end", s.end());
        m.put("label", s.label());
        m.put("text", s.text());
        m.put("attributes", s.attributes());
        return m;
    }

    /** One's own set, or the gold standard for the project's curators and admins; nobody else's. */
    void requireMayUse(Actor actor, Owner owner, ProjectInfo project) {
        if (owner.userId() == actor.userId()) {
            return;
        }
        if (!isGold(owner)) {
            throw new ForbiddenException("You may read and change only your own annotations");
        }
        requireCurator(actor, project);
    }

    /** Gold items record how they got there (the owner's stamp, curator by default), who acted and when. */
    void stamp(Actor actor, Owner owner, Stamper target) {
        if (isGold(owner)) {
            target.stamp(owner.stamp() == null ? Provenance.Kind.CURATOR : owner.stamp(), actor.userId(),
                    clock.instant());
        }
    }

    interface Stamper {
        void stamp(Provenance.Kind kind, long curator, java.time.Instant at);
    }

    String who(Actor actor, Owner owner, String first, String third) {
        return owner.userId() == actor.userId() ? "You " + first : isGold(owner) ? "The gold standard " + third
                : owner.username() + " " + third;
    }

    /**
     * The owner's span, locked until the transaction ends ({@link SpanLocks}): every change of a span and everything
     * that comes to point at one takes turns with its deletion.
     */
    Span ownSpan(Owner owner, long documentId, long spanId) {
        return ownSpans(owner, documentId, List.of(spanId)).get(spanId);
    }

    /** The owner's spans, locked in id order; 404 for a missing one, 403 for another owner's. */
    Map<Long, Span> ownSpans(Owner owner, long documentId, Collection<Long> spanIds) {
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
    static <T> List<T> resolvable(List<T> triples, Set<Long> spanIds,
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

    static LabelInfo requireLabel(ProjectInfo project, String label) {
        return project.label(label == null ? "" : label).orElseThrow(() -> new InvalidRequestException(
                "Unknown label " + Quote.of(label) + "; this project has "
                        + project.labels().stream().map(LabelInfo::name).collect(Collectors.joining(", "))));
    }

    static void checkAttribute(LabelInfo label, String name, String value) {
        AttributeDef def = label.attribute(name).orElseThrow(() -> new InvalidRequestException(
                "Label " + label.name() + " has no attribute " + Quote.of(name)));
        String problem = value == null ? name + " needs a value" : def.check(value);
        if (problem != null) {
            throw new InvalidRequestException(problem);
        }
    }

    Map<Long, Map<String, String>> attributesOf(List<Long> spanIds) {
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

    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            out.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
        return out;
    }

    static SpanInfo toInfo(Span s, CodePoints text, String annotator, Map<String, String> values) {
        return new SpanInfo(s.getId(), s.getDocumentId(), s.getStart(), s.getEnd(), s.getLabel(),
                text.substring(s.getStart(), s.getEnd()), annotator, s.getCreatedAt(),
                java.util.Collections.unmodifiableMap(new TreeMap<>(values)));
    }
}
