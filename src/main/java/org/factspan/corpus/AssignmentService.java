package org.factspan.corpus;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.factspan.base.Quote;
import org.factspan.base.ConflictException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.security.Actor;
import org.factspan.security.AppUser;
import org.factspan.security.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who annotates which document. Curators of the project and admins assign (by hand or automatically), reassign,
 * unassign and reopen; only annotators of the project can be assigned. Annotators see their queue, open their
 * next unfinished document and mark documents finished (read-only for them from then on). Once a project has
 * any assignment, its annotators see only the documents assigned to them ({@link CorpusService}).
 */
@Service
public class AssignmentService {

    /** What automatic assignment did: assignments created, and documents still short of k annotators. */
    public record AutoAssignResult(int created, int documentsShort) {
    }

    /** The caller's own relation to a document: assigned to it, and whether they marked it finished. */
    public record MyAssignment(boolean assigned, boolean finished) {
    }

    private final AssignmentRepository assignments;
    private final ProjectMemberRepository members;
    private final DocumentRepository documents;
    private final CorpusService corpus;
    private final UserService users;
    private final Clock clock;

    AssignmentService(AssignmentRepository assignments, ProjectMemberRepository members, DocumentRepository documents,
            CorpusService corpus, UserService users, Clock clock) {
        this.assignments = assignments;
        this.members = members;
        this.documents = documents;
        this.corpus = corpus;
        this.users = users;
        this.clock = clock;
    }

    /** Every assignment of the project (curators and admins). */
    @Transactional(readOnly = true)
    public List<AssignmentInfo> assignments(Actor actor, String slug) {
        ProjectInfo project = requireCurator(actor, slug);
        Map<Long, String> names = new HashMap<>();
        return assignments.findByProject(project.id()).stream().map(a -> info(a, names)).toList();
    }

    /** The assignments of one document (curators and admins), in the order they were made. */
    @Transactional(readOnly = true)
    public List<AssignmentInfo> documentAssignments(Actor actor, String slug, long documentId) {
        ProjectInfo project = requireCurator(actor, slug);
        requireDocumentOf(project, documentId);
        Map<Long, String> names = new HashMap<>();
        return assignments.findByDocumentIdOrderByAssignedAtAscIdAsc(documentId).stream().map(a -> info(a, names))
                .toList();
    }

