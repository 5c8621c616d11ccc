package org.factspan.corpus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factspan.base.Quote;
import org.factspan.base.CodePoints;
import org.factspan.base.ForbiddenException;
import org.factspan.base.NotFoundException;
import org.factspan.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects and documents as a caller may see them. Access rule: admins see every project; others see
 * the projects they are members of; any other project is refused with {@link ForbiddenException}.
 * Once a project has any assignment, its annotators see only the documents assigned to them (curators and
 * admins see all). Archived projects are listed to admins only, and are read-only for everyone.
 */
@Service
public class CorpusService {

    private static final TypeReference<Map<String, String>> META = new TypeReference<>() {
    };

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final DocumentRepository documents;
    private final AnnotationCounts counts;
    private final AssignmentRepository assignments;
    private final JsonMapper json;
    /**
     * Recently used texts, bounded by their total length (about 4 million code points, some 25 MB): every span save
     * needs its document's text, and a count of 32 texts thrashed as soon as more people worked on more documents
     * than that (each miss read the body again: a fifth statement on the save path).
     */
    private final com.github.benmanes.caffeine.cache.Cache<Long, CodePoints> texts =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumWeight(4_000_000)
                    .<Long, CodePoints>weigher((id, text) -> Math.max(1, text.length())).build();
    /** Parsed document metadata by its JSON text ({@link #parseMeta}), up to about a million characters of it. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Map<String, String>> metas =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumWeight(1_000_000)
                    .<String, Map<String, String>>weigher((text, map) -> Math.max(1, text.length())).build();

    private final AccessReads access;

    CorpusService(ProjectRepository projects, ProjectMemberRepository members, DocumentRepository documents,
            AnnotationCounts counts, AssignmentRepository assignments, JsonMapper json, AccessReads access) {
        this.access = access;
        this.assignments = assignments;
        this.projects = projects;
        this.members = members;
        this.documents = documents;
        this.counts = counts;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public List<ProjectSummary> listProjects(Actor actor) {
        List<Project> visible = actor.isAdmin() ? projects.findAllByOrderByNameAsc()
                : projects.findForMember(actor.userId()).stream().filter(p -> !p.isArchived()).toList();
        return visible.stream().map(p -> new ProjectSummary(p.getSlug(), p.getName(), p.getDescription(),
                documents.countByProjectId(p.getId()),
                counts.spansPerDocument(p.getId(), actor.userId()).values().stream().mapToLong(Long::longValue).sum(),
                p.isArchived()))
                .toList();
    }

    @Transactional(readOnly = true)
    public ProjectInfo requireProject(Actor actor, String slug) {
        return requireMember(actor, access.project(slug, actor.userId()).orElseThrow(() -> projectNotFound(slug)));
    }

    /** The project, if the caller is a member of it or an admin. */
    private static ProjectInfo requireMember(Actor actor, ProjectInfo project) {
        if (project.role().isEmpty() && !actor.isAdmin()) {
            throw new ForbiddenException("You are not a member of project " + Quote.of(project.slug()));
        }
        return project;
    }

    @Transactional(readOnly = true)
    public List<DocumentSummary> listDocuments(Actor actor, String slug) {
        ProjectInfo project = requireProject(actor, slug);
        return visible(actor, project, documents.listRows(project.id()));
    }

    /**
     * Where documents stand in the project's order (their position; smaller comes first), for readers that sort by it
     * without listing the whole project: the search index re-indexing a few changed documents. Ids not in the project
     * (deleted since) are left out; {@code ids} null means every document. No access check: callers read as the system.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> documentPositions(long projectId, java.util.Collection<Long> ids) {
        Map<Long, Integer> out = new java.util.HashMap<>();
        (ids == null ? documents.positions(projectId) : ids.isEmpty() ? List.<Object[]>of()
                : documents.positions(projectId, ids))
                .forEach(r -> out.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        return out;
    }

    /**
     * Like {@link #listDocuments(Actor, String)}, only the documents among {@code ids} (in the project's order; ids
     * not in the project, or not the caller's to open, are left out): a reader of a few documents need not list them
     * all.
     */
    @Transactional(readOnly = true)
    public List<DocumentSummary> listDocuments(Actor actor, String slug, java.util.Collection<Long> ids) {
        ProjectInfo project = requireProject(actor, slug);
        if (ids.isEmpty()) {
            return List.of();
        }
        return visible(actor, project, documents.listRows(project.id(), ids));
    }

