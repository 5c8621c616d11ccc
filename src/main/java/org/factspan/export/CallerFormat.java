package org.factspan.export;

import org.factspan.export.format.ExportFormat;
import org.factspan.security.Actor;

/**
 * An export format that writes what one caller sees of a project beyond its annotation sets (the claim clusters), so it
 * is made per export: a bean of its own, listed by {@link Formats} beside the plain formats. One class, as a format is.
 */
public interface CallerFormat {

    String id();

    /** Whether the format is a zip with a dataset card by itself. */
    boolean writesCard();

    /** The format, writing what {@code actor} may see of project {@code slug}. */
    ExportFormat forCaller(Actor actor, String slug);
}
