package org.factspan.base;

/**
 * The version a caller last saw of what it changes (a document's gold standard, a claim cluster), checked before the
 * change (optimistic locking: an older one is refused with 409). A type of its own so that it cannot be passed where
 * an id is expected, or an id where it is (decision 030). Versions a service returns stay plain {@code long}s.
 */
public record Version(long value) {

    /** The plain number, so that a message that names the version reads as it did before versions were typed. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
