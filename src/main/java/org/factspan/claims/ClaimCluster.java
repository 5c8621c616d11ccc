package org.factspan.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A group of claim spans that state the same fact, with the curator's short canonical statement. */
@Entity
@Table(name = "claim_cluster")
class ClaimCluster {

    static final int MAX_STATEMENT = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false)
    private String statement;

    /** Counted up by every change of the cluster or its members (optimistic locking). */
    @Version
    private long version;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    private long updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ClaimCluster() {
    }

    ClaimCluster(long projectId, String statement, long userId, Instant now) {
        this.projectId = projectId;
        this.statement = statement;
        this.createdBy = userId;
        this.createdAt = now;
        this.updatedBy = userId;
        this.updatedAt = now;
    }

    void touch(long userId, Instant now) {
        this.updatedBy = userId;
        this.updatedAt = now;
    }

    void setStatement(String statement) {
        this.statement = statement;
    }

    Long getId() {
        return id;
    }

    long getProjectId() {
        return projectId;
    }

    String getStatement() {
        return statement;
    }

    long getVersion() {
        return version;
    }

    long getUpdatedBy() {
        return updatedBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    long getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
