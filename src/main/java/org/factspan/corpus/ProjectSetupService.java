package org.factspan.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.factspan.base.Quote;
import org.factspan.ingest.Fields;
import org.factspan.ingest.ValidText;
import org.factspan.base.ConflictException;
import org.factspan.base.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Creates projects, their schema and membership, and imports documents. Callers check permissions. */
@Service
public class ProjectSetupService {

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final LabelRepository labels;
    private final LabelAttributeRepository labelAttributes;
    private final DocumentRepository documents;
    private final AssignmentRepository assignments;
    private final JsonMapper json;
    private final Clock clock;

    ProjectSetupService(ProjectRepository projects, ProjectMemberRepository members, LabelRepository labels,
            LabelAttributeRepository labelAttributes, DocumentRepository documents, AssignmentRepository assignments,
            JsonMapper json, Clock clock) {
        this.assignments = assignments;
        this.projects = projects;
        this.members = members;
        this.labels = labels;
        this.labelAttributes = labelAttributes;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean exists(String slug) {
        return projects.findBySlug(slug).isPresent();
    }

    @Transactional
    public long createProject(String slug, String name, String description, String guidelines, List<LabelInfo> schema) {
        if (exists(slug)) {
            throw new ConflictException("A project " + Quote.of(slug) + " exists already");
        }
        Project project = projects.save(new Project(slug, Fields.PROJECT_NAME.require(name),
                Fields.DESCRIPTION.require(description), Fields.GUIDELINES.require(guidelines), clock.instant()));
        for (int i = 0; i < schema.size(); i++) {
            Label label = labels.save(new Label(project.getId(), schema.get(i), i));
            List<AttributeDef> attributes = schema.get(i).attributes();
            for (int j = 0; j < attributes.size(); j++) {
                labelAttributes.save(new LabelAttribute(label.getId(), attributes.get(j), j));
            }
        }
        return project.getId();
    }

    @Transactional
    public void addMember(long projectId, long userId, ProjectRole role) {
        if (members.findByProjectIdAndUserId(projectId, userId).isEmpty()) {
            members.save(new ProjectMember(projectId, userId, role));
        }
    }

    /** Assigns a document to a user (no checks: the seed import and tests use it). */
    @Transactional
    public void assign(DocumentId document, long userId) {
        long documentId = document.value();
        if (assignments.findByDocumentIdAndUserId(documentId, userId).isEmpty()) {
            assignments.save(new Assignment(documentId, userId, clock.instant()));
        }
    }

    /** Assigns a document to a user if need be and marks it finished (no checks: seeds and tests use it). */
    @Transactional
    public void finish(DocumentId document, long userId) {
        long documentId = document.value();
        assign(document, userId);
        assignments.findByDocumentIdAndUserId(documentId, userId).filter(a -> !a.isFinished())
                .ifPresent(a -> a.finish(clock.instant()));
    }

    /**
     * Stores a document exactly as given. The title is the {@code title} metadata entry, else the name.
     *
     * @return the new document's id
     */
    @Transactional
    public long importDocument(long projectId, String name, String text, Map<String, String> meta) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("Document " + Quote.of(name) + " has no text");
        }
        // the last line of defence: every importer checks (and names the file and line) before it gets here
        ValidText.require("text", text);
        Fields.DOCUMENT_NAME.require(name);
        meta.forEach((key, value) -> {
            Fields.META_KEY.require(key);
            Fields.META_VALUE.require(value);
        });
        String sha256 = sha256(text);
        if (documents.existsByProjectIdAndSha256(projectId, sha256)) {
            throw new ConflictException("Document " + Quote.of(name) + " has the same text as one already in the project");
        }
        String title = Fields.DOCUMENT_TITLE.truncate(meta.getOrDefault("title", name));
        PublicationTime published = publication(name, text, meta);
        int position = (int) documents.countByProjectId(projectId);
        Document document = new Document(projectId, name, title, text, sha256, json.writeValueAsString(meta), position,
                clock.instant());
        document.setPublished(published);
        return documents.save(document).getId();
    }

    /** {@link PublicationTime#read}, refused as a bad request naming the document. */
    static PublicationTime publication(String name, String text, Map<String, String> meta) {
        try {
            return PublicationTime.read(text, meta);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Document " + Quote.of(name) + ": " + e.getMessage());
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
