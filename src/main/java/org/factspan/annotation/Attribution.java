package org.factspan.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An attribution triple: the content (a claim span) is required; the source span and the cue span
 * (e.g. "said") may be missing. All three belong to one document and one annotator.
 */
@Entity
@Table(name = "attribution")
class Attribution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "source_span_id")
    private Long sourceSpanId;

    @Column(name = "cue_span_id")
    private Long cueSpanId;

    @Column(name = "content_span_id", nullable = false)
    private long contentSpanId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Gold only: how it got into the gold standard ({@link Provenance.Kind#id()}), by whom, when. */
    @Column(name = "provenance")
    private String provenance;

    @Column(name = "curated_by")
    private Long curatedBy;

    @Column(name = "curated_at")
    private Instant curatedAt;

    protected Attribution() {
    }

    Attribution(long documentId, long userId, Long sourceSpanId, Long cueSpanId, long contentSpanId, Instant createdAt) {
        this.documentId = documentId;
        this.userId = userId;
        this.sourceSpanId = sourceSpanId;
        this.cueSpanId = cueSpanId;
        this.contentSpanId = contentSpanId;
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

    Long getSourceSpanId() {
        return sourceSpanId;
    }

    Long getCueSpanId() {
        return cueSpanId;
    }

    long getContentSpanId() {
        return contentSpanId;
    }

    AttributionInfo toInfo() {
        return new AttributionInfo(id, documentId, sourceSpanId, cueSpanId, contentSpanId);
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
