package org.factspan.corpus;

import org.factspan.base.InvalidRequestException;

/**
 * Project settings: selections snap to whole words; an annotator's spans may overlap each other; how many
 * annotators each document needs ({@code k}, 1 to 20).
 */
public record ProjectSettings(boolean snapWords, boolean allowOverlap, int annotatorsPerDocument) {

    public static final ProjectSettings DEFAULT = new ProjectSettings(true, true, 2);

    public ProjectSettings {
        if (annotatorsPerDocument < 1 || annotatorsPerDocument > 20) {
            throw new InvalidRequestException("Annotators per document must be between 1 and 20, not "
                    + annotatorsPerDocument);
        }
    }
}
