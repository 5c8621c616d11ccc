package org.factspan.curation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.factspan.base.Quote;
import org.factspan.base.InvalidRequestException;

/** What goes into the gold standard by itself when a document is opened for curation (decision 008). */
public enum MergeMode {
    /** What every annotator of the document has (at least two annotators). The default. */
    UNANIMOUS,
    /** Also what a share of at least the threshold of the annotators has (at least two of them, no tie). */
    MAJORITY,
    /** Nothing: the curator starts from an empty gold standard. */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MergeMode of(String id) {
        if (id == null || id.isBlank()) {
            return UNANIMOUS;
        }
        return Arrays.stream(values()).filter(m -> m.id().equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new InvalidRequestException("Unknown merge mode " + Quote.of(id) + "; valid: "
                        + Arrays.stream(values()).map(MergeMode::id).collect(Collectors.joining(", "))));
    }
}
