package org.factspan.security;

/** Global roles. ADMIN sees and manages everything; CURATOR and ANNOTATOR work inside projects. */
public enum Role {
    ADMIN, CURATOR, ANNOTATOR
}
