package org.factspan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.factspan.claims.ClaimSuggester;
import org.factspan.claims.SeedClaimClusters;
import org.junit.jupiter.api.Test;

/**
 * Claim suggestion quality and speed on the hand-built clustering of the 53 seed claims into 12 facts (decision 013):
 * precision@1 and recall@5 over every claim that has a same-fact claim in another article, and the time per
 * suggestion request. Quality is the same at both scales (the seed corpus is fixed).
 */
class ClaimSuggestionBench {

    @Test
    void suggestionQualityOnTheSeedClaims() {
        ClaimSuggester suggester = new ClaimSuggester();
        List<SeedClaimClusters.Claim> claims = SeedClaimClusters.load();
        SeedClaimClusters.evaluate(suggester, claims); // warm-up
        int rounds = BenchResults.full() ? 20 : 5;
        long t0 = System.nanoTime();
        SeedClaimClusters.Quality q = null;
        for (int i = 0; i < rounds; i++) {
            q = SeedClaimClusters.evaluate(suggester, claims);
        }
        double msPerQuery = (System.nanoTime() - t0) / 1e6 / rounds / q.queries();
        assertThat(q.queries()).isPositive();
        String scale = BenchResults.scale();
        String on = q.claims() + " seed claims in " + q.clusters() + " hand-built clusters, " + q.queries() + " queries";
        BenchResults.record(List.of(
                new BenchResults.Row("claim suggestions: precision@1", scale, q.precisionAt1(), null, "ratio", null, on),
                new BenchResults.Row("claim suggestions: recall@5", scale, q.recallAt5(), null, "ratio", null, on),
                new BenchResults.Row("claim suggestions: time per request", scale, msPerQuery, null, "ms", null,
                        "in-memory Lucene index of the candidates, BM25 + numbers + names")));
    }
}
