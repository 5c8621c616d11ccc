package org.factspan.corpus;

import java.util.Map;

/**
 * Span counts that the corpus shows (progress in listings) but does not own: the annotation feature
 * implements this, so that dependencies keep pointing from annotation to corpus.
 */
public interface AnnotationCounts {

    /** Number of the user's spans per document id of the project; documents without spans are absent. */
    Map<Long, Long> spansPerDocument(long projectId, long userId);
}
