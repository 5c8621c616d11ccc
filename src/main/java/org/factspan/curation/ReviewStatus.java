package org.factspan.curation;

/**
 * How an annotator's span or attribution stands in curation, in this order of precedence: rejected by a curator;
 * accepted (the gold standard has the same extent and label, or the same triple) where the annotators did not all
 * agree; else what the diff says: everybody agrees, they disagree (label, boundary or source conflict), or only some
 * annotators have it.
 */
public enum ReviewStatus {
    AGREE, DISAGREE, INCOMPLETE, ACCEPTED, REJECTED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
