package org.factspan.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages quote what people sent as a short excerpt, never the whole of it. */
class QuoteTest {

    @Test
    void shortValuesAreQuotedWhole() {
        assertThat(Quote.of("OPINION")).isEqualTo("'OPINION'");
        assertThat(Quote.of((String) null)).isEqualTo("(none)");
        assertThat(Quote.bare("big.txt")).isEqualTo("big.txt");
    }

    @Test
    void longValuesBecomeAnExcerptWithTheirLength() {
        String label = "L".repeat(5_000_000);
        assertThat(Quote.of(label)).isEqualTo("'" + "L".repeat(60) + "…' (5000000 characters)");
        assertThat(Quote.bare(label)).isEqualTo("L".repeat(60) + "… (5000000 characters)");
        // never half of a surrogate pair
        String emoji = "x".repeat(59) + "\uD83D\uDE00" + "y".repeat(10);
        assertThat(Quote.of(emoji)).isEqualTo("'" + "x".repeat(59) + "…' (71 characters)");
    }

    @Test
    void invisibleAndInvalidCharactersAreShownAsEscapes() {
        assertThat(Quote.of("a\u0000b\nc\uD800")).isEqualTo("'a\\u0000b\\u000Ac\\uD800'");
        assertThat(Quote.of("tab\tok \uD83D\uDE00")).isEqualTo("'tab\tok \uD83D\uDE00'");
    }
}
