package org.factspan.curation;

/** Where a document stands in curation. */
public enum CurationStatus {
    /** Nobody has opened it for curation yet: no gold standard. */
    NOT_STARTED,
    /** Opened; the gold standard can be changed. */
    IN_PROGRESS,
    /** Marked curated: the gold standard is final until a curator reopens it. */
    CURATED
}
