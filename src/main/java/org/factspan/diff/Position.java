package org.factspan.diff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One place in a document where the diff lines up the annotators' spans.
 *
 * @param kind how the spans relate
 * @param documentId the document
 * @param extent the exact extent for AGREE, LABEL_CONFLICT and INCOMPLETE; for BOUNDARY_CONFLICT the smallest
 *        extent covering all its units
 * @param label the one label of the position; {@code null} for LABEL_CONFLICT (see {@link #labels()})
 * @param units per annotator of the diff (all of them, in the diff's order) the units involved, possibly none
 */
public record Position(PositionKind kind, String documentId, Extent extent, String label,
        Map<String, List<Unit>> units) {

    public Position {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(extent, "extent");
        Map<String, List<Unit>> copy = new LinkedHashMap<>();
        units.forEach((annotator, list) -> copy.put(annotator, List.copyOf(list)));
        units = Collections.unmodifiableMap(copy);
    }

    public int start() {
        return extent.start();
    }

    public int end() {
        return extent.end();
    }

    /** The units of one annotator at this position; empty when the annotator has none here. */
    public List<Unit> units(String annotator) {
        return units.getOrDefault(annotator, List.of());
    }

    /** Annotators with at least one unit here, in the diff's annotator order. */
    public List<String> annotators() {
        return units.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /** Annotators of the diff with no unit here. */
    public List<String> missing() {
        return units.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /** All units here, annotator by annotator. */
    public List<Unit> allUnits() {
        return units.values().stream().flatMap(List::stream).toList();
    }

    /** The distinct labels of the units here, sorted. */
    public List<String> labels() {
        return List.copyOf(new TreeSet<>(allUnits().stream().map(Unit::label).toList()));
    }
}
