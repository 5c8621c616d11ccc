package org.factspan.claims;

/**
 * A claim cluster's id where a service method takes it beside a member's or a span's id and a version, so that swapped
 * arguments do not compile (decision 030). Entities, repositories, {@link ClaimViews}, JSON and SQL keep the plain
 * {@code long}.
 */
public record ClusterId(long value) {

    /** The plain number, so that a message that names the id reads as it did before ids were typed. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
