package org.factspan.curation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.factspan.base.Quote;
import org.factspan.base.InvalidRequestException;

/**
 * What to take from an annotator into the gold standard, in one call.
 *
 * @param what which part
 * @param id the annotator's span (for SPAN, LABEL, ATTRIBUTES) or attribution (for ATTRIBUTION)
 * @param attribute for ATTRIBUTES: only this attribute; null for all of them
 */
public record Accept(What what, long id, String attribute) {

    public enum What {
        /** The span: extent, label and attributes; replaces gold spans at the same place (other label at the same
         *  extent, or the same label overlapping it). */
        SPAN,
        /** The label: the gold span at the same extent gets it (or is created). */
        LABEL,
        /** Attribute values onto the gold span with the same extent and label. */
        ATTRIBUTES,
        /** The attribution triple, with gold spans for its parts; replaces gold triples on the same claim. */
        ATTRIBUTION;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static What of(String id) {
            return Arrays.stream(values()).filter(w -> w.id().equalsIgnoreCase(id == null ? "" : id.trim()))
                    .findFirst().orElseThrow(() -> new InvalidRequestException("Unknown part to accept " + Quote.of(id)
                            + "; valid: " + Arrays.stream(values()).map(What::id).collect(Collectors.joining(", "))));
        }
    }

    public static Accept span(long spanId) {
        return new Accept(What.SPAN, spanId, null);
    }

    public static Accept label(long spanId) {
        return new Accept(What.LABEL, spanId, null);
    }

    public static Accept attributes(long spanId, String attribute) {
        return new Accept(What.ATTRIBUTES, spanId, attribute);
    }

    public static Accept attribution(long attributionId) {
        return new Accept(What.ATTRIBUTION, attributionId, null);
    }
}
