package org.factspan.base.audit;

import java.time.Instant;

/**
 * One entry of the audit trail: who ({@code username}) did what ({@code action}, e.g. {@code span.create}) when, to
 * which project, document, span or attribution, on whose work ({@code owner}: an annotator or "gold"), and the state
 * before and after as JSON (null where there is none).
 */
public record AuditEvent(long id, Instant at, String username, String action, Long projectId, Long documentId,
        Long spanId, Long attributionId, String owner, String before, String after) {
}
