package org.factspan.diff;

import java.util.Comparator;

/** A code point range, end exclusive. Ordered by start, then end. */
public record Extent(int start, int end) implements Comparable<Extent> {

    private static final Comparator<Extent> ORDER = Comparator.comparingInt(Extent::start)
            .thenComparingInt(Extent::end);

    public Extent {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Extent needs 0 <= start <= end, got " + start + ".." + end);
        }
    }

    /** True when the two extents share at least one code point. */
    public boolean overlaps(Extent other) {
        return start < other.end && other.start < end;
    }

    @Override
    public int compareTo(Extent other) {
        return ORDER.compare(this, other);
    }
}
