package org.factspan.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.factspan.base.TextSegments.Sentence;
import org.factspan.base.TextSegments.Token;
import org.junit.jupiter.api.Test;

class TextSegmentsTest {

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    private static List<String> sentences(String text) {
        CodePoints cps = CodePoints.of(text);
        return TextSegments.sentences(text).stream().map(s -> cps.substring(s.start(), s.end())).toList();
    }

    @Test
    void keepsNumbersAbbreviationsAndCompoundsWhole() {
        assertThat(texts(TextSegments.tokens(
                "The U.S. lost 3.5% and 1,200 people, e.g. Kassym-Jomart's twenty-five 13-year-old AT&T at 3:30 p.m.")))
                .containsExactly("The", "U.S.", "lost", "3.5", "%", "and", "1,200", "people", ",", "e.g.",
                        "Kassym-Jomart's", "twenty-five", "13-year-old", "AT&T", "at", "3:30", "p.m.");
    }

    @Test
    void splitsQuotesAndPunctuationOffAndMarksWords() {
        List<Token> tokens = TextSegments.tokens("\"Yes,\" said Tokayev: (no) — don't.");
        assertThat(texts(tokens)).containsExactly("\"", "Yes", ",", "\"", "said", "Tokayev", ":", "(", "no", ")",
                "—", "don't", ".");
        assertThat(tokens.stream().filter(Token::word).map(Token::text)).containsExactly("Yes", "said", "Tokayev",
                "no", "don't");
    }

    @Test
    void offsetsAreCodePointsAndEveryVisibleCharacterIsInOneToken() {
        String text = "👨\u200D🚒 and 👍🏽 in 🇰🇿: cafe\u0301! 𝐀𝐁 \u200D x\t東京都に住む";
        List<Token> tokens = TextSegments.tokens(text);
        CodePoints cps = CodePoints.of(text);
        assertThat(texts(tokens)).startsWith("👨\u200D🚒", "and", "👍🏽", "in", "🇰🇿", ":", "cafe\u0301", "!", "𝐀𝐁");
        Token flag = tokens.get(4);
        assertThat(flag.end() - flag.start()).isEqualTo(2);
        int covered = 0;
        int previousEnd = 0;
        for (Token t : tokens) {
            assertThat(cps.substring(t.start(), t.end())).isEqualTo(t.text());
            assertThat(t.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(cps.substring(previousEnd, t.start())).isBlank();
            previousEnd = t.end();
            covered += t.end() - t.start();
        }
        long visible = text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count();
        assertThat(covered).isEqualTo(visible);
    }

    @Test
    void sentencesEndAtStopsAndLineBreaksButNotAfterAbbreviations() {
        String text = "He left. Then \"she\" came.\nA headline\n\n  Mr. Smith and Jan. 19 in the U.S. were cold. "
                + "Three people came! Why? \"Go.\" Done";
        assertThat(sentences(text)).containsExactly("He left.", "Then \"she\" came.", "A headline",
                "Mr. Smith and Jan. 19 in the U.S. were cold.", "Three people came!", "Why?", "\"Go.\"", "Done");
        assertThat(sentences("\r\n  \n")).isEmpty();
        assertThat(sentences("")).isEmpty();
    }

    @Test
    void everyTokenIsInTheSentenceWhereItStarts() {
        String text = "First one. Second\r\nthird";
        List<Sentence> sentences = TextSegments.sentences(text);
        assertThat(sentences.stream().flatMap(s -> s.tokens().stream()).toList())
                .isEqualTo(TextSegments.tokens(text));
        assertThat(sentences).extracting(s -> texts(s.tokens())).containsExactly(List.of("First", "one", "."),
                List.of("Second"), List.of("third"));
    }

    @Test
    void aClaimsContextIsTheWholeSentenceItTouchesAbbreviationsIncluded() {
        String text = "Intro line\nOn Jan. 19 the U.S. embassy said 12 died. Police 👮 agreed. Next.";
        int claim = text.indexOf("12 died");
        int start = text.codePointCount(0, claim);
        assertThat(TextSegments.sentencesAround(text, start, start + 7))
                .isEqualTo("On Jan. 19 the U.S. embassy said 12 died.");
        int police = text.codePointCount(0, text.indexOf("agreed"));
        assertThat(TextSegments.sentencesAround(text, start, police + 6))
                .isEqualTo("On Jan. 19 the U.S. embassy said 12 died. Police 👮 agreed.");
        assertThat(TextSegments.sentencesAround(text, police, police)).isEqualTo("Police 👮 agreed.");
    }
}
