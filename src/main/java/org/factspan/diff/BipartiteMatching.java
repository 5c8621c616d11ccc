package org.factspan.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

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
        List<List<Integer>> adjacent = new ArrayList<>();
        for (L l : left) {
            List<Integer> row = new ArrayList<>();
            for (int j = 0; j < right.size(); j++) {
                if (edge.test(l, right.get(j))) {
                    row.add(j);
                }
            }
            adjacent.add(row);
        }
        int[] matchOfRight = new int[right.size()];
        Arrays.fill(matchOfRight, -1);
        for (int i = 0; i < left.size(); i++) {
            augment(i, adjacent, matchOfRight, new boolean[right.size()]);
        }
        int[] matchOfLeft = new int[left.size()];
        Arrays.fill(matchOfLeft, -1);
        for (int j = 0; j < right.size(); j++) {
            if (matchOfRight[j] >= 0) {
                matchOfLeft[matchOfRight[j]] = j;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            if (matchOfLeft[i] >= 0) {
                pairs.add(new int[] {i, matchOfLeft[i]});
            }
        }
        return pairs;
    }

    private static boolean augment(int i, List<List<Integer>> adjacent, int[] matchOfRight, boolean[] seen) {
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
