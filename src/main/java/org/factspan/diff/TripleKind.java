package org.factspan.diff;

/** How the annotators' attributions at one {@link TriplePosition} relate; see {@link Diff}. */
public enum TripleKind {
    AGREE,
    INCOMPLETE,
    CONFLICT
}
