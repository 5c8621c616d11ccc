package org.factspan.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.factspan.diff.Unit;

/**
 * The coding view of spans for the kappa measures: one coding unit per distinct (document, start, end) that any
 * annotator labeled, in document order and then by extent. An annotator's value on a unit is the label they gave
 * that extent, {@value #NONE} when they gave none, and the sorted labels joined with {@code +} (e.g.
 * {@code CLAIM+SOURCE}) when they gave several: a double label is its own category, so it neither hides nor
 * silently picks one of the two.
 *
 * <p>Values are held as category numbers (0 is {@value #NONE}) in one row per unit and one column per annotator of
 * the input, so both kappas count their tables in one pass over plain arrays (decision 023).
 */
final class CodingUnits {

    static final String NONE = "NONE";

    /** Category names by number; 0 is {@value #NONE}. */
    private final List<String> categories = new ArrayList<>();
    /** One row per coding unit, one column per annotator (the input's order): category numbers. */
    private final int[][] values;

    CodingUnits(AgreementInput input) {
        Map<String, Integer> order = new HashMap<>();
        input.documents().forEach(d -> order.put(d.id(), order.size()));
        Map<String, Integer> column = new HashMap<>();
        input.annotators().forEach(a -> column.put(a, column.size()));
        List<Unit> units = input.units();
        int[] document = new int[units.size()];
        Integer[] sorted = new Integer[units.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
            document[i] = order.get(units.get(i).documentId());
        }
        Arrays.sort(sorted, (x, y) -> {
            Unit a = units.get(x);
            Unit b = units.get(y);
            int by = Integer.compare(document[x], document[y]);
            if (by == 0) {
                by = Integer.compare(a.start(), b.start());
            }
            return by != 0 ? by : Integer.compare(a.end(), b.end());
        });
        Map<String, Integer> number = new HashMap<>();
        categories.add(NONE);
        number.put(NONE, 0);
        int annotators = input.annotators().size();
        List<int[]> rows = new ArrayList<>();
        for (int from = 0; from < sorted.length;) {
            Unit first = units.get(sorted[from]);
            int to = from + 1;
            while (to < sorted.length && document[sorted[to]] == document[sorted[from]]
                    && units.get(sorted[to]).start() == first.start() && units.get(sorted[to]).end() == first.end()) {
                to++;
            }
            int[] row = new int[annotators];
            String[] single = new String[annotators];
            TreeSet<String>[] several = null;
            for (int k = from; k < to; k++) {
                Unit u = units.get(sorted[k]);
                int a = column.get(u.annotator());
                if (single[a] == null) {
                    single[a] = u.label();
                } else if (!single[a].equals(u.label()) || (several != null && several[a] != null)) {
                    if (several == null) {
                        @SuppressWarnings("unchecked")
                        TreeSet<String>[] made = new TreeSet[annotators];
                        several = made;
                    }
                    if (several[a] == null) {
                        several[a] = new TreeSet<>();
                        several[a].add(single[a]);
                    }
                    several[a].add(u.label());
                }
            }
            for (int a = 0; a < annotators; a++) {
                String value = several != null && several[a] != null ? String.join("+", several[a]) : single[a];
                if (value != null) {
                    Integer n = number.get(value);
                    if (n == null) {
                        n = categories.size();
                        categories.add(value);
                        number.put(value, n);
                    }
                    row[a] = n;
                }
            }
            rows.add(row);
            from = to;
        }
        values = rows.toArray(new int[0][]);
    }

    /** Number of coding units. */
    int size() {
        return values.length;
    }

    /** Number of categories, {@value #NONE} included. */
    int categoryCount() {
        return categories.size();
    }

    /** The number of a category, or -1 when no annotator used it. */
    int category(String name) {
        return categories.indexOf(name);
    }

    /** The category numbers of one coding unit, one per annotator of the input. */
    int[] row(int unit) {
        return values[unit];
    }

    /** The values of the given annotator columns on every unit where at least one of them gave a label. */
    List<Object[]> rows(int... columns) {
        List<Object[]> rows = new ArrayList<>();
        for (int[] row : values) {
            boolean any = false;
            for (int c : columns) {
                any |= row[c] != 0;
            }
            if (any) {
                Object[] named = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    named[i] = categories.get(row[columns[i]]);
                }
                rows.add(named);
            }
        }
        return rows;
    }
}
