package org.factspan.corpus;

import java.util.Optional;
import org.factspan.base.ConflictException;
import org.factspan.base.NotFoundException;
import org.factspan.base.Quote;
import org.factspan.security.Actor;

/**
 * A project the caller may see and one of its documents, read together ({@link CorpusService#requireProjectDocument}):
 * where every span and triple write starts. The document's checks come after the caller's own checks of the project,
 * through {@link #ownWork} (the caller's own annotations) or {@link #othersWork} (work of another owner, the gold
 * standard), each in the order the separate reads made them.
 */
public final class ProjectDocument {

    private final ProjectInfo project;
    private final long documentId;
    private final Optional<AccessReads.DocumentAccess> access;
    private final Optional<DocumentSummary> document;

    ProjectDocument(ProjectInfo project, long documentId, Optional<AccessReads.DocumentAccess> access,
            Optional<DocumentSummary> document) {
        this.project = project;
        this.documentId = documentId;
        this.access = access;
        this.document = document;
    }

    public ProjectInfo project() {
        return project;
    }

    /**
     * The document, if the caller may change their own annotations of it now: it is in the project, assigned to the
     * caller where the project assigns work, the project is not archived, and the caller has not marked it finished
     * (until a curator reopens it).
     */
    public DocumentSummary ownWork(Actor actor) {
        AccessReads.DocumentAccess row = access.orElseThrow(this::notFound);
        CorpusService.requireAssigned(actor, project, documentId, row::assigned, row::projectAssigns);
        requireNotArchived();
        if (row.finished()) {
            throw new ConflictException("You marked document " + documentId
                    + " finished; it is read-only for you until a curator reopens it");
        }
        return document.orElseThrow();
    }

    /**
     * The document, if work of another owner (the gold standard) may change on it now: the project is not archived and
     * the document is in it. Who may act for that owner is the caller's check, made before.
     */
    public DocumentSummary othersWork() {
        requireNotArchived();
        return document.orElseThrow(this::notFound);
    }

    private void requireNotArchived() {
        if (project.archived()) {
            throw new ConflictException("Project " + Quote.of(project.slug()) + " is archived and read-only");
        }
    }

    private NotFoundException notFound() {
        return new NotFoundException("No document " + documentId + " in project " + project.slug());
    }
}