    /** The caller's assignments in the project, in document order. */
    @Transactional(readOnly = true)
    public List<AssignmentInfo> myAssignments(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        Map<Long, Integer> order = order(project.id());
        return assignments.findByProjectAndUser(project.id(), actor.userId()).stream()
                .sorted(Comparator.comparing(a -> order.getOrDefault(a.getDocumentId(), Integer.MAX_VALUE)))
                .map(a -> new AssignmentInfo(a.getDocumentId(), actor.username(), a.isFinished(), a.getAssignedAt(),
                        a.getFinishedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public MyAssignment mine(Actor actor, String slug, long documentId) {
        corpus.requireDocument(actor, slug, documentId);
        return assignments.findByDocumentIdAndUserId(documentId, actor.userId())
                .map(a -> new MyAssignment(true, a.isFinished())).orElse(new MyAssignment(false, false));
    }

    @Transactional
    public AssignmentInfo assign(Actor actor, String slug, long documentId, String username) {
        ProjectInfo project = requireWritableCurator(actor, slug);
        requireDocumentOf(project, documentId);
        AppUser user = requireAnnotator(project, username);
        if (assignments.findByDocumentIdAndUserId(documentId, user.getId()).isPresent()) {
            throw new ConflictException(username + " is assigned to document " + documentId + " already");
        }
        int held = assignments.findByDocumentIdOrderByAssignedAtAscIdAsc(documentId).size();
        if (held >= project.annotatorsPerDocument()) {
            throw new ConflictException("Document " + documentId + " has " + held + " annotators, as many as the"
                    + " project asks for (" + project.annotatorsPerDocument() + "); unassign someone or raise the"
                    + " number in the project settings");
        }
        Assignment saved = assignments.saveAndFlush(new Assignment(documentId, user.getId(), clock.instant()));
        return info(saved, new HashMap<>());
    }

    /** Removes an assignment. The annotator's spans stay theirs; they no longer see the document. */
    @Transactional
    public void unassign(Actor actor, String slug, long documentId, String username) {
        ProjectInfo project = requireWritableCurator(actor, slug);
        requireDocumentOf(project, documentId);
        assignments.delete(requireAssignment(documentId, username));
        assignments.flush();
    }

    /** Gives {@code from}'s assignment of a document to {@code to} (a fresh, open assignment). */
    @Transactional
    public AssignmentInfo reassign(Actor actor, String slug, long documentId, String from, String to) {
        ProjectInfo project = requireWritableCurator(actor, slug);
        requireDocumentOf(project, documentId);
        Assignment old = requireAssignment(documentId, from);
        AppUser user = requireAnnotator(project, to);
        if (assignments.findByDocumentIdAndUserId(documentId, user.getId()).isPresent()) {
            throw new ConflictException(to + " is assigned to document " + documentId + " already");
        }
        assignments.delete(old);
        assignments.flush();
        return info(assignments.saveAndFlush(new Assignment(documentId, user.getId(), clock.instant())),
                new HashMap<>());
    }

    /**
     * Fills every document up to k annotators: documents in order, each slot to the active annotator with the
     * fewest assignments in the project, ties taken round robin (after whoever was picked last, by user name).
     */
    @Transactional
    public AutoAssignResult autoAssign(Actor actor, String slug) {
        ProjectInfo project = requireWritableCurator(actor, slug);
        List<AppUser> annotators = members.findByProjectId(project.id()).stream()
                .filter(m -> m.getRole() == ProjectRole.ANNOTATOR)
                .map(m -> users.findById(m.getUserId()).orElse(null))
                .filter(u -> u != null && u.isEnabled())
                .sorted(Comparator.comparing(AppUser::getUsername)).toList();
        if (annotators.isEmpty()) {
            throw new InvalidRequestException("Project " + Quote.of(slug) + " has no active annotators to assign");
        }
        List<Assignment> existing = assignments.findByProject(project.id());
        Map<Long, Integer> load = new HashMap<>();
        Map<Long, Set<Long>> byDocument = new HashMap<>();
        for (Assignment a : existing) {
            load.merge(a.getUserId(), 1, Integer::sum);
            byDocument.computeIfAbsent(a.getDocumentId(), k -> new java.util.HashSet<>()).add(a.getUserId());
        }
        int k = project.annotatorsPerDocument();
        int created = 0;
        int shortOf = 0;
        int cursor = 0;
        for (DocumentRow doc : documents.listRows(project.id())) {
            Set<Long> holders = byDocument.computeIfAbsent(doc.id(), x -> new java.util.HashSet<>());
            while (holders.size() < k) {
                AppUser pick = null;
                int pickAt = -1;
                for (int i = 0; i < annotators.size(); i++) {
                    int at = (cursor + i) % annotators.size();
                    AppUser candidate = annotators.get(at);
                    if (holders.contains(candidate.getId())) {
                        continue;
                    }
                    if (pick == null || load.getOrDefault(candidate.getId(), 0) < load.getOrDefault(pick.getId(), 0)) {
                        pick = candidate;
                        pickAt = at;
                    }
                }
                if (pick == null) {
                    shortOf++;
                    break;
                }
                assignments.save(new Assignment(doc.id(), pick.getId(), clock.instant()));
                holders.add(pick.getId());
                load.merge(pick.getId(), 1, Integer::sum);
                cursor = (pickAt + 1) % annotators.size();
                created++;
            }
        }
        assignments.flush();
        return new AutoAssignResult(created, shortOf);
    }

    /** The caller marks their assignment finished; from then on the document is read-only for them. */
    @Transactional
    public AssignmentInfo finish(Actor actor, String slug, long documentId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        corpus.requireDocument(actor, slug, documentId);
        if (project.archived()) {
            throw new ConflictException("Project " + Quote.of(slug) + " is archived and read-only");
        }
        Assignment a = assignments.lock(documentId, actor.userId())
                .orElseThrow(() -> new InvalidRequestException("Document " + documentId + " is not assigned to you;"
                        + " only assigned documents can be marked finished"));
        if (a.isFinished()) {
            throw new ConflictException("You marked document " + documentId + " finished already");
        }
        a.finish(clock.instant());
        assignments.flush();
        return info(a, new HashMap<>());
    }

    /** A curator or admin reopens an annotator's finished document, so that they can change it again. */
    @Transactional
    public AssignmentInfo reopen(Actor actor, String slug, long documentId, String username) {
        ProjectInfo project = requireWritableCurator(actor, slug);
        requireDocumentOf(project, documentId);
        Assignment a = requireAssignment(documentId, username);
        if (!a.isFinished()) {
            throw new ConflictException(username + " has not finished document " + documentId);
        }
        a.reopen();
        assignments.flush();
        return info(a, new HashMap<>());
    }

    /**
     * The caller's next unfinished assignment in document order: the first after {@code afterDocumentId} (when
     * given), else the first; never {@code afterDocumentId} itself.
     */
    @Transactional(readOnly = true)
    public Optional<Long> next(Actor actor, String slug, Long afterDocumentId) {
        List<Long> open = myAssignments(actor, slug).stream().filter(a -> !a.finished())
                .map(AssignmentInfo::documentId).toList();
        if (afterDocumentId != null) {
            ProjectInfo project = corpus.requireProject(actor, slug);
            Map<Long, Integer> order = order(project.id());
            Integer here = order.get(afterDocumentId);
            if (here != null) {
                Optional<Long> after = open.stream().filter(id -> order.getOrDefault(id, -1) > here).findFirst();
                if (after.isPresent()) {
                    return after;
                }
            }
        }
        return open.stream().filter(id -> !id.equals(afterDocumentId)).findFirst();
    }

    // ------------------------------------------------------------------ helpers

    private ProjectInfo requireCurator(Actor actor, String slug) {
        return corpus.requireProject(actor, slug).requireCuratedBy(actor, "manage assignments");
    }

    private ProjectInfo requireWritableCurator(Actor actor, String slug) {
        ProjectInfo project = requireCurator(actor, slug);
        if (project.archived()) {
            throw new ConflictException("Project " + Quote.of(slug) + " is archived and read-only");
        }
        return project;
    }

    private void requireDocumentOf(ProjectInfo project, long documentId) {
        documents.findRow(documentId, project.id())
                .orElseThrow(() -> new NotFoundException("No document " + documentId + " in project " + project.slug()));
    }

    private AppUser requireAnnotator(ProjectInfo project, String username) {
        AppUser user = users.findUser(username == null ? "" : username)
                .orElseThrow(() -> new NotFoundException("No user " + Quote.of(username)));
        boolean annotator = members.findByProjectIdAndUserId(project.id(), user.getId())
                .filter(m -> m.getRole() == ProjectRole.ANNOTATOR).isPresent();
        if (!annotator) {
            throw new InvalidRequestException(username + " is not an annotator of project " + project.slug());
        }
        if (!user.isEnabled()) {
            throw new InvalidRequestException(username + " is disabled");
        }
        return user;
    }

    private Assignment requireAssignment(long documentId, String username) {
        AppUser user = users.findUser(username == null ? "" : username)
                .orElseThrow(() -> new NotFoundException("No user " + Quote.of(username)));
        // locked: a second change of the same assignment waits, and finds it gone (404) rather than failing (016)
        return assignments.lock(documentId, user.getId())
                .orElseThrow(() -> new NotFoundException(username + " is not assigned to document " + documentId));
    }

    private Map<Long, Integer> order(long projectId) {
        List<DocumentRow> rows = documents.listRows(projectId);
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            order.put(rows.get(i).id(), i);
        }
        return order;
    }

    private AssignmentInfo info(Assignment a, Map<Long, String> names) {
        String name = names.computeIfAbsent(a.getUserId(),
                id -> users.findById(id).map(AppUser::getUsername).orElse("?"));
        return new AssignmentInfo(a.getDocumentId(), name, a.isFinished(), a.getAssignedAt(), a.getFinishedAt());
    }
}
