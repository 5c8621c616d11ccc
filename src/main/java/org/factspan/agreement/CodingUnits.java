package org.factspan.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.factspan.diff.Extent;
import org.factspan.diff.Unit;

/**
 * The coding view of spans for the kappa measures: one coding unit per distinct (document, start, end) that any
 * annotator labeled, in document order and then by extent. An annotator's value on a unit is the label they gave
 * that extent, {@value #NONE} when they gave none, and the sorted labels joined with {@code +} (e.g.
 * {@code CLAIM+SOURCE}) when they gave several: a double label is its own category, so it neither hides nor
 * silently picks one of the two.
 */
final class CodingUnits {

    static final String NONE = "NONE";

    private final List<Map<String, String>> values = new ArrayList<>();

    CodingUnits(AgreementInput input) {
        Map<String, Integer> order = new HashMap<>();
        input.documents().forEach(d -> order.put(d.id(), order.size()));
        Map<Key, Map<String, TreeSet<String>>> labels = new TreeMap<>();
        for (Unit unit : input.units()) {
            labels.computeIfAbsent(new Key(order.get(unit.documentId()), unit.extent()), k -> new HashMap<>())
                    .computeIfAbsent(unit.annotator(), k -> new TreeSet<>()).add(unit.label());
        }
        labels.values().forEach(perAnnotator -> {
            Map<String, String> row = new HashMap<>();
            perAnnotator.forEach((annotator, set) -> row.put(annotator, String.join("+", set)));
            values.add(row);
        });
    }

    /** Number of coding units. */
    int size() {
        return values.size();
    }

    /** The values of the given annotators on every unit where at least one of them gave a label. */
    List<Object[]> rows(List<String> annotators) {
        List<Object[]> rows = new ArrayList<>();
        for (Map<String, String> row : values) {
            if (annotators.stream().anyMatch(row::containsKey)) {
                rows.add(annotators.stream().map(a -> row.getOrDefault(a, NONE)).toArray());
            }
        }
        return rows;
    }

    private record Key(int document, Extent extent) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byDocument = Integer.compare(document, other.document);
            return byDocument != 0 ? byDocument : extent.compareTo(other.extent);
        }
    }
}
