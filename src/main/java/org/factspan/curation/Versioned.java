package org.factspan.curation;

/** The result of a change to a document's gold standard, with the gold standard's version after it. */
public record Versioned<T>(T value, long version) {
}
