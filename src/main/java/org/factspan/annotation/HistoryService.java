package org.factspan.annotation;

import java.util.List;
import org.factspan.base.audit.AuditEvent;
import org.factspan.base.audit.AuditLog;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of a document and of a span, as the caller may see it: the project's curators and admins see
 * everything; annotators see what they did themselves and what was done to their own work (never another
 * annotator's work, as everywhere else).
 */
@Service
public class HistoryService {

    private final AuditLog audit;
    private final CorpusService corpus;
    private final SpanRepository spans;

    HistoryService(AuditLog audit, CorpusService corpus, SpanRepository spans) {
        this.audit = audit;
        this.corpus = corpus;
        this.spans = spans;
    }

    /** Everything recorded about the document, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> ofDocument(Actor actor, String slug, long documentId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        corpus.requireDocument(actor, slug, documentId);
        return visible(actor, project, audit.ofDocument(documentId));
    }

    /** Everything recorded about one span of the document, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> ofSpan(Actor actor, String slug, DocumentId document, SpanId span) {
        long documentId = document.value();
        long spanId = span.value();
        ProjectInfo project = corpus.requireProject(actor, slug);
        corpus.requireDocument(actor, slug, documentId);
        List<AuditEvent> events = audit.ofSpan(documentId, spanId);
        // a deleted span keeps its history; a span that never was (in this document) has none and no row
        if (events.isEmpty() && spans.findById(spanId).filter(s -> s.getDocumentId() == documentId).isEmpty()) {
            throw new org.factspan.base.NotFoundException("No span " + spanId + " in document " + documentId);
        }
        return visible(actor, project, events);
    }

    private static List<AuditEvent> visible(Actor actor, ProjectInfo project, List<AuditEvent> events) {
        if (project.curatedBy(actor)) {
            return events;
        }
        return events.stream().filter(e -> actor.username().equals(e.owner())
                || e.owner() == null && actor.username().equals(e.username())).toList();
    }
}
