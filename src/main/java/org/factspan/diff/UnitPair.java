package org.factspan.diff;

/** Two units matched one-to-one between annotator {@code a} and annotator {@code b}. */
public record UnitPair(Unit a, Unit b) {
}
