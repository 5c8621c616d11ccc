package org.factspan.curation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.factspan.annotation.AnnotatedDocument;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.Owner;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.corpus.AssignmentService;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ProjectInfo;
import org.factspan.curation.CurationService.MergeResult;
import org.factspan.diff.Extent;
import org.factspan.security.Actor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * A document's curation from start to finish: opening it (the first automatic merge), merging again, marking it
 * curated (refused while places are open, unless overridden) and reopening it, and the statuses (split out of
 * {@link CurationService}, decision 023).
 */
@Component
class CurationLifecycle {

    private final CurationCore core;
    private final AnnotationService annotations;
    private final CorpusService corpus;
    private final CurationStateRepository states;
    private final RejectionRepository rejections;
    private final Clock clock;
    private final AssignmentService assignments;

    CurationLifecycle(CurationCore core, AnnotationService annotations, CorpusService corpus,
            CurationStateRepository states, RejectionRepository rejections, Clock clock,
            AssignmentService assignments) {
        this.core = core;
        this.annotations = annotations;
        this.corpus = corpus;
        this.states = states;
        this.rejections = rejections;
        this.clock = clock;
        this.assignments = assignments;
    }

    /**
     * Opens a document for curation. The first time, the gold standard is created and merged automatically with
     * {@code options}; later the state is returned as it is (options are ignored: use {@link #merge}). The merge
     * counts only the work of annotators who marked the document finished, unless {@code options.unfinished()}.
     */
    DocumentCuration open(Actor actor, String slug, long documentId, MergeOptions options, boolean anonymous) {
        core.requireCurator(actor, slug);
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
            core.decision(actor, "curation.open", documentId, null, null, mergeRecord(options, merged, state));
            return core.build(actor, slug, doc, state, anonymous);
        }
        return core.build(actor, slug, doc, existing.get(), anonymous);
    }

    /** Merges again (e.g. after annotators added work): adds only where the gold standard has nothing yet. */
    Versioned<MergeResult> merge(Actor actor, String slug, long documentId, long version, MergeOptions options) {
        return core.change(actor, slug, documentId, version, false, state -> {
            state.mergedWith(options);
            MergeResult merged = mergeInto(actor, slug, annotations.documentAnnotations(actor, slug, documentId),
                    options, state);
            core.decision(actor, "curation.merge", documentId, null, null, mergeRecord(options, merged, state));
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
        List<String> all = CurationCore.annotatorsOf(doc);
        if (options.unfinished()) {
            return all;
        }
        Set<String> done = CurationCore.finished(assignments.documentAssignments(actor, slug, doc.document().id()));
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
                    CurationCore.validAttributes(project, s.label(), s.attributes()));
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


    /**
     * Marks the document curated: its gold standard is final until {@link #reopen}. Refused with
     * {@link OpenPlacesException} (naming each place) while places are open, unless {@code override}: then it is
     * marked curated anyway, the audit trail records how many places were open and which, and the document shows it
     * (decision 023). Same permission either way: curators of the project and admins.
     */
    long markCurated(Actor actor, String slug, long documentId, long version, boolean override) {
        List<Disagreement> open = new ArrayList<>();
        long next = core.change(actor, slug, documentId, version, false, state -> {
            AnnotatedDocument doc = annotations.documentAnnotations(actor, slug, documentId);
            List<String> annotators = CurationCore.annotatorsOf(doc);
            Map<String, String> shown = new LinkedHashMap<>();
            annotators.forEach(n -> shown.put(n, n));
            CodePoints text = CodePoints.of(doc.document().text());
            core.review(actor, slug, doc, annotators, shown).disagreements(documentId, doc.document().title(), text)
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
        core.decision(actor, "curation.curated", documentId, null, null, after);
        return next;
    }

    /** Marks the document curated when nothing is open (see {@link #markCurated(Actor, String, long, long, boolean)}). */
    long markCurated(Actor actor, String slug, long documentId, long version) {
        return markCurated(actor, slug, documentId, version, false);
    }

    long reopen(Actor actor, String slug, long documentId, long version) {
        long next = core.change(actor, slug, documentId, version, true, state -> {
            if (state.status() != CurationStatus.CURATED) {
                throw new ConflictException("Document " + documentId + " is not marked curated");
            }
            state.reopen();
            return null;
        }).version();
        core.decision(actor, "curation.reopen", documentId, null, null, Map.of("version", next));
        return next;
    }

    /**
     * The statuses of the project's documents (curators and admins): NOT_STARTED for those never opened. For the
     * document list.
     */
    Map<Long, CurationStatus> statuses(Actor actor, String slug) {
        core.requireCurator(actor, slug);
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
    Set<Long> curatedDocuments(Actor actor, String slug) {
        List<Long> ids = corpus.listDocuments(actor, slug).stream().map(DocumentSummary::id).toList();
        Set<Long> curated = new java.util.HashSet<>();
        states.findByDocumentIdIn(ids).forEach(st -> {
            if (st.status() == CurationStatus.CURATED) {
                curated.add(st.documentId());
            }
        });
        return curated;
    }

}