    /** The listed documents the caller may open (all of them unless the project assigns work), as summaries. */
    private List<DocumentSummary> visible(Actor actor, ProjectInfo project, List<DocumentRow> rows) {
        Optional<java.util.Set<Long>> only = assignedOnly(actor, project);
        return rows.stream().filter(r -> only.map(ids -> ids.contains(r.id())).orElse(true)).map(this::summary)
                .toList();
    }

    /**
     * The documents an annotator may open when the project assigns work: empty (no restriction) for admins,
     * curators, and in projects without any assignment.
     */
    Optional<java.util.Set<Long>> assignedOnly(Actor actor, ProjectInfo project) {
        if (project.curatedBy(actor) || !assignments.existsInProject(project.id())) {
            return Optional.empty();
        }
        return Optional.of(assignments.findByProjectAndUser(project.id(), actor.userId()).stream()
                .map(Assignment::getDocumentId).collect(java.util.stream.Collectors.toSet()));
    }

    private void checkAssigned(Actor actor, ProjectInfo project, long documentId) {
        requireAssigned(actor, project, documentId,
                () -> assignments.findByDocumentIdAndUserId(documentId, actor.userId()).isPresent(),
                () -> assignments.existsInProject(project.id()));
    }

    /**
     * The rule of assigned work: in a project that assigns work, an annotator opens only their own documents (admins
     * and curators open all). The suppliers are asked in this order and only as far as needed.
     */
    static void requireAssigned(Actor actor, ProjectInfo project, long documentId,
            java.util.function.BooleanSupplier assigned, java.util.function.BooleanSupplier projectAssigns) {
        if (!project.curatedBy(actor) && !assigned.getAsBoolean() && projectAssigns.getAsBoolean()) {
            throw new ForbiddenException("Document " + documentId + " is not assigned to you");
        }
    }

    /**
     * A document the caller may change their annotations of: like {@link #requireDocument}, and refused with
     * {@link org.factspan.base.ConflictException} when the project is archived or the caller has marked the
     * document finished (until a curator reopens it).
     */
    public DocumentSummary requireEditableDocument(Actor actor, String slug, long documentId) {
        return requireProjectDocument(actor, slug, documentId).ownWork(actor);
    }

    /**
     * The project named {@code slug}, checked for the caller as by {@link #requireProject}, and its document
     * {@code documentId} with the caller's assignment, in one statement: every span and triple write starts here
     * (issue 14's budget of four statements per save), and so does every read of one document. The document is checked
     * afterwards, by {@link ProjectDocument#readable}, {@link ProjectDocument#ownWork} or
     * {@link ProjectDocument#othersWork}. One statement needs no transaction of its
     * own: a caller's transaction is used when there is one.
     */
    public ProjectDocument requireProjectDocument(Actor actor, String slug, long documentId) {
        AccessReads.ProjectAndDocument read = access.projectAndDocument(slug, actor.userId(), documentId)
                .orElseThrow(() -> projectNotFound(slug));
        requireMember(actor, read.project());
        return new ProjectDocument(read.project(), documentId,
                read.document().map(d -> new ProjectDocument.Found(summary(d.row()), d)));
    }

    /** Span counts of the caller per document (the "my progress" column). */
    @Transactional(readOnly = true)
    public Map<Long, Long> mySpanCounts(Actor actor, String slug) {
        ProjectInfo project = requireProject(actor, slug);
        return counts.spansPerDocument(project.id(), actor.userId());
    }

