package org.factspan.annotation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.springframework.stereotype.Component;

/**
 * Everyone's work across a project ({@link AnnotationService}'s project-wide section): all annotators' spans and
 * triples at once, one owner's across the project, one document's with the annotators' names, the annotators' names,
 * and the broken triples curators and admins repair (decision 016). Called through {@link AnnotationService}, which
 * holds the transactions.
 */
@Component
class ProjectAnnotationReads {

    private final SpanRepository spans;
    private final AttributionRepository attributions;
    private final CorpusService corpus;
    private final UserService users;
    private final SpanLocks locks;
    private final AnnotationGuards guards;

    ProjectAnnotationReads(SpanRepository spans, AttributionRepository attributions, CorpusService corpus,
            UserService users, SpanLocks locks, AnnotationGuards guards) {
        this.spans = spans;
        this.attributions = attributions;
        this.corpus = corpus;
        this.users = users;
        this.locks = locks;
        this.guards = guards;
    }

    /** The project's broken triples, of every owner (the gold standard's too): curators and admins only. */
    List<AnnotationService.BrokenAttribution> brokenAttributions(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        AnnotationGuards.requireCurator(actor, project);
        List<AnnotationService.BrokenAttribution> result = new ArrayList<>();
        for (Object[] r : attributions.brokenOfProject(project.id())) {
            Long source = r[3] == null ? null : ((Number) r[3]).longValue();
            Long cue = r[4] == null ? null : ((Number) r[4]).longValue();
            long content = ((Number) r[5]).longValue();
            result.add(new AnnotationService.BrokenAttribution(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    source, cue, content, missingSpans(source, cue, content)));
        }
        return result;
    }

    /**
     * Deletes a triple of any owner that names a span that is gone, for the project's curators and admins (the owner
     * cannot see it any more, and it is nobody's work now), with an audit entry that the owner sees in the document's
     * history. An intact triple is refused (409): it is its annotator's to delete, and a curator's to reject.
     */
    AttributionInfo repairAttribution(Actor actor, String slug, long documentId, long attributionId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        AnnotationGuards.requireCurator(actor, project);
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
        guards.audit(actor, "attribution.repair", project.id(), documentId, a.getContentSpanId(), attributionId,
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
    ProjectAnnotations allAnnotations(Actor actor, String slug, Collection<Long> documentIds) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        AnnotationGuards.requireCurator(actor, project);
        return assemble(spans.findAllOfProject(project.id()), attributions.findAllOfProject(project.id()),
                documentIds);
    }

    /**
     * One owner's spans and attributions in a project (or in {@code documentIds} when not null), in one query per
     * table: the gold standard's for curators and admins, one's own for anyone.
     */
    ProjectAnnotations annotationsOf(Actor actor, Owner owner, String slug, Collection<Long> documentIds) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        guards.requireMayUse(actor, owner, project);
        return assemble(spans.findAllOfProjectAndUser(project.id(), owner.userId()),
                attributions.findAllOfProjectAndUser(project.id(), owner.userId()), documentIds);
    }

    /**
     * Span rows (id, document, user, label, start, end) and attribution rows (id, document, source, cue, content,
     * user) as read for a project, kept to {@code documentIds} when not null; triples naming a missing span are left
     * out.
     */
    private static ProjectAnnotations assemble(List<Object[]> spanRows, List<Object[]> tripleRows,
            Collection<Long> documentIds) {
        Set<Long> only = documentIds == null ? null : Set.copyOf(documentIds);
        List<ProjectAnnotations.AnnotatedSpan> all = spanRows.stream()
                .map(r -> new ProjectAnnotations.AnnotatedSpan(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        (String) r[2], ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), (String) r[3]))
                .filter(s -> only == null || only.contains(s.documentId()))
                .toList();
        List<ProjectAnnotations.AnnotatedAttribution> triples = tripleRows.stream()
                .map(r -> new ProjectAnnotations.AnnotatedAttribution(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), (String) r[2], r[3] == null ? null : ((Number) r[3]).longValue(),
                        r[4] == null ? null : ((Number) r[4]).longValue(), ((Number) r[5]).longValue()))
                .filter(a -> only == null || only.contains(a.documentId()))
                .toList();
        return new ProjectAnnotations(all, AnnotationGuards.resolvable(triples, all.stream()
                .map(ProjectAnnotations.AnnotatedSpan::id).collect(Collectors.toSet()),
                a -> new AttributionInfo(a.id(), a.documentId(), a.source(), a.cue(), a.content())));
    }

    /** The names of everyone with spans in the project (not the gold standard), sorted: curators and admins only. */
    List<String> annotatorNames(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        AnnotationGuards.requireCurator(actor, project);
        return spans.annotatorNamesOf(project.id());
    }

    /**
     * Every annotator's spans (with their names and attributes) and attributions on one document, without the gold
     * standard: for the project's curators and admins.
     */
    AnnotatedDocument documentAnnotations(Actor actor, String slug, long documentId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        AnnotationGuards.requireCurator(actor, project);
        var doc = corpus.openDocument(actor, slug, documentId);
        List<Span> found = spans.findByDocumentIdOrderByStartAscEndAscIdAsc(documentId);
        Map<Long, String> names = new java.util.HashMap<>();
        for (Object[] row : spans.annotatorsOf(project.id())) {
            names.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        Map<Long, Map<String, String>> values = guards.attributesOf(found.stream().map(Span::getId).toList());
        CodePoints text = corpus.textIndex(documentId);
        List<SpanInfo> infos = found.stream().map(s -> AnnotationGuards.toInfo(s, text, names.get(s.getUserId()),
                values.getOrDefault(s.getId(), Map.of()))).toList();
        return new AnnotatedDocument(doc, infos, AnnotationGuards.resolvable(attributions.findByDocumentIdOrderById(documentId)
                .stream().map(Attribution::toInfo).toList(), found.stream().map(Span::getId).collect(Collectors.toSet()),
                a -> a));
    }
}
