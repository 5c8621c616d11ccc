package org.factspan.annotation;

/**
 * A span's id where a service method takes it beside a document id or a version, so that swapped arguments do not
 * compile (decision 030). Entities, repositories, {@link SpanInfo}, JSON and SQL keep the plain {@code long}.
 */
public record SpanId(long value) {

    /** The plain number, so that a message that names the id reads as it did before ids were typed. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