    @Transactional(readOnly = true)
    public DocumentContent openDocument(Actor actor, String slug, long documentId) {
        ProjectInfo project = requireProject(actor, slug);
        Document d = documents.findByIdAndProjectId(documentId, project.id())
                .orElseThrow(() -> new NotFoundException("No document " + documentId + " in project " + slug));
        checkAssigned(actor, project, documentId);
        return new DocumentContent(d.getId(), project.id(), project.slug(), d.getName(), d.getTitle(), d.getBody(),
                d.getLengthCp(), parseMeta(d.getMeta()));
    }

    /**
     * Several documents of the project in one query, in the order of {@code documentIds}; checks access like
     * {@link #openDocument}. An id that is not in the project: {@link NotFoundException}.
     */
    @Transactional(readOnly = true)
    public List<DocumentContent> openDocuments(Actor actor, String slug, List<Long> documentIds) {
        ProjectInfo project = requireProject(actor, slug);
        Map<Long, Document> found = new java.util.HashMap<>();
        for (Document d : documents.findByProjectIdAndIdIn(project.id(), documentIds)) {
            found.put(d.getId(), d);
        }
        return documentIds.stream().map(id -> {
            Document d = found.get(id);
            if (d == null) {
                throw new NotFoundException("No document " + id + " in project " + slug);
            }
            return new DocumentContent(d.getId(), project.id(), project.slug(), d.getName(), d.getTitle(), d.getBody(),
                    d.getLengthCp(), parseMeta(d.getMeta()));
        }).toList();
    }

    /** A document of the project without its text (cheap): checks access like {@link #openDocument}. */
    @Transactional(readOnly = true)
    public DocumentSummary requireDocument(Actor actor, String slug, long documentId) {
        return requireProjectDocument(actor, slug, documentId).readable(actor);
    }

    /**
     * A document of a project the caller has already been checked for ({@code project} comes from
     * {@link #requireProject}), without reading the project, membership and labels again: saves four queries on every
     * span saved.
     */
    @Transactional(readOnly = true)
    public DocumentSummary requireDocument(ProjectInfo project, long documentId) {
        DocumentRow r = documents.findRow(documentId, project.id())
                .orElseThrow(() -> new NotFoundException("No document " + documentId + " in project " + project.slug()));
        return summary(r);
    }

    /**
     * The code point index of a document's text, cached: texts never change after import. Callers check
     * access first ({@link #requireDocument}).
     */
    public CodePoints textIndex(long documentId) {
        return texts.get(documentId, id -> CodePoints.of(documents.findBody(id)
                .orElseThrow(() -> new NotFoundException("No document " + id))));
    }

    /**
     * Opens a document by id alone, checking that the caller may work in its project. Used where only the
     * document id is known (the span API is nested under the project, but checks here too).
     */
    @Transactional(readOnly = true)
    public DocumentContent openDocument(Actor actor, long documentId) {
        Document d = documents.findById(documentId)
                .orElseThrow(() -> new NotFoundException("No document " + documentId));
        String slug = projects.findById(d.getProjectId()).map(Project::getSlug).orElseThrow();
        return openDocument(actor, slug, documentId);
    }

    /** The project's label schema as stored now (not cached), in schema order. */
    List<LabelInfo> labels(long projectId) {
        return access.labels(projectId);
    }

    private DocumentSummary summary(DocumentRow r) {
        return new DocumentSummary(r.id(), r.name(), r.title(), r.lengthCp(), r.sha256(), parseMeta(r.meta()),
                r.publication());
    }

    /**
     * A document's metadata, parsed once per distinct JSON text (read-only): every span save reads its document's
     * summary, and parsing the same text again each time was a fiftieth of the save.
     */
    Map<String, String> parseMeta(String meta) {
        return metas.get(meta, m -> java.util.Collections.unmodifiableMap(json.readValue(m, META)));
    }

    private static NotFoundException projectNotFound(String slug) {
        return new NotFoundException("No project " + Quote.of(slug));
    }
}
