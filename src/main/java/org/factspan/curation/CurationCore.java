package org.factspan.curation;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.factspan.annotation.AnnotatedDocument;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.Owner;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.annotation.SpanLocks;
import org.factspan.base.ConflictException;
import org.factspan.base.audit.AuditLog;
import org.factspan.corpus.AssignmentInfo;
import org.factspan.corpus.AssignmentService;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.curation.DocumentCuration.Activity;
import org.factspan.curation.DocumentCuration.GoldAttribution;
import org.factspan.curation.DocumentCuration.GoldSpan;
import org.factspan.security.Actor;
import org.springframework.stereotype.Component;

/**
 * What every part of curation shares (split out of {@link CurationService}, decision 023): the permission checks,
 * the versioned change of a document's gold standard, the audit record of a decision, the review of a document
 * (the one list of places) and the {@link DocumentCuration} built from it. Package-private: the module's API is
 * {@link CurationService}.
 */
@Component
class CurationCore {

    private final AnnotationService annotations;
    private final CorpusService corpus;
    private final CurationStateRepository states;
    private final RejectionRepository rejections;
    private final Clock clock;
    private final AuditLog audit;
    private final SpanLocks locks;
    private final AssignmentService assignments;

    CurationCore(AnnotationService annotations, CorpusService corpus, CurationStateRepository states,
            RejectionRepository rejections, Clock clock, AuditLog audit, SpanLocks locks,
            AssignmentService assignments) {
        this.annotations = annotations;
        this.corpus = corpus;
        this.states = states;
        this.rejections = rejections;
        this.clock = clock;
        this.audit = audit;
        this.locks = locks;
        this.assignments = assignments;
    }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * The document's annotators: everyone with a span on it, by name. The one place that says whose work a curator
     * compares (assignments can narrow it later).
     */
    static List<String> annotatorsOf(AnnotatedDocument doc) {
        return List.copyOf(new TreeSet<>(doc.spans().stream().map(SpanInfo::annotator).toList()));
    }


    /** Display names: the names, or "Annotator n" numbered over the project's annotators (stable across views). */
    Map<String, String> display(Actor actor, String slug, Collection<String> names, boolean anonymous) {
        Map<String, String> shown = new LinkedHashMap<>();
        if (!anonymous) {
            names.forEach(n -> shown.put(n, n));
            return shown;
        }
        List<String> all = new ArrayList<>(annotations.annotatorNames(actor, slug));
        for (String name : names) {
            if (!all.contains(name)) {
                all.add(name);
            }
        }
        for (String name : names) {
            shown.put(name, "Annotator " + (all.indexOf(name) + 1));
        }
        return shown;
    }


    DocumentCuration build(Actor actor, String slug, AnnotatedDocument doc, CurationState state,
            boolean anonymous) {
        List<AssignmentInfo> assigned = assignments.documentAssignments(actor, slug, doc.document().id());
        List<String> annotators = annotatorsOf(doc);
        List<String> everyone = new ArrayList<>(annotators);
        assigned.stream().map(AssignmentInfo::username).filter(n -> !everyone.contains(n)).forEach(everyone::add);
        Map<String, String> shown = display(actor, slug, everyone, anonymous);
        Review review = review(actor, slug, doc, annotators, shown);
        List<DocumentCuration.AnnotatorWork> work = everyone.stream().sorted().map(n -> new DocumentCuration
                .AnnotatorWork(shown.get(n), assigned.stream().anyMatch(a -> a.username().equals(n)),
                        finished(assigned).contains(n), (int) doc.spans().stream()
                                .filter(sp -> sp.annotator().equals(n)).count())).toList();
        List<String> shownAnnotators = annotators.stream().map(shown::get).toList();
        if (state == null) {
            return new DocumentCuration(doc.document(), CurationStatus.NOT_STARTED, 0, null, null, null, null,
                    shownAnnotators, anonymous, review.gold, review.goldLinks, review.spans, review.attributions,
                    review.positions, review.triples, review.places, work, null, List.of());
        }
        Map<Long, String> names = usernames(Arrays.asList(state.openedBy(), state.changedBy(), state.curatedBy()));
        return new DocumentCuration(doc.document(), state.status(), state.version(), state.merge(),
                new Activity(names.get(state.openedBy()), state.openedAt()),
                state.changedBy() == null ? null : new Activity(names.get(state.changedBy()), state.changedAt()),
                state.curatedBy() == null ? null : new Activity(names.get(state.curatedBy()), state.curatedAt()),
                shownAnnotators, anonymous, review.gold, review.goldLinks, review.spans, review.attributions,
                review.positions, review.triples, review.places, work,
                state.status() == CurationStatus.CURATED ? state.curatedOpen() : null,
                state.mergeCounted().stream().map(n -> shown.getOrDefault(n, display(actor, slug, List.of(n),
                        anonymous).get(n))).toList());
    }


    /** The user names of the annotators who marked the document finished. */
    static Set<String> finished(List<AssignmentInfo> assigned) {
        return assigned.stream().filter(AssignmentInfo::finished).map(AssignmentInfo::username)
                .collect(Collectors.toSet());
    }


