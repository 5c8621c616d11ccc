package org.factspan.curation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Curation of one document: status, how it was merged, who did what when, and the version of its gold standard,
 * which every change checks and counts up (optimistic locking, decision 008).
 */
@Entity
@Table(name = "curation_state")
class CurationState {

    @Id
    @Column(name = "document_id")
    private Long documentId;

    @Column(nullable = false)
    private long version;

    @Column(nullable = false)
    private String status;

    @Column(name = "merge_mode", nullable = false)
    private String mergeMode;

    @Column(name = "merge_threshold")
    private Double mergeThreshold;

    @Column(name = "merge_unfinished", nullable = false)
    private boolean mergeUnfinished;

    /** The annotators whose work the last automatic merge counted, comma-separated (V14; null before). */
    @Column(name = "merge_counted")
    private String mergeCounted;

    /** Places open when the document was marked curated anyway (V14); null when none were open. */
    @Column(name = "curated_open")
    private Integer curatedOpen;

    @Column(name = "opened_by", nullable = false)
    private long openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "changed_by")
    private Long changedBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "curated_by")
    private Long curatedBy;

    @Column(name = "curated_at")
    private Instant curatedAt;

    protected CurationState() {
    }

    CurationState(long documentId, MergeOptions merge, long openedBy, Instant openedAt) {
        this.documentId = documentId;
        this.version = 0;
        this.status = CurationStatus.IN_PROGRESS.name();
        this.mergeMode = merge.mode().name();
        this.mergeThreshold = merge.mode() == MergeMode.MAJORITY ? merge.threshold() : null;
        this.mergeUnfinished = merge.unfinished();
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    long documentId() {
        return documentId;
    }

    long version() {
        return version;
    }

    CurationStatus status() {
        return CurationStatus.valueOf(status);
    }

    MergeOptions merge() {
        MergeMode mode = MergeMode.valueOf(mergeMode);
        return new MergeOptions(mode, mergeThreshold == null ? MergeOptions.DEFAULT_THRESHOLD : mergeThreshold,
                mergeUnfinished);
    }

    /** Whose work the last automatic merge counted (real user names); empty when unknown (merged before V14). */
    java.util.List<String> mergeCounted() {
        return mergeCounted == null || mergeCounted.isEmpty() ? java.util.List.of()
                : java.util.List.of(mergeCounted.split(","));
    }

    void counted(java.util.List<String> annotators) {
        this.mergeCounted = String.join(",", annotators);
    }

    Integer curatedOpen() {
        return curatedOpen;
    }

    long openedBy() {
        return openedBy;
    }

    Instant openedAt() {
        return openedAt;
    }

    Long changedBy() {
        return changedBy;
    }

    Instant changedAt() {
        return changedAt;
    }

    Long curatedBy() {
        return curatedBy;
    }

    Instant curatedAt() {
        return curatedAt;
    }

    /** Counts a change of the gold standard. */
    void changed(long userId, Instant at) {
        version++;
        changedBy = userId;
        changedAt = at;
    }

    void mergedWith(MergeOptions merge) {
        this.mergeMode = merge.mode().name();
        this.mergeThreshold = merge.mode() == MergeMode.MAJORITY ? merge.threshold() : null;
        this.mergeUnfinished = merge.unfinished();
    }

    /** Marks the document curated; {@code open}: places still open (curated anyway), 0 when none. */
    void markCurated(long userId, Instant at, int open) {
        curatedOpen = open > 0 ? open : null;
        status = CurationStatus.CURATED.name();
        curatedBy = userId;
        curatedAt = at;
    }

    void reopen() {
        status = CurationStatus.IN_PROGRESS.name();
        curatedOpen = null;
    }
}
