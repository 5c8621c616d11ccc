package org.factspan.annotation;

import java.util.List;
import org.factspan.base.audit.AuditEvent;
import org.factspan.corpus.DocumentId;
import org.factspan.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of a document and of a span: who did what when, with the state before and after. */
@RestController
@RequestMapping("/api/v1/projects/{slug}/documents/{documentId}")
class HistoryApi {

    private final HistoryService history;
    private final CurrentUser currentUser;

    HistoryApi(HistoryService history, CurrentUser currentUser) {
        this.history = history;
        this.currentUser = currentUser;
    }

    @GetMapping("/history")
    List<AuditEvent> document(@PathVariable String slug, @PathVariable long documentId) {
        return history.ofDocument(currentUser.require(), slug, documentId);
    }

    @GetMapping("/spans/{spanId}/history")
    List<AuditEvent> span(@PathVariable String slug, @PathVariable long documentId, @PathVariable long spanId) {
        return history.ofSpan(currentUser.require(), slug, new DocumentId(documentId), new SpanId(spanId));
    }
}
