package org.factspan.export;

import java.util.List;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.security.Actor;

/**
 * Where the annotations of an export come from. Each source offers some sets (the annotators' work: {@code all} and
 * user names; later the curated {@code gold} set) and checks the caller's right to read them itself. The export
 * service asks every source bean: the first that {@link #owns} a set name reads it, and {@link AnnotatorSets} (user
 * names) answers for everything no other source owns. Adding a set, such as gold from curation, is one class
 * implementing this interface; the formats need no change (gold spans carry {@code provenance} instead of
 * {@code annotator}).
 */
public interface AnnotationSets {

    /** The sets this source offers the caller in the project, in display order; empty when none. */
    List<String> sets(Actor actor, String slug);

    /** True when this source reads the set of that name. */
    boolean owns(String set);

    /**
     * Checks permissions, set and filter and fixes the documents, before anything is written: refusals are
     * {@link org.factspan.base.ForbiddenException}, {@link org.factspan.base.InvalidRequestException} or
     * {@link org.factspan.base.NotFoundException}.
     */
    ExportSelection select(Actor actor, String slug, String set, AnnotationFilter filter);
}
