package org.factspan.corpus;

/**
 * A document's id where a service method takes it beside other ids, so that swapped arguments do not compile
 * (decision 030). Entities, repositories, JSON and SQL keep the plain {@code long}; the REST controllers and views
 * wrap it at the edge.
 */
public record DocumentId(long value) {

    /** The plain number, so that a message that names the id reads as it did before ids were typed. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
