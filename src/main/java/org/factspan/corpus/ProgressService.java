package org.factspan.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factspan.security.Actor;
import org.factspan.security.AppUser;
import org.factspan.security.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The progress dashboard's numbers (curators of the project and admins): see {@link ProgressReport}. */
@Service
public class ProgressService {

    private final CorpusService corpus;
    private final DocumentRepository documents;
    private final AssignmentRepository assignments;
    private final ProjectMemberRepository members;
    private final SpanStatistics stats;
    private final UserService users;

    ProgressService(CorpusService corpus, DocumentRepository documents, AssignmentRepository assignments,
            ProjectMemberRepository members, SpanStatistics stats, UserService users) {
        this.corpus = corpus;
        this.documents = documents;
        this.assignments = assignments;
        this.members = members;
        this.stats = stats;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public ProgressReport progress(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug).requireCuratedBy(actor, "see its progress");
        // spans per (document, user) and per (user, label)
        Map<Long, Map<Long, Long>> perDocUser = new HashMap<>();
        Map<Long, Map<String, Long>> perUserLabel = new HashMap<>();
        Map<String, Long> perLabel = new LinkedHashMap<>();
        project.labels().forEach(l -> perLabel.put(l.name(), 0L));
        long total = 0;
        Map<Long, AppUser> people = new HashMap<>();
        java.util.function.Function<Long, AppUser> person = id -> people.computeIfAbsent(id,
                x -> users.findById(x).orElse(null));
        for (SpanStatistics.Tally t : stats.tally(project.id())) {
            AppUser owner = person.apply(t.userId());
            if (owner != null && owner.isSystemAccount()) {
                continue; // the gold standard's spans are nobody's work in progress (decision 023)
            }
            perDocUser.computeIfAbsent(t.documentId(), k -> new HashMap<>()).merge(t.userId(), t.spans(), Long::sum);
            perUserLabel.computeIfAbsent(t.userId(), k -> new TreeMap<>()).merge(t.label(), t.spans(), Long::sum);
            perLabel.merge(t.label(), t.spans(), Long::sum);
            total += t.spans();
        }
        Map<Long, List<Assignment>> byDocument = new HashMap<>();
        for (Assignment a : assignments.findByProject(project.id())) {
            byDocument.computeIfAbsent(a.getDocumentId(), k -> new ArrayList<>()).add(a);
        }

        // annotators: members with the annotator role, everyone assigned, everyone with spans
        Map<Long, int[]> counts = new LinkedHashMap<>(); // assigned, notStarted, inProgress, finished
        members.findByProjectId(project.id()).stream().filter(m -> m.getRole() == ProjectRole.ANNOTATOR)
                .forEach(m -> counts.put(m.getUserId(), new int[4]));
        perUserLabel.keySet().forEach(id -> counts.putIfAbsent(id, new int[4]));

        List<ProgressReport.DocumentProgress> docs = new ArrayList<>();
        for (DocumentRow row : documents.listRows(project.id())) {
            Map<Long, Long> spansHere = perDocUser.getOrDefault(row.id(), Map.of());
            List<ProgressReport.AssigneeProgress> assignees = new ArrayList<>();
            boolean allFinished = true;
            boolean anyStarted = false;
            for (Assignment a : byDocument.getOrDefault(row.id(), List.of())) {
                long spans = spansHere.getOrDefault(a.getUserId(), 0L);
                WorkState state = a.isFinished() ? WorkState.FINISHED
                        : spans > 0 ? WorkState.IN_PROGRESS : WorkState.NOT_STARTED;
                allFinished &= a.isFinished();
                anyStarted |= state != WorkState.NOT_STARTED;
                int[] c = counts.computeIfAbsent(a.getUserId(), k -> new int[4]);
                c[0]++;
                c[1 + state.ordinal()]++;
                AppUser u = person.apply(a.getUserId());
                assignees.add(new ProgressReport.AssigneeProgress(u == null ? "?" : u.getUsername(), state, spans));
            }
            assignees.sort(Comparator.comparing(ProgressReport.AssigneeProgress::username));
            WorkState state = !assignees.isEmpty() && allFinished && assignees.size() >= project.annotatorsPerDocument()
                    ? WorkState.FINISHED : anyStarted ? WorkState.IN_PROGRESS : WorkState.NOT_STARTED;
            long spans = spansHere.values().stream().mapToLong(Long::longValue).sum();
            docs.add(new ProgressReport.DocumentProgress(row.id(), row.name(), row.title(), state,
                    project.annotatorsPerDocument(), assignees, spans));
        }
        List<ProgressReport.AnnotatorProgress> annotators = new ArrayList<>();
        counts.forEach((id, c) -> {
            AppUser u = person.apply(id);
            if (u == null) {
                return;
            }
            Map<String, Long> labels = perUserLabel.getOrDefault(id, Map.of());
            annotators.add(new ProgressReport.AnnotatorProgress(u.getUsername(), u.getDisplayName(), c[0], c[1], c[2],
                    c[3], labels.values().stream().mapToLong(Long::longValue).sum(), labels));
        });
        annotators.sort(Comparator.comparing(ProgressReport.AnnotatorProgress::username));
        return new ProgressReport(slug, project.annotatorsPerDocument(), annotators, docs, perLabel, total);
    }
}
