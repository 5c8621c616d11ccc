package org.factspan.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A claim span in a cluster, with its stance; {@code stanceSuggested}: set by the rules, not yet by a person. */
@Entity
@Table(name = "claim_member")
class ClaimMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cluster_id", nullable = false)
    private long clusterId;

    @Column(name = "span_id", nullable = false)
    private long spanId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stance stance;

    @Column(name = "stance_suggested", nullable = false)
    private boolean stanceSuggested;

    @Column(name = "added_by", nullable = false)
    private long addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected ClaimMember() {
    }

    ClaimMember(long clusterId, long spanId, Stance stance, boolean suggested, long userId, Instant now) {
        this.clusterId = clusterId;
        this.spanId = spanId;
        this.stance = stance;
        this.stanceSuggested = suggested;
        this.addedBy = userId;
        this.addedAt = now;
    }

    void setStance(Stance stance, boolean suggested) {
        this.stance = stance;
        this.stanceSuggested = suggested;
    }

    Long getId() {
        return id;
    }

    long getClusterId() {
        return clusterId;
    }

    long getSpanId() {
        return spanId;
    }

    Stance getStance() {
        return stance;
    }

    boolean isStanceSuggested() {
        return stanceSuggested;
    }
}
