package org.factspan.corpus;

/** SPAN labels mark content (claim, source); CUE labels mark the words that tie a source to a claim. */
public enum LabelKind {
    SPAN, CUE
}
