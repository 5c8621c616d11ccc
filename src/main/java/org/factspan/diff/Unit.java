package org.factspan.diff;

import java.util.Objects;

/**
 * One annotator's labeled span in one document, as the diff engine sees it. Offsets are code points, end
 * exclusive, with {@code 0 <= start < end}.
 */
public record Unit(String annotator, String documentId, long id, int start, int end, String label) {

    public Unit {
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(label, "label");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("Unit needs 0 <= start < end, got " + start + ".." + end);
        }
    }

    /** The unit's extent. */
    public Extent extent() {
        return new Extent(start, end);
    }
}
