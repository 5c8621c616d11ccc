package org.factspan.curation;

import java.util.Comparator;
import java.util.List;

/**
 * A place in a document where the annotators do not agree, as the disagreement list shows it. Offsets are code
 * points, end exclusive; for attribution kinds the extent is the claim's.
 *
 * @param annotators who has something here (display names); {@code missing}: the document's other annotators
 * @param settled the gold standard has something here, or the curator rejected everything here
 */
public record Disagreement(long documentId, String documentTitle, Kind kind, int start, int end, String text,
        List<String> labels, List<String> annotators, List<String> missing, boolean settled, String description,
        List<DocumentCuration.Version> versions) {

    /** The place of a document's curation as a row of the project's list. */
    static Disagreement of(long documentId, String title, String text, DocumentCuration.Place p) {
        return new Disagreement(documentId, title, p.kind(), p.start(), p.end(), text, p.labels(), p.annotators(),
                p.missing(), p.settled(), p.description(), p.versions());
    }

    /** Kinds, most important first: the order of the list. */
    public enum Kind {
        /** Same extent, different labels. */
        LABEL_CONFLICT,
        /** The same claim attributed to different sources. */
        ATTRIBUTION_CONFLICT,
        /** Same label, overlapping but different extents. */
        BOUNDARY_CONFLICT,
        /** Same extent and label, different attribute values. */
        ATTRIBUTE_CONFLICT,
        /** A span only some annotators have. */
        INCOMPLETE,
        /** An attribution only some annotators have. */
        ATTRIBUTION_INCOMPLETE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The kind in words, for badges and lists. */
        public String words() {
            return switch (this) {
                case LABEL_CONFLICT -> "label conflict";
                case ATTRIBUTION_CONFLICT -> "different sources";
                case BOUNDARY_CONFLICT -> "boundary conflict";
                case ATTRIBUTE_CONFLICT -> "different attribute values";
                case INCOMPLETE -> "only some have a span";
                case ATTRIBUTION_INCOMPLETE -> "only some have an attribution";
            };
        }
    }

    /**
     * How much a disagreement matters, most first: its kind (label conflict, attribution conflict, boundary conflict,
     * incomplete span, incomplete attribution), then the more annotators involved, then document order (by the
     * given index of the document in the project), then position in the text.
     */
    static Comparator<Disagreement> importance(java.util.function.ToIntFunction<Long> documentIndex) {
        return Comparator.comparing(Disagreement::kind)
                .thenComparing(Comparator.comparingInt((Disagreement d) -> d.annotators().size()).reversed())
                .thenComparingInt(d -> documentIndex.applyAsInt(d.documentId()))
                .thenComparingInt(Disagreement::start).thenComparingInt(Disagreement::end);
    }
}
