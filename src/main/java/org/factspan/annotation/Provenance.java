package org.factspan.annotation;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.factspan.base.Quote;
import org.factspan.base.InvalidRequestException;

/**
 * How a gold span or attribution got into the gold standard, the curator who put it there and when (decision 008).
 * Annotators' own spans have none.
 */
public record Provenance(Kind kind, String curator, Instant at) {

    /** The ways into the gold standard; {@link #id()} is the name used in JSON, exports and the database. */
    public enum Kind {
        /** Merged automatically: every annotator of the document has it. */
        UNANIMOUS,
        /** Merged automatically: enough annotators have it (majority vote with a threshold). */
        MAJORITY,
        /** Chosen by a curator from an annotator's version. */
        ADJUDICATED,
        /** Added or changed by a curator directly. */
        CURATOR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String id) {
            return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("Unknown provenance " + Quote.of(id) + "; valid: "
                            + Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", "))));
        }
    }
}
