package org.factspan.corpus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One annotator's assignment to one document: open until they mark it finished; a curator may reopen it. */
@Entity
@Table(name = "assignment")
class Assignment {

    enum Status {
        OPEN, FINISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Assignment() {
    }

    Assignment(long documentId, long userId, Instant assignedAt) {
        this.documentId = documentId;
        this.userId = userId;
        this.status = Status.OPEN;
        this.assignedAt = assignedAt;
    }

    long getDocumentId() {
        return documentId;
    }

    long getUserId() {
        return userId;
    }

    boolean isFinished() {
        return status == Status.FINISHED;
    }

    Instant getAssignedAt() {
        return assignedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }

    void finish(Instant when) {
        status = Status.FINISHED;
        finishedAt = when;
    }

    void reopen() {
        status = Status.OPEN;
        finishedAt = null;
    }
}
