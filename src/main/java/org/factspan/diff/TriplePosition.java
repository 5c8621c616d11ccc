package org.factspan.diff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One place where the diff lines up the annotators' attribution triples: all triples whose content span has the
 * extent {@code content}.
 *
 * @param kind how the triples relate
 * @param documentId the document
 * @param content the extent of the content span shared by all triples here
 * @param source the extent of the source span shared by all triples here; {@code null} when they have no source,
 *        and always {@code null} for CONFLICT (the triples disagree on it)
 * @param triples per annotator of the diff (all of them, in the diff's order) the triples involved, possibly none
 */
public record TriplePosition(TripleKind kind, String documentId, Extent content, Extent source,
        Map<String, List<Triple>> triples) {

    public TriplePosition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
        Map<String, List<Triple>> copy = new LinkedHashMap<>();
        triples.forEach((annotator, list) -> copy.put(annotator, List.copyOf(list)));
        triples = Collections.unmodifiableMap(copy);
    }

    /** The triples of one annotator at this position; empty when the annotator has none here. */
    public List<Triple> triples(String annotator) {
        return triples.getOrDefault(annotator, List.of());
    }

    /** Annotators with at least one triple here, in the diff's annotator order. */
    public List<String> annotators() {
        return triples.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }
}