    /**
     * The review of one document against its gold standard and rejections: the one place where the list of places
     * (open or settled) is made, for the view, the open count, the walk and the REST answers alike.
     */
    Review review(Actor actor, String slug, AnnotatedDocument doc, List<String> annotators,
            Map<String, String> shown) {
        long documentId = doc.document().id();
        Owner gold = annotations.gold(null);
        var provenance = annotations.provenance(actor, gold, slug, documentId);
        List<GoldSpan> goldSpans = annotations.listSpans(actor, gold, slug, documentId).stream()
                .map(s -> new GoldSpan(s.id(), s.start(), s.end(), s.label(), s.text(), s.attributes(),
                        provenance.spans().get(s.id())))
                .toList();
        List<GoldAttribution> goldLinks = annotations.listAttributions(actor, gold, slug, documentId).stream()
                .map(a -> new GoldAttribution(a.id(), a.source(), a.cue(), a.content(),
                        provenance.attributions().get(a.id())))
                .toList();
        Set<Long> rejectedSpans = new HashSet<>();
        Set<Long> rejectedLinks = new HashSet<>();
        for (Rejection r : rejections.findByDocumentId(documentId)) {
            if (r.spanId() != null) {
                rejectedSpans.add(r.spanId());
            } else {
                rejectedLinks.add(r.attributionId());
            }
        }
        return new Review(doc, annotators, shown, goldSpans, goldLinks, rejectedSpans, rejectedLinks);
    }


    Map<Long, String> usernames(Collection<Long> ids) {
        Set<Long> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            states.usernames(wanted).forEach(r -> names.put(((Number) r[0]).longValue(), (String) r[1]));
        }
        return names;
    }


    /** The values the label still defines and accepts (the schema may have changed since the annotator set them). */
    static Map<String, String> validAttributes(ProjectInfo project, String label, Map<String, String> values) {
        LabelInfo info = project.label(label).orElse(null);
        Map<String, String> valid = new TreeMap<>();
        if (info != null) {
            values.forEach((name, value) -> {
                Optional<AttributeDef> def = info.attribute(name);
                if (def.isPresent() && value != null && def.get().check(value) == null) {
                    valid.put(name, value);
                }
            });
        }
        return valid;
    }


    /**
     * Locks the span or triple a rejection or an accept names, so that its deletion waits until this change is
     * stored, and a part deleted meanwhile is not found (404) instead of being pointed at (decision 016).
     */
    void lockPart(long documentId, long id, boolean attribution) {
        if (attribution) {
            locks.attribution(new DocumentId(documentId), id);
        } else {
            locks.span(new DocumentId(documentId), new SpanId(id));
        }
    }


    List<SpanInfo> goldSpans(Actor actor, String slug, long documentId) {
        return annotations.listSpans(actor, annotations.gold(null), slug, documentId);
    }


    List<AttributionInfo> goldLinks(Actor actor, String slug, long documentId) {
        return annotations.listAttributions(actor, annotations.gold(null), slug, documentId);
    }


    ProjectInfo requireCurator(Actor actor, String slug) {
        return corpus.requireProject(actor, slug).requireCuratedBy(actor, "curate its documents");
    }

    CurationState requireOpened(Actor actor, String slug, long documentId) {
        requireCurator(actor, slug);
        corpus.requireDocument(actor, slug, documentId);
        CurationState state = states.findById(documentId).orElseThrow(() -> notOpened(documentId));
        if (state.status() == CurationStatus.CURATED) {
            throw new ConflictException("Document " + documentId + " is marked curated; reopen it to change what is"
                    + " rejected");
        }
        return state;
    }

    static ConflictException notOpened(long documentId) {
        return new ConflictException("Document " + documentId + " has not been opened for curation yet; open it"
                + " first (that creates its gold standard)");
    }

    /**
     * Runs a change of the gold standard: checks the permission, locks the document's curation state, checks that
     * nobody changed it since {@code expected}, refuses while curated (unless {@code whileCurated}), and counts the
     * version up. Anything thrown rolls the whole change back.
     */
    /** A curation decision in the audit trail (gold edits themselves are recorded by the annotation service). */
    void decision(Actor actor, String action, long documentId, Long spanId, Object before, Object after) {
        audit.record(new AuditLog.Who(actor.userId(), actor.username()), action,
                new AuditLog.Target(null, documentId, spanId, null, AnnotationService.GOLD), before, after);
    }

    <T> Versioned<T> change(Actor actor, String slug, long documentId, long expected, boolean whileCurated,
            Function<CurationState, T> work) {
        requireCurator(actor, slug);
        corpus.requireDocument(actor, slug, documentId);
        CurationState state;
        try {
            state = states.lock(documentId).orElseThrow(() -> notOpened(documentId));
        } catch (org.springframework.dao.PessimisticLockingFailureException busy) {
            throw new ConflictException("Another curator is changing the gold standard of this document right now;"
                    + " reload and try again. Nothing of yours was saved.");
        }
        if (state.version() != expected) {
            Map<Long, String> names = usernames(Arrays.asList(state.changedBy()));
            throw new ConflictException("The gold standard of this document was changed"
                    + (state.changedBy() == null ? "" : " by " + names.get(state.changedBy()) + " at "
                            + WHEN.format(state.changedAt()))
                    + " (now version " + state.version() + ", yours is " + expected + "). Reload to see the changes;"
                    + " nothing of yours was saved.");
        }
        if (!whileCurated && state.status() == CurationStatus.CURATED) {
            throw new ConflictException("Document " + documentId + " is marked curated; reopen it to change its gold"
                    + " standard");
        }
        T result = work.apply(state);
        state.changed(actor.userId(), clock.instant());
        return new Versioned<>(result, state.version());
    }

}
