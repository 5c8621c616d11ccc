package org.factspan.curation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An annotator's span or attribution that a curator rejected: remembered, shown as rejected, never merged. */
@Entity
@Table(name = "curation_rejection")
class Rejection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "span_id")
    private Long spanId;

    @Column(name = "attribution_id")
    private Long attributionId;

    @Column(name = "rejected_by", nullable = false)
    private long rejectedBy;

    @Column(name = "rejected_at", nullable = false)
    private Instant rejectedAt;

    protected Rejection() {
    }

    Rejection(long documentId, Long spanId, Long attributionId, long rejectedBy, Instant rejectedAt) {
        if ((spanId == null) == (attributionId == null)) {
            throw new IllegalArgumentException("A rejection names a span or an attribution");
        }
        this.documentId = documentId;
        this.spanId = spanId;
        this.attributionId = attributionId;
        this.rejectedBy = rejectedBy;
        this.rejectedAt = rejectedAt;
    }

    long documentId() {
        return documentId;
    }

    Long spanId() {
        return spanId;
    }

    Long attributionId() {
        return attributionId;
    }
}
