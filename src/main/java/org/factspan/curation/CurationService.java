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
import org.factspan.base.Quote;
import org.factspan.annotation.AnnotatedDocument;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.Owner;
import org.factspan.annotation.ProjectAnnotations;
import org.factspan.annotation.Provenance;
import org.factspan.annotation.SpanInfo;
import org.factspan.annotation.SpanLocks;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.base.audit.AuditLog;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.AssignmentInfo;
import org.factspan.corpus.AssignmentService;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.curation.DocumentCuration.Activity;
import org.factspan.curation.DocumentCuration.GoldAttribution;
import org.factspan.curation.DocumentCuration.GoldSpan;
import org.factspan.diff.Extent;
import org.factspan.security.Actor;
import org.springframework.dao.DataIntegrityViolationException;
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

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final AnnotationService annotations;
    private final CorpusService corpus;
    private final CurationStateRepository states;
    private final RejectionRepository rejections;
    private final Clock clock;
    private final AuditLog audit;
    private final SpanLocks locks;
    private final AssignmentService assignments;

    CurationService(AnnotationService annotations, CorpusService corpus, CurationStateRepository states,
            RejectionRepository rejections, Clock clock, AuditLog audit, SpanLocks locks,
            AssignmentService assignments) {
        this.assignments = assignments;
        this.locks = locks;
        this.audit = audit;
        this.annotations = annotations;
        this.corpus = corpus;
        this.states = states;
        this.rejections = rejections;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading

    /** The curation of a document as it is; no side effects ({@link CurationStatus#NOT_STARTED} if never opened). */
    @Transactional(readOnly = true)
    public DocumentCuration read(Actor actor, String slug, long documentId, boolean anonymous) {
        requireCurator(actor, slug);
        return build(actor, slug, annotations.documentAnnotations(actor, slug, documentId),
                states.findById(documentId).orElse(null), anonymous);
    }

    /**
     * The document's annotators: everyone with a span on it, by name. The one place that says whose work a curator
     * compares (assignments can narrow it later).
     */
    static List<String> annotatorsOf(AnnotatedDocument doc) {
        return List.copyOf(new TreeSet<>(doc.spans().stream().map(SpanInfo::annotator).toList()));
    }

    /** Display names: the names, or "Annotator n" numbered over the project's annotators (stable across views). */
    private Map<String, String> display(Actor actor, String slug, Collection<String> names, boolean anonymous) {
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

    private DocumentCuration build(Actor actor, String slug, AnnotatedDocument doc, CurationState state,
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
    private static Set<String> finished(List<AssignmentInfo> assigned) {
        return assigned.stream().filter(AssignmentInfo::finished).map(AssignmentInfo::username)
                .collect(Collectors.toSet());
    }

    /**
     * The review of one document against its gold standard and rejections: the one place where the list of places
     * (open or settled) is made, for the view, the open count, the walk and the REST answers alike.
     */
    private Review review(Actor actor, String slug, AnnotatedDocument doc, List<String> annotators,
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

    private Map<Long, String> usernames(Collection<Long> ids) {
        Set<Long> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            states.usernames(wanted).forEach(r -> names.put(((Number) r[0]).longValue(), (String) r[1]));
        }
        return names;
    }

    // ------------------------------------------------------------------ opening and merging

    /**
     * Opens a document for curation. The first time, the gold standard is created and merged automatically with
     * {@code options}; later the state is returned as it is (options are ignored: use {@link #merge}). The merge
     * counts only the work of annotators who marked the document finished, unless {@code options.unfinished()}.
     */
    @Transactional
    public DocumentCuration open(Actor actor, String slug, long documentId, MergeOptions options, boolean anonymous) {
        requireCurator(actor, slug);
        AnnotatedDocument doc = annotations.documentAnnotations(actor, slug, documentId);
        Optional<CurationState> existing = states.lock(documentId);
        if (existing.isEmpty()) {
            CurationState state;
            try {
                state = states.saveAndFlush(new CurationState(documentId, options, actor.userId(), clock.instant()));
            } catch (DataIntegrityViolationException e) {
                throw new ConflictException("Another curator opened document " + documentId
                        + " for curation at the same moment; open it again");
            }
            MergeResult merged = mergeInto(actor, slug, doc, options, state);
            if (merged.changed()) {
                state.changed(actor.userId(), clock.instant());
            }
            decision(actor, "curation.open", documentId, null, null, mergeRecord(options, merged, state));
            return build(actor, slug, doc, state, anonymous);
        }
        return build(actor, slug, doc, existing.get(), anonymous);
    }

    /** Merges again (e.g. after annotators added work): adds only where the gold standard has nothing yet. */
    @Transactional
    public Versioned<MergeResult> merge(Actor actor, String slug, long documentId, long version, MergeOptions options) {
        return change(actor, slug, documentId, version, false, state -> {
            state.mergedWith(options);
            MergeResult merged = mergeInto(actor, slug, annotations.documentAnnotations(actor, slug, documentId),
                    options, state);
            decision(actor, "curation.merge", documentId, null, null, mergeRecord(options, merged, state));
            return merged;
        });
    }

    /** What the audit trail keeps of a merge: mode, whose work it counted, and whether unfinished work was in. */
    private static Map<String, Object> mergeRecord(MergeOptions options, MergeResult merged, CurationState state) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("merge", options.mode().id());
        after.put("unfinished", options.unfinished());
        after.put("counted", state.mergeCounted());
        after.put("spans", merged.spans());
        after.put("attributions", merged.attributions());
        return after;
    }

    /**
     * The annotators whose work a merge counts: those who marked the document finished, or (with
     * {@code options.unfinished()}) everyone with work on it. Real user names, sorted.
     */
    private List<String> counted(Actor actor, String slug, AnnotatedDocument doc, MergeOptions options) {
        List<String> all = annotatorsOf(doc);
        if (options.unfinished()) {
            return all;
        }
        Set<String> done = finished(assignments.documentAssignments(actor, slug, doc.document().id()));
        return all.stream().filter(done::contains).toList();
    }

    private MergeResult mergeInto(Actor actor, String slug, AnnotatedDocument all, MergeOptions options,
            CurationState state) {
        List<String> annotators = counted(actor, slug, all, options);
        state.counted(annotators);
        Set<String> in = Set.copyOf(annotators);
        AnnotatedDocument doc = new AnnotatedDocument(all.document(),
                all.spans().stream().filter(s -> in.contains(s.annotator())).toList(),
                all.attributions().stream().filter(a -> in.contains(all.annotatorOf(a))).toList());
        long documentId = doc.document().id();
        ProjectInfo project = corpus.requireProject(actor, slug);
        Map<Long, Map<String, String>> attributes = new HashMap<>();
        doc.spans().forEach(s -> attributes.put(s.id(), s.attributes()));
        Owner gold = annotations.gold(null);
        List<SpanInfo> goldSpans = annotations.listSpans(actor, gold, slug, documentId);
        List<AttributionInfo> goldLinks = annotations.listAttributions(actor, gold, slug, documentId);
        Map<Long, SpanInfo> goldById = goldSpans.stream().collect(Collectors.toMap(SpanInfo::id, s -> s));
        Set<Extent> goldContents = goldLinks.stream().map(a -> goldById.get(a.content())).filter(Objects::nonNull)
                .map(s -> new Extent(s.start(), s.end())).collect(Collectors.toSet());
        Set<Long> rejectedSpans = new HashSet<>();
        Set<Long> rejectedLinks = new HashSet<>();
        rejections.findByDocumentId(documentId).forEach(r -> {
            if (r.spanId() != null) {
                rejectedSpans.add(r.spanId());
            } else {
                rejectedLinks.add(r.attributionId());
            }
        });
        AutoMerge.Plan plan = AutoMerge.plan(Review.diffOf(doc, annotators), attributes, options,
                goldSpans.stream().map(s -> new AutoMerge.GoldPart(new Extent(s.start(), s.end()), s.label())).toList(),
                goldContents, rejectedSpans, rejectedLinks);
        for (AutoMerge.SpanPlan s : plan.spans()) {
            annotations.createSpan(actor, annotations.gold(s.kind()), slug, documentId, s.start(), s.end(), s.label(),
                    validAttributes(project, s.label(), s.attributes()));
        }
        int links = 0;
        if (!plan.triples().isEmpty()) {
            List<SpanInfo> now = annotations.listSpans(actor, gold, slug, documentId);
            Set<List<Long>> existing = new HashSet<>();
            goldLinks.forEach(a -> existing.add(Arrays.asList(a.source(), a.cue(), a.content())));
            for (AutoMerge.TriplePlan t : plan.triples()) {
                Long content = idOf(now, t.content());
                Long source = t.source() == null ? null : idOf(now, t.source());
                Long cue = t.cue() == null ? null : idOf(now, t.cue());
                // a triple needs a source or a cue (stored triples from before V9 may have neither: not merged)
                if (content == null || (t.source() != null && source == null) || (source == null && cue == null)
                        || !existing.add(Arrays.asList(source, cue, content))) {
                    continue;
                }
                annotations.createAttribution(actor, annotations.gold(t.kind()), slug, documentId, source, cue,
                        content);
                links++;
            }
        }
        return new MergeResult(plan.spans().size(), links);
    }

    private static Long idOf(List<SpanInfo> spans, AutoMerge.Part part) {
        return spans.stream().filter(s -> s.start() == part.extent().start() && s.end() == part.extent().end()
                && s.label().equals(part.label())).map(SpanInfo::id).findFirst().orElse(null);
    }

    /** The values the label still defines and accepts (the schema may have changed since the annotator set them). */
    private static Map<String, String> validAttributes(ProjectInfo project, String label, Map<String, String> values) {
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

    // ------------------------------------------------------------------ accepting and rejecting

    /** Takes a part of an annotator's work into the gold standard (see {@link Accept.What}); provenance adjudicated. */
    @Transactional
    public Versioned<AcceptResult> accept(Actor actor, String slug, long documentId, long version, Accept accept) {
        return change(actor, slug, documentId, version, false, state -> {
            // the annotator's span or triple stays until the gold standard has its copy (decision 016)
            lockPart(documentId, accept.id(), accept.what() == Accept.What.ATTRIBUTION);
            AnnotatedDocument doc = annotations.documentAnnotations(actor, slug, documentId);
            ProjectInfo project = corpus.requireProject(actor, slug);
            AcceptResult result = switch (accept.what()) {
                case SPAN -> acceptSpan(actor, slug, documentId, project, annotatorSpan(doc, accept.id()));
                case LABEL -> acceptLabel(actor, slug, documentId, project, annotatorSpan(doc, accept.id()));
                case ATTRIBUTES -> acceptAttributes(actor, slug, documentId, annotatorSpan(doc, accept.id()),
                        accept.attribute());
                case ATTRIBUTION -> acceptAttribution(actor, slug, documentId, project, doc, accept.id());
            };
            (accept.what() == Accept.What.ATTRIBUTION ? rejections.findByAttributionId(accept.id())
                    : rejections.findBySpanId(accept.id())).ifPresent(rejections::delete);
            decision(actor, "curation.accept", documentId, accept.what() == Accept.What.ATTRIBUTION ? null : accept.id(),
                    Map.of("what", accept.what().name().toLowerCase(java.util.Locale.ROOT), "id", accept.id()),
                    result);
            return result;
        });
    }

    /**
     * Locks the span or triple a rejection or an accept names, so that its deletion waits until this change is
     * stored, and a part deleted meanwhile is not found (404) instead of being pointed at (decision 016).
     */
    private void lockPart(long documentId, long id, boolean attribution) {
        if (attribution) {
            locks.attribution(documentId, id);
        } else {
            locks.span(documentId, id);
        }
    }

    private static SpanInfo annotatorSpan(AnnotatedDocument doc, long spanId) {
        return doc.spans().stream().filter(s -> s.id() == spanId).findFirst().orElseThrow(() -> new NotFoundException(
                "No annotator's span " + spanId + " in document " + doc.document().id()));
    }

    private List<SpanInfo> goldSpans(Actor actor, String slug, long documentId) {
        return annotations.listSpans(actor, annotations.gold(null), slug, documentId);
    }

    private List<AttributionInfo> goldLinks(Actor actor, String slug, long documentId) {
        return annotations.listAttributions(actor, annotations.gold(null), slug, documentId);
    }

    private static boolean sameExtent(SpanInfo a, SpanInfo b) {
        return a.start() == b.start() && a.end() == b.end();
    }

    private static boolean overlap(SpanInfo a, SpanInfo b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private AcceptResult acceptSpan(Actor actor, String slug, long documentId, ProjectInfo project, SpanInfo unit) {
        List<SpanInfo> gold = goldSpans(actor, slug, documentId);
        Optional<SpanInfo> exact = gold.stream().filter(g -> sameExtent(g, unit) && g.label().equals(unit.label()))
                .findFirst();
        List<SpanInfo> alternatives = gold.stream().filter(g -> exact.map(e -> e.id() != g.id()).orElse(true))
                .filter(g -> sameExtent(g, unit) || (g.label().equals(unit.label()) && overlap(g, unit))).toList();
        Map<String, String> values = validAttributes(project, unit.label(), unit.attributes());
        SpanInfo target;
        if (exact.isPresent()) {
            target = exact.get();
            copyAttributes(actor, slug, documentId, target, values, null);
        } else {
            target = annotations.createSpan(actor, annotations.gold(Provenance.Kind.ADJUDICATED), slug, documentId,
                    unit.start(), unit.end(), unit.label(), values);
        }
        int dropped = replace(actor, slug, documentId, target, alternatives);
        return new AcceptResult(target.id(), null, alternatives.size(), dropped);
    }

    private AcceptResult acceptLabel(Actor actor, String slug, long documentId, ProjectInfo project, SpanInfo unit) {
        List<SpanInfo> atExtent = goldSpans(actor, slug, documentId).stream().filter(g -> sameExtent(g, unit))
                .toList();
        Optional<SpanInfo> same = atExtent.stream().filter(g -> g.label().equals(unit.label())).findFirst();
        SpanInfo target = same.orElseGet(() -> annotations.createSpan(actor,
                annotations.gold(Provenance.Kind.ADJUDICATED), slug, documentId, unit.start(), unit.end(), unit.label(),
                atExtent.isEmpty() ? Map.of() : validAttributes(project, unit.label(), atExtent.getFirst().attributes())));
        List<SpanInfo> alternatives = atExtent.stream().filter(g -> g.id() != target.id()).toList();
        int dropped = replace(actor, slug, documentId, target, alternatives);
        return new AcceptResult(target.id(), null, alternatives.size(), dropped);
    }

    private AcceptResult acceptAttributes(Actor actor, String slug, long documentId, SpanInfo unit, String attribute) {
        SpanInfo target = goldSpans(actor, slug, documentId).stream()
                .filter(g -> sameExtent(g, unit) && g.label().equals(unit.label())).findFirst()
                .orElseThrow(() -> new InvalidRequestException("The gold standard has no " + unit.label() + " span at "
                        + unit.start() + ".." + unit.end() + "; accept the span or its label first"));
        copyAttributes(actor, slug, documentId, target, unit.attributes(), attribute);
        return new AcceptResult(target.id(), null, 0, 0);
    }

    /** Makes the gold span's attribute values those given (only {@code only}, when not null). */
    private void copyAttributes(Actor actor, String slug, long documentId, SpanInfo target, Map<String, String> values,
            String only) {
        Set<String> names = new TreeSet<>();
        if (only != null) {
            names.add(only);
        } else {
            names.addAll(target.attributes().keySet());
            names.addAll(values.keySet());
        }
        Owner gold = annotations.gold(Provenance.Kind.ADJUDICATED);
        for (String name : names) {
            String want = values.get(name);
            if (!Objects.equals(want, target.attributes().get(name)) || only != null) {
                annotations.setAttribute(actor, gold, slug, documentId, target.id(), name, want);
            }
        }
    }

    /**
     * Replaces gold spans by {@code target}: gold attributions that used a replaced span of the target's label now
     * use the target; those that used one of another label cannot keep their roles and go with it.
     *
     * @return the number of gold attributions that went
     */
    private int replace(Actor actor, String slug, long documentId, SpanInfo target, List<SpanInfo> replaced) {
        if (replaced.isEmpty()) {
            return 0;
        }
        Map<Long, SpanInfo> byId = replaced.stream().collect(Collectors.toMap(SpanInfo::id, s -> s));
        List<AttributionInfo> links = goldLinks(actor, slug, documentId);
        Set<List<Long>> kept = new HashSet<>();
        links.stream().filter(a -> replaced.stream().noneMatch(r -> a.uses(r.id())))
                .forEach(a -> kept.add(Arrays.asList(a.source(), a.cue(), a.content())));
        int dropped = 0;
        Owner gold = annotations.gold(Provenance.Kind.ADJUDICATED);
        for (AttributionInfo a : links) {
            if (replaced.stream().noneMatch(r -> a.uses(r.id()))) {
                continue;
            }
            boolean fits = true;
            Long[] parts = {a.source(), a.cue(), a.content()};
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] != null && byId.containsKey(parts[i])) {
                    fits &= byId.get(parts[i]).label().equals(target.label());
                    parts[i] = target.id();
                }
            }
            if (fits && kept.add(Arrays.asList(parts))) {
                annotations.createAttribution(actor, gold, slug, documentId, parts[0], parts[1], parts[2]);
            } else if (!fits) {
                dropped++;
            }
        }
        for (SpanInfo r : replaced) {
            annotations.deleteSpan(actor, gold, slug, documentId, r.id());
        }
        return dropped;
    }

    private AcceptResult acceptAttribution(Actor actor, String slug, long documentId, ProjectInfo project,
            AnnotatedDocument doc, long attributionId) {
        AttributionInfo triple = doc.attributions().stream().filter(a -> a.id() == attributionId).findFirst()
                .orElseThrow(() -> new NotFoundException("No annotator's attribution " + attributionId
                        + " in document " + documentId));
        int replacedSpans = 0;
        int dropped = 0;
        Long[] goldParts = new Long[3];
        Long[] parts = {triple.source(), triple.cue(), triple.content()};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                continue;
            }
            SpanInfo unit = annotatorSpan(doc, parts[i]);
            Optional<SpanInfo> exact = goldSpans(actor, slug, documentId).stream()
                    .filter(g -> sameExtent(g, unit) && g.label().equals(unit.label())).findFirst();
            if (exact.isPresent()) {
                goldParts[i] = exact.get().id();
            } else {
                AcceptResult placed = acceptSpan(actor, slug, documentId, project, unit);
                goldParts[i] = placed.goldSpan();
                replacedSpans += placed.replacedSpans();
                dropped += placed.droppedAttributions();
            }
        }
        Owner gold = annotations.gold(Provenance.Kind.ADJUDICATED);
        AttributionInfo same = null;
        for (AttributionInfo a : goldLinks(actor, slug, documentId)) {
            if (a.content() != goldParts[2]) {
                continue;
            }
            if (Objects.equals(a.source(), goldParts[0]) && Objects.equals(a.cue(), goldParts[1])) {
                same = a;
            } else {
                annotations.deleteAttribution(actor, gold, slug, documentId, a.id());
                dropped++;
            }
        }
        AttributionInfo result = same != null ? same
                : annotations.createAttribution(actor, gold, slug, documentId, goldParts[0], goldParts[1], goldParts[2]);
        return new AcceptResult(goldParts[2], result.id(), replacedSpans, dropped);
    }

    /**
     * Rejects an annotator's span ({@code attribution} false) or attribution: it is shown as rejected and never
     * merged automatically. Not a change of the gold standard (no version).
     */
    @Transactional
    public void reject(Actor actor, String slug, long documentId, long id, boolean attribution) {
        requireOpened(actor, slug, documentId);
        lockPart(documentId, id, attribution);
        AnnotatedDocument doc = annotations.documentAnnotations(actor, slug, documentId);
        if (attribution) {
            if (doc.attributions().stream().noneMatch(a -> a.id() == id)) {
                throw new NotFoundException("No annotator's attribution " + id + " in document " + documentId);
            }
            if (rejections.findByAttributionId(id).isEmpty()) {
                rejections.save(new Rejection(documentId, null, id, actor.userId(), clock.instant()));
            }
        } else {
            annotatorSpan(doc, id);
            if (rejections.findBySpanId(id).isEmpty()) {
                rejections.save(new Rejection(documentId, id, null, actor.userId(), clock.instant()));
            }
        }
        decision(actor, "curation.reject", documentId, attribution ? null : id, null,
                Map.of(attribution ? "attribution" : "span", id));
    }

    /** Takes a rejection back. */
    @Transactional
    public void unreject(Actor actor, String slug, long documentId, long id, boolean attribution) {
        requireOpened(actor, slug, documentId);
        lockPart(documentId, id, attribution);
        AnnotatedDocument doc = annotations.documentAnnotations(actor, slug, documentId);
        if (attribution) {
            if (doc.attributions().stream().noneMatch(a -> a.id() == id)) {
                throw new NotFoundException("No annotator's attribution " + id + " in document " + documentId);
            }
        } else {
            annotatorSpan(doc, id);
        }
        var rejection = (attribution ? rejections.findByAttributionId(id) : rejections.findBySpanId(id))
                .filter(r -> r.documentId() == documentId);
        if (rejection.isEmpty()) {
            return; // not rejected: nothing to take back, and nothing to record
        }
        rejections.delete(rejection.get());
        decision(actor, "curation.unreject", documentId, attribution ? null : id,
                Map.of(attribution ? "attribution" : "span", id), null);
    }

    // ------------------------------------------------------------------ editing the gold standard directly

    @Transactional
    public Versioned<SpanInfo> createGoldSpan(Actor actor, String slug, long documentId, long version, int start,
            int end, String label, Map<String, String> values) {
        return change(actor, slug, documentId, version, false, state -> annotations.createSpan(actor, curator(), slug,
                documentId, start, end, label, values == null ? Map.of() : values));
    }

    @Transactional
    public Versioned<AnnotationService.DeletedSpan> deleteGoldSpan(Actor actor, String slug, long documentId,
            long version, long spanId) {
        return change(actor, slug, documentId, version, false,
                state -> annotations.deleteSpan(actor, curator(), slug, documentId, spanId));
    }

    @Transactional
    public Versioned<SpanInfo> relabelGoldSpan(Actor actor, String slug, long documentId, long version, long spanId,
            String label) {
        return change(actor, slug, documentId, version, false,
                state -> annotations.relabelSpan(actor, curator(), slug, documentId, spanId, label));
    }

    @Transactional
    public Versioned<SpanInfo> setGoldAttribute(Actor actor, String slug, long documentId, long version, long spanId,
            String name, String value) {
        return change(actor, slug, documentId, version, false,
                state -> annotations.setAttribute(actor, curator(), slug, documentId, spanId, name, value));
    }

    @Transactional
    public Versioned<AttributionInfo> createGoldAttribution(Actor actor, String slug, long documentId, long version,
            Long source, Long cue, long content) {
        return change(actor, slug, documentId, version, false,
                state -> annotations.createAttribution(actor, curator(), slug, documentId, source, cue, content));
    }

    @Transactional
    public Versioned<AttributionInfo> linkGoldSpans(Actor actor, String slug, long documentId, long version,
            List<Long> spanIds) {
        return change(actor, slug, documentId, version, false,
                state -> annotations.linkSpans(actor, curator(), slug, documentId, spanIds));
    }

    @Transactional
    public Versioned<AttributionInfo> deleteGoldAttribution(Actor actor, String slug, long documentId, long version,
            long attributionId) {
        return change(actor, slug, documentId, version, false,
                state -> annotations.deleteAttribution(actor, curator(), slug, documentId, attributionId));
    }

    /** Brings a deleted gold span back under its own id (undo and redo in the curation view; decision 020). */
    @Transactional
    public Versioned<SpanInfo> restoreGoldSpan(Actor actor, String slug, long documentId, long version,
            SpanInfo span) {
        return change(actor, slug, documentId, version, false,
                state -> annotations.restoreSpan(actor, curator(), slug, documentId, span));
    }

    /** Brings a deleted gold attribution back under its own id. */
    @Transactional
    public Versioned<AttributionInfo> restoreGoldAttribution(Actor actor, String slug, long documentId, long version,
            AttributionInfo triple) {
        return change(actor, slug, documentId, version, false,
                state -> annotations.restoreAttribution(actor, curator(), slug, documentId, triple));
    }

    /** The gold standard's spans on a document (curators and admins), in document order. */
    @Transactional(readOnly = true)
    public List<SpanInfo> listGoldSpans(Actor actor, String slug, long documentId) {
        requireCurator(actor, slug);
        return goldSpans(actor, slug, documentId);
    }

    /** The gold standard's attributions on a document (curators and admins). */
    @Transactional(readOnly = true)
    public List<AttributionInfo> listGoldAttributions(Actor actor, String slug, long documentId) {
        requireCurator(actor, slug);
        return goldLinks(actor, slug, documentId);
    }

    private Owner curator() {
        return annotations.gold(Provenance.Kind.CURATOR);
    }

    // ------------------------------------------------------------------ status

    /**
     * Marks the document curated: its gold standard is final until {@link #reopen}. Refused with
     * {@link OpenPlacesException} (naming each place) while places are open, unless {@code override}: then it is
     * marked curated anyway, the audit trail records how many places were open and which, and the document shows it
     * (decision 023). Same permission either way: curators of the project and admins.
     */
    @Transactional
    public long markCurated(Actor actor, String slug, long documentId, long version, boolean override) {
        List<Disagreement> open = new ArrayList<>();
        long next = change(actor, slug, documentId, version, false, state -> {
            AnnotatedDocument doc = annotations.documentAnnotations(actor, slug, documentId);
            List<String> annotators = annotatorsOf(doc);
            Map<String, String> shown = new LinkedHashMap<>();
            annotators.forEach(n -> shown.put(n, n));
            CodePoints text = CodePoints.of(doc.document().text());
            review(actor, slug, doc, annotators, shown).disagreements(documentId, doc.document().title(), text)
                    .stream().filter(d -> !d.settled()).forEach(open::add);
            if (!open.isEmpty() && !override) {
                throw new OpenPlacesException(documentId, open);
            }
            state.markCurated(actor.userId(), clock.instant(), open.size());
            return null;
        }).version();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", next);
        if (!open.isEmpty()) {
            after.put("override", true);
            after.put("open", open.size());
            after.put("places", open.stream().map(d -> d.kind().id() + " " + d.start() + "-" + d.end()).toList());
        }
        decision(actor, "curation.curated", documentId, null, null, after);
        return next;
    }

    /** Marks the document curated when nothing is open (see {@link #markCurated(Actor, String, long, long, boolean)}). */
    @Transactional
    public long markCurated(Actor actor, String slug, long documentId, long version) {
        return markCurated(actor, slug, documentId, version, false);
    }

    @Transactional
    public long reopen(Actor actor, String slug, long documentId, long version) {
        long next = change(actor, slug, documentId, version, true, state -> {
            if (state.status() != CurationStatus.CURATED) {
                throw new ConflictException("Document " + documentId + " is not marked curated");
            }
            state.reopen();
            return null;
        }).version();
        decision(actor, "curation.reopen", documentId, null, null, Map.of("version", next));
        return next;
    }

    /**
     * The statuses of the project's documents (curators and admins): NOT_STARTED for those never opened. For the
     * document list.
     */
    @Transactional(readOnly = true)
    public Map<Long, CurationStatus> statuses(Actor actor, String slug) {
        requireCurator(actor, slug);
        List<Long> ids = corpus.listDocuments(actor, slug).stream().map(DocumentSummary::id).toList();
        Map<Long, CurationStatus> result = new LinkedHashMap<>();
        ids.forEach(id -> result.put(id, CurationStatus.NOT_STARTED));
        states.findByDocumentIdIn(ids).forEach(s -> result.put(s.documentId(), s.status()));
        return result;
    }

    /**
     * The ids of the project's documents that are marked curated, for any member of the project (annotators may see
     * what is built on finished gold, such as claim clusters).
     */
    @Transactional(readOnly = true)
    public Set<Long> curatedDocuments(Actor actor, String slug) {
        List<Long> ids = corpus.listDocuments(actor, slug).stream().map(DocumentSummary::id).toList();
        Set<Long> curated = new java.util.HashSet<>();
        states.findByDocumentIdIn(ids).forEach(st -> {
            if (st.status() == CurationStatus.CURATED) {
                curated.add(st.documentId());
            }
        });
        return curated;
    }

    // ------------------------------------------------------------------ disagreements

    /**
     * Every place in the project where the annotators of a document do not agree (positions of the one diff that are
     * not AGREE), most important first ({@link Disagreement#importance}); by default only those not settled yet.
     */
    @Transactional(readOnly = true)
    public List<Disagreement> disagreements(Actor actor, String slug, DisagreementFilter filter, boolean anonymous) {
        requireCurator(actor, slug);
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
        Map<String, String> shown = display(actor, slug, all.annotators(), anonymous);
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
            for (Disagreement x : review(actor, slug, doc, annotatorsOf(doc), shown).disagreements(d.id(), d.title(),
                    text)) {
                if ((f.settled() || !x.settled()) && (f.label() == null || x.labels().contains(f.label()))
                        && (f.annotator() == null || x.annotators().contains(f.annotator()))) {
                    result.add(x);
                }
            }
        }
        result.sort(Disagreement.importance(id -> ids.indexOf(id)));
        return result;
    }

    // ------------------------------------------------------------------ permissions and versions

    private ProjectInfo requireCurator(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        if (!project.curatedBy(actor)) {
            throw new ForbiddenException("Only curators of project " + Quote.of(slug) + " and admins curate its documents");
        }
        return project;
    }

    private CurationState requireOpened(Actor actor, String slug, long documentId) {
        requireCurator(actor, slug);
        corpus.requireDocument(actor, slug, documentId);
        CurationState state = states.findById(documentId).orElseThrow(() -> notOpened(documentId));
        if (state.status() == CurationStatus.CURATED) {
            throw new ConflictException("Document " + documentId + " is marked curated; reopen it to change what is"
                    + " rejected");
        }
        return state;
    }

    private static ConflictException notOpened(long documentId) {
        return new ConflictException("Document " + documentId + " has not been opened for curation yet; open it"
                + " first (that creates its gold standard)");
    }

    /**
     * Runs a change of the gold standard: checks the permission, locks the document's curation state, checks that
     * nobody changed it since {@code expected}, refuses while curated (unless {@code whileCurated}), and counts the
     * version up. Anything thrown rolls the whole change back.
     */
    /** A curation decision in the audit trail (gold edits themselves are recorded by the annotation service). */
    private void decision(Actor actor, String action, long documentId, Long spanId, Object before, Object after) {
        audit.record(new AuditLog.Who(actor.userId(), actor.username()), action,
                new AuditLog.Target(null, documentId, spanId, null, AnnotationService.GOLD), before, after);
    }

    private <T> Versioned<T> change(Actor actor, String slug, long documentId, long expected, boolean whileCurated,
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
