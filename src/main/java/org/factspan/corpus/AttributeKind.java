package org.factspan.corpus;

/** What values a label attribute takes: one of a list, true/false, or free text. */
public enum AttributeKind {
    ENUM, BOOLEAN, TEXT
}
