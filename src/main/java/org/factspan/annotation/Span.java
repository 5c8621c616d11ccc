package org.factspan.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A labeled extent of a document by one user. Offsets are code points, end exclusive. */
@Entity
@Table(name = "span")
class Span {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false)
    private String label;

    @Column(name = "start_cp", nullable = false)
    private int start;

    @Column(name = "end_cp", nullable = false)
    private int end;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Gold only: how it got into the gold standard ({@link Provenance.Kind#id()}), by whom, when. */
    @Column(name = "provenance")
    private String provenance;

    @Column(name = "curated_by")
    private Long curatedBy;

    @Column(name = "curated_at")
    private Instant curatedAt;

    protected Span() {
    }

    Span(long documentId, long userId, String label, int start, int end, Instant createdAt) {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("Span needs 0 <= start < end, got " + start + ".." + end);
        }
        this.documentId = documentId;
        this.userId = userId;
        this.label = label;
        this.start = start;
        this.end = end;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getDocumentId() {
        return documentId;
    }

    long getUserId() {
        return userId;
    }

    String getLabel() {
        return label;
    }

    int getStart() {
        return start;
    }

    int getEnd() {
        return end;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getProvenance() {
        return provenance;
    }

    Long getCuratedBy() {
        return curatedBy;
    }

    Instant getCuratedAt() {
        return curatedAt;
    }

    /** The id the database gave a span inserted without JPA ({@link SpanInsert}). */
    void assignId(long newId) {
        if (id != null) {
            throw new IllegalStateException("Span " + id + " has an id already");
        }
        this.id = newId;
    }

    void relabel(String newLabel) {
        this.label = java.util.Objects.requireNonNull(newLabel);
    }

    /** Records how a gold item got here and who acted; a null kind changes nothing. */
    void stamp(Provenance.Kind kind, long curator, Instant at) {
        if (kind != null) {
            this.provenance = kind.id();
            this.curatedBy = curator;
            this.curatedAt = at;
        }
    }
}
