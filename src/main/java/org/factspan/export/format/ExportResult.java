package org.factspan.export.format;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a writer wrote, and how many things it could not represent, per reason (such as
 * {@code "overlapping span"}); an empty {@code dropped} map means nothing was lost.
 */
public record ExportResult(int documents, int spans, int attributions, Map<String, Integer> dropped) {

    public ExportResult {
        dropped = Collections.unmodifiableMap(new TreeMap<>(dropped));
    }

    /** Total of everything dropped. */
    public int droppedTotal() {
        return dropped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Mutable counter a writer fills while it streams. */
    static final class Tally {
        int documents;
        int spans;
        int attributions;
        final Map<String, Integer> dropped = new TreeMap<>();

        void drop(String reason, int count) {
            if (count > 0) {
                dropped.merge(reason, count, Integer::sum);
            }
        }

        ExportResult result() {
            return new ExportResult(documents, spans, attributions, dropped);
        }
    }
}
