package org.factspan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.factspan.base.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** What XML 1.0 can hold gets in; NUL, other controls, lone surrogates and non-characters do not. */
class ValidTextTest {

    @Test
    void textThatXmlCanHoldIsValid() {
        for (String ok : new String[] {"plain", "tab\tline\nreturn\r", "caf\u00e9 \u20ac \uD83D\uDE00 \uFFFD",
                "\u007F\u0085 are allowed", "", null}) {
            assertThat(ValidText.problem(ok)).as(ok).isNull();
            assertThat(ValidText.replaceInvalid(ok)).isSameAs(ok);
        }
    }

    @Test
    void nulControlsLoneSurrogatesAndNonCharactersAreRefusedWithTheirPlace() {
        assertThat(ValidText.problem("a\u0000b")).startsWith("holds NUL (U+0000) at character 2");
        assertThat(ValidText.problem("\uD83D\uDE00 hello \uD800 world"))
                .startsWith("holds a lone surrogate (U+D800, half of a character pair) at character 9");
        assertThat(ValidText.problem("x\uDC00")).contains("U+DC00").contains("character 2");
        assertThat(ValidText.problem("end\uD83D")).contains("U+D83D");
        assertThat(ValidText.problem("bell\u0007")).contains("the character U+0007 at character 5");
        assertThat(ValidText.problem("\uFFFE")).contains("U+FFFE");
        assertThat(ValidText.problem("\uFFFF")).contains("U+FFFF");
        assertThatThrownBy(() -> ValidText.require("note", "a\u0000b")).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("'note' holds NUL (U+0000) at character 2");
    }

    @Test
    void storedBadTextIsRepairedKeepingItsLength() {
        String bad = "hello \uD800 world\u0000 \uD83D\uDE00";
        String repaired = ValidText.replaceInvalid(bad);
        assertThat(repaired).isEqualTo("hello \uFFFD world\uFFFD \uD83D\uDE00");
        assertThat(repaired).hasSameSizeAs(bad);
        assertThat(repaired.codePointCount(0, repaired.length())).isEqualTo(bad.codePointCount(0, bad.length()));
        assertThat(ValidText.problem(repaired)).isNull();
    }
}
