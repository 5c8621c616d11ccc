package org.factspan.corpus;

import org.factspan.base.InvalidRequestException;

/**
 * Project settings: selections snap to whole words; an annotator's spans may overlap each other; how many
 * annotators each document needs ({@code k}, 1 to 20); the score below which suggestions are not offered
 * ({@code suggestionThreshold}, 0 to 1; 0 offers all; null in a change keeps the current one).
 */
public record ProjectSettings(boolean snapWords, boolean allowOverlap, int annotatorsPerDocument,
        Double suggestionThreshold) {

    public static final ProjectSettings DEFAULT = new ProjectSettings(true, true, 2, 0.0);

    public ProjectSettings {
        if (annotatorsPerDocument < 1 || annotatorsPerDocument > 20) {
            throw new InvalidRequestException("Annotators per document must be between 1 and 20, not "
                    + annotatorsPerDocument);
        }
        if (suggestionThreshold != null && !(suggestionThreshold >= 0 && suggestionThreshold <= 1)) {
            throw new InvalidRequestException("The suggestion threshold is a score between 0 and 1, not "
                    + suggestionThreshold);
        }
    }

    /** Without a suggestion threshold (a change keeps the current one; a new project offers all suggestions). */
    public ProjectSettings(boolean snapWords, boolean allowOverlap, int annotatorsPerDocument) {
        this(snapWords, allowOverlap, annotatorsPerDocument, null);
    }
}
