package org.factspan.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The sweep that finds overlapping candidates ({@link BipartiteMatching#overlapping}) gives exactly the pairs of the
 * plain all-pairs matching ({@link BipartiteMatching#maximum}) with the same edge, on random extents (nested, long,
 * touching, repeated), so the agreement measures read the same matches, only sooner.
 */
class BipartiteMatchingTest {

    @Test
    void theSweepFindsTheSamePairsAsTestingEveryPair() {
        Random random = new Random(17);
        Function<Extent, Extent> same = e -> e;
        for (int round = 0; round < 2_000; round++) {
            List<Extent> left = extents(random);
            List<Extent> right = extents(random);
            boolean extra = random.nextBoolean();
            // an extra condition, as the triple matcher has (sources and cues)
            java.util.function.BiPredicate<Extent, Extent> also = extra ? (x, y) -> (x.end() + y.start()) % 3 != 0
                    : (x, y) -> true;
            List<int[]> plain = BipartiteMatching.maximum(left, right, (x, y) -> x.overlaps(y) && also.test(x, y));
            List<int[]> swept = BipartiteMatching.overlapping(left, right, same, same, also);
            assertThat(swept).as("round %d", round).usingElementComparator(
                    Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1])).isEqualTo(plain);
        }
    }

    @Test
    void theRightSideMustBeOrderedByStart() {
        assertThatThrownBy(() -> BipartiteMatching.overlapping(List.of(new Extent(0, 5)),
                List.of(new Extent(3, 4), new Extent(1, 2)), e -> e, e -> e, (x, y) -> true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Extent> extents(Random random) {
        List<Extent> extents = new ArrayList<>();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int start = random.nextInt(60);
            int length = random.nextInt(10) == 0 ? 30 + random.nextInt(30) : 1 + random.nextInt(8);
            extents.add(new Extent(start, start + length));
        }
        extents.sort(Comparator.naturalOrder());
        return extents;
    }
}
