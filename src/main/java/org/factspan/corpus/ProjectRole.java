package org.factspan.corpus;

/** A user's role inside one project. Admins need no membership. */
public enum ProjectRole {
    CURATOR, ANNOTATOR
}
