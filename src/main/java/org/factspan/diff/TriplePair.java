package org.factspan.diff;

/** Two attribution triples matched one-to-one between annotator {@code a} and annotator {@code b}. */
public record TriplePair(Triple a, Triple b) {
}
