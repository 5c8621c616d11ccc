package org.factspan.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimSuggesterTest {

    final ClaimSuggester suggester = new ClaimSuggester();

    static ClaimSuggester.Candidate claim(long id, long doc, String text) {
        return new ClaimSuggester.Candidate(id, doc, text, text);
    }

    @Test
    void knownAnswersOnASmallFixedCorpus() {
        var query = claim(1, 1, "Eight police officers were killed in Almaty, the Interior Ministry said.");
        List<ClaimSuggester.Candidate> corpus = List.of(query,
                claim(2, 2, "The ministry said eight police officers died in the clashes in Almaty."),
                claim(3, 3, "Protesters set fire to the mayor's office in Almaty."),
                claim(4, 4, "Thirteen security officers were killed, officials said."),
                claim(5, 1, "Eight police officers were killed in Almaty."), // same document: never suggested
                claim(6, 5, "The price of liquefied gas doubled on New Year's day."));
        var top = suggester.suggest(query, corpus, 3);
        assertThat(top).extracting(ClaimSuggester.Scored::spanId).startsWith(2L, 4L).doesNotContain(5L, 1L);
        assertThat(top.get(0).score()).isGreaterThan(top.get(1).score());
        assertThat(top.get(0).reasons()).anyMatch(r -> r.startsWith("shared words:"))
                .anyMatch(r -> r.equals("same count: “eight” killed"))
                .anyMatch(r -> r.startsWith("same names: Almaty"));
        assertThat(suggester.suggest(query, corpus, 10)).extracting(ClaimSuggester.Scored::spanId).doesNotContain(6L);
    }

    @Test
    void reasonsNameTheCandidatesOwnNumbersAndWords() {
        var query = claim(1, 1, "at least eight police officers and soldiers were killed in the riots");
        var thirteen = claim(2, 2, "As of midday Thursday, 13 police officers had been killed.");
        var eight = claim(3, 3, "The Interior Ministry claimed eight police officers were killed.");
        var scored = suggester.suggest(query, List.of(query, thirteen, eight), 5);
        assertThat(scored).filteredOn(s -> s.spanId() == 2).singleElement().satisfies(s -> assertThat(s.reasons())
                .contains("compatible count: “13” killed (the claim says “at least eight”)")
                .anyMatch(r -> r.startsWith("shared words: police, officers, killed")));
        assertThat(scored).filteredOn(s -> s.spanId() == 3).singleElement().satisfies(s -> assertThat(s.reasons())
                .contains("compatible count: “eight” killed (the claim says “at least eight”)")
                .noneMatch(r -> r.contains("13"))
                .noneMatch(r -> r.matches(".*\\b(polic|offic|kill)\\b.*")));
    }

    @Test
    void nothingToSuggestWithoutOtherDocuments() {
        var query = claim(1, 1, "Eight police officers were killed.");
        assertThat(suggester.suggest(query, List.of(query, claim(2, 1, "Eight were killed.")), 5)).isEmpty();
    }

    @Test
    void onTheHandBuiltClusteringOfTheSeedClaims() {
        List<SeedClaimClusters.Claim> claims = SeedClaimClusters.load();
        SeedClaimClusters.Quality q = SeedClaimClusters.evaluate(suggester, claims);
        System.out.printf("claim suggestions on the seed claims: precision@1 %.3f, recall@5 %.3f (%d queries, %d claims,"
                + " %d clusters)%n", q.precisionAt1(), q.recallAt5(), q.queries(), q.claims(), q.clusters());
        assertThat(q.queries()).isEqualTo(53);
        assertThat(q.precisionAt1()).isGreaterThanOrEqualTo(0.75);
        assertThat(q.recallAt5()).isGreaterThanOrEqualTo(0.75);
    }
}
