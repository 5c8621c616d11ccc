package org.factspan.annotation;

import java.util.List;
import org.factspan.corpus.DocumentId;
import org.factspan.security.Actor;

/**
 * Spans proposed to an annotator in the editor ("ghost" highlights). The annotation feature only asks; the suggestions
 * feature ({@code org.factspan.suggest}) implements it, so this package depends on nothing above it. Offsets
 * are Unicode code points, end exclusive.
 */
public interface SpanSuggestions {

    /** A proposed span: what, where, from which recommender, how sure (0..1) and why. */
    record Suggestion(int start, int end, String label, String recommender, double score, String reason) {

        /** Identifies the suggestion within a document: label and extent. */
        public String key() {
            return label + ":" + start + ":" + end;
        }
    }

    /**
     * The caller's open suggestions on a document, in text order: not rejected by them there, and not overlapping one
     * of their spans with the same label. May take a moment (a model may be trained first): call it off the UI thread.
     */
    List<Suggestion> suggest(Actor actor, String slug, long documentId);

    /** Records that the caller's span {@code span} (created from the suggestion) was accepted from it. */
    void accepted(Actor actor, String slug, DocumentId document, SpanId span, Suggestion suggestion);

    /** Remembers that the caller does not want this suggestion in this document; it is not proposed there again. */
    void reject(Actor actor, String slug, long documentId, Suggestion suggestion);
}
