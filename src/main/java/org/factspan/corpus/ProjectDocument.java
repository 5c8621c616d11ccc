package org.factspan.corpus;

import java.util.Optional;
import org.factspan.base.ConflictException;
import org.factspan.base.NotFoundException;
import org.factspan.base.Quote;
import org.factspan.security.Actor;

/**
 * A project the caller may see and one of its documents, read together ({@link CorpusService#requireProjectDocument}):
 * where every span and triple write, and every read of one document, starts. The document's checks come after the
 * caller's own checks of the project, through {@link #readable} (to open it), {@link #ownWork} (to change the caller's
 * own annotations) or {@link #othersWork} (to change another owner's, the gold standard's), each in the order the
 * separate reads made them.
 */
public final class ProjectDocument {

    private final ProjectInfo project;
    private final long documentId;
    private final Optional<Found> found;

    /** The document as read: its summary, and the caller's assignment to it. */
    record Found(DocumentSummary summary, AccessReads.DocumentAccess access) {
    }

    ProjectDocument(ProjectInfo project, long documentId, Optional<Found> found) {
        this.project = project;
        this.documentId = documentId;
        this.found = found;
    }

    public ProjectInfo project() {
        return project;
    }

    /**
     * The document, if the caller may open it: it is in the project, and assigned to the caller where the project
     * assigns work (admins and curators open all).
     */
    public DocumentSummary readable(Actor actor) {
        return open(actor).summary();
    }

    /**
     * The document, if the caller may change their own annotations of it now: they may open it ({@link #readable}),
     * the project is not archived, and the caller has not marked it finished (until a curator reopens it).
     */
    public DocumentSummary ownWork(Actor actor) {
        Found document = open(actor);
        requireNotArchived();
        if (document.access().finished()) {
            throw new ConflictException("You marked document " + documentId
                    + " finished; it is read-only for you until a curator reopens it");
        }
        return document.summary();
    }

    /**
     * The document, if work of another owner (the gold standard) may change on it now: the project is not archived and
     * the document is in it. Who may act for that owner is the caller's check, made before.
     */
    public DocumentSummary othersWork() {
        requireNotArchived();
        return found.orElseThrow(this::notFound).summary();
    }

    private Found open(Actor actor) {
        Found document = found.orElseThrow(this::notFound);
        CorpusService.requireAssigned(actor, project, documentId, document.access()::assigned,
                document.access()::projectAssigns);
        return document;
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
