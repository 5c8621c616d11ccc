package org.factspan.diff;

/** How the annotators' spans at one {@link Position} relate; see {@link Diff} for the exact definitions. */
public enum PositionKind {
    AGREE,
    LABEL_CONFLICT,
    BOUNDARY_CONFLICT,
    INCOMPLETE
}
