package org.factspan.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodePointsTest {

    @Test
    void asciiMapsOneToOne() {
        CodePoints cp = CodePoints.of("said Tokayev");
        assertThat(cp.length()).isEqualTo(12);
        assertThat(cp.toUtf16(5)).isEqualTo(5);
        assertThat(cp.substring(5, 12)).isEqualTo("Tokayev");
    }

    @Test
    void emojiCountsAsOneCodePoint() {
        String text = "A 😀 said: 𝒳 wins";
        CodePoints cp = CodePoints.of(text);
        assertThat(cp.length()).isEqualTo(text.length() - 2);
        assertThat(cp.substring(2, 3)).isEqualTo("😀");
        assertThat(cp.substring(4, 8)).isEqualTo("said");
        assertThat(cp.substring(10, 11)).isEqualTo("𝒳");
        assertThat(cp.substring(12, 16)).isEqualTo("wins");
        assertThat(cp.toUtf16(cp.length())).isEqualTo(text.length());
    }

    @Test
    void combiningMarksAndCrlfAreSeparateCodePoints() {
        String text = "cafe\u0301\r\nok";
        CodePoints cp = CodePoints.of(text);
        assertThat(cp.length()).isEqualTo(9);
        assertThat(cp.substring(3, 5)).isEqualTo("e\u0301");
        assertThat(cp.substring(5, 7)).isEqualTo("\r\n");
    }

    @Test
    void outOfRangeIsRefused() {
        CodePoints cp = CodePoints.of("ab😀");
        assertThatThrownBy(() -> cp.toUtf16(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> cp.toUtf16(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
