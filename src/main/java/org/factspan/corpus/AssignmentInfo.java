package org.factspan.corpus;

import java.time.Instant;

/** An annotator's assignment to a document; {@code finished} documents are read-only for them. */
public record AssignmentInfo(long documentId, String username, boolean finished, Instant assignedAt,
        Instant finishedAt) {
}
