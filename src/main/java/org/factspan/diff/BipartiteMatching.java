package org.factspan.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Maximum cardinality matching in a bipartite graph by augmenting paths (Kuhn's algorithm, O(V·E)). Spans of one
 * label in one document are few, so the simpler algorithm beats Hopcroft–Karp on clarity at no real cost. The
 * result is deterministic for a given order of both sides.
 */
final class BipartiteMatching {

    private BipartiteMatching() {
    }

    /** Index pairs {left, right} of one maximum matching, ordered by left index. */
    static <L, R> List<int[]> maximum(List<L> left, List<R> right, BiPredicate<L, R> edge) {
        List<int[]> adjacent = new ArrayList<>(left.size());
        int[] row = new int[right.size()];
        for (L l : left) {
            int n = 0;
            for (int j = 0; j < right.size(); j++) {
                if (edge.test(l, right.get(j))) {
                    row[n++] = j;
                }
            }
            adjacent.add(Arrays.copyOf(row, n));
        }
        return match(adjacent, right.size());
    }

    /**
     * The same matching as {@link #maximum} with the edge "extents overlap and {@code also} holds", without testing
     * every pair: {@code right} must be ordered by the start of its extents, so each left item looks only at the
     * right items that can overlap it (a binary search over the running maximum of the right ends, then a scan up to
     * its own end). Same pairs as {@code maximum} with that edge, in O((n + k) log n) instead of O(n²) tests.
     */
    static <L, R> List<int[]> overlapping(List<L> left, List<R> right, Function<L, Extent> leftExtent,
            Function<R, Extent> rightExtent, BiPredicate<L, R> also) {
        int[] starts = new int[right.size()];
        int[] maxEnd = new int[right.size()];
        for (int j = 0; j < right.size(); j++) {
            Extent e = rightExtent.apply(right.get(j));
            starts[j] = e.start();
            if (j > 0 && e.start() < starts[j - 1]) {
                throw new IllegalArgumentException("right side not ordered by start");
            }
            maxEnd[j] = Math.max(j == 0 ? Integer.MIN_VALUE : maxEnd[j - 1], e.end());
        }
        List<int[]> adjacent = new ArrayList<>(left.size());
        int[] row = new int[right.size()];
        for (L l : left) {
            Extent x = leftExtent.apply(l);
            // first j whose running maximum end passes x's start: no right item before it can overlap x
            int lo = 0;
            int hi = right.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (maxEnd[mid] > x.start()) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            int n = 0;
            for (int j = lo; j < right.size() && starts[j] < x.end(); j++) {
                R r = right.get(j);
                if (x.overlaps(rightExtent.apply(r)) && also.test(l, r)) {
                    row[n++] = j;
                }
            }
            adjacent.add(Arrays.copyOf(row, n));
        }
        return match(adjacent, right.size());
    }

    private static List<int[]> match(List<int[]> adjacent, int rightSize) {
        int[] matchOfRight = new int[rightSize];
        Arrays.fill(matchOfRight, -1);
        boolean[] seen = new boolean[rightSize];
        for (int i = 0; i < adjacent.size(); i++) {
            if (adjacent.get(i).length > 0) {
                Arrays.fill(seen, false);
                augment(i, adjacent, matchOfRight, seen);
            }
        }
        int[] matchOfLeft = new int[adjacent.size()];
        Arrays.fill(matchOfLeft, -1);
        for (int j = 0; j < rightSize; j++) {
            if (matchOfRight[j] >= 0) {
                matchOfLeft[matchOfRight[j]] = j;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < adjacent.size(); i++) {
            if (matchOfLeft[i] >= 0) {
                pairs.add(new int[] {i, matchOfLeft[i]});
            }
        }
        return pairs;
    }

    private static boolean augment(int i, List<int[]> adjacent, int[] matchOfRight, boolean[] seen) {
        for (int j : adjacent.get(i)) {
            if (!seen[j]) {
                seen[j] = true;
                if (matchOfRight[j] < 0 || augment(matchOfRight[j], adjacent, matchOfRight, seen)) {
                    matchOfRight[j] = i;
                    return true;
                }
            }
        }
        return false;
    }
}
