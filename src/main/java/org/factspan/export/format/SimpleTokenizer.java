package org.factspan.export.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tokenizer of the CoNLL export, simple on purpose. Offsets are code points. White space separates tokens;
 * a run of letters and digits is one token; every other character (punctuation, symbol, emoji) is a token of its
 * own; combining marks, variation selectors and joiners stay with the token before them, and so do emoji
 * joined by ZWJ, skin tone modifiers and flag pairs; each Han, Hiragana and
 * Katakana character is a token (those scripts put no spaces between words). A sentence ends after {@code . ! ? …}
 * and their CJK and Arabic forms (closing quotes and brackets right after them still belong to it) and at every
 * line break. Abbreviations ("Mr.") end sentences too.
 */
public final class SimpleTokenizer {

    /** A token: code point offsets, end exclusive, and its text. */
    public record Token(int start, int end, String text) {
    }

    private static final Set<String> TERMINATORS = Set.of(".", "!", "?", "…", "。", "！", "？", "؟", "۔");

    private SimpleTokenizer() {
    }

    /** The sentences of a text, each a non-empty list of tokens. */
    public static List<List<Token>> sentences(String text) {
        List<List<Token>> sentences = new ArrayList<>();
        List<Token> sentence = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentStart = -1;
        boolean currentIsWord = false;
        boolean lineBreak = false;
        boolean terminated = false;
        int cpIndex = 0;
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i <= codePoints.length; i++, cpIndex++) {
            int c = i < codePoints.length ? codePoints[i] : ' ';
            boolean space = i == codePoints.length || Character.isWhitespace(c) || Character.isSpaceChar(c);
            boolean attaches = !space && currentStart >= 0 && (isAttaching(c) || joins(current, c));
            boolean word = !space && Character.isLetterOrDigit(c) && !isIdeographic(c);
            if (attaches || (word && currentIsWord && currentStart >= 0)) {
                current.appendCodePoint(c);
                continue;
            }
            if (currentStart >= 0) {
                Token token = new Token(currentStart, cpIndex, current.toString());
                boolean closing = isClosing(token.text());
                if ((terminated && !(closing && sentence.getLast().end() == token.start())) || lineBreak) {
                    if (!sentence.isEmpty()) {
                        sentences.add(sentence);
                        sentence = new ArrayList<>();
                    }
                    terminated = false;
                }
                lineBreak = false;
                sentence.add(token);
                terminated = terminated || TERMINATORS.contains(token.text());
                current.setLength(0);
                currentStart = -1;
            }
            if (space) {
                lineBreak = lineBreak || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
            } else {
                currentStart = cpIndex;
                currentIsWord = word;
                current.appendCodePoint(c);
            }
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        return sentences;
    }

    private static boolean isAttaching(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT;
    }

    /** Emoji sequences stay whole: after a zero-width joiner, skin tone modifiers, and flag pairs. */
    private static boolean joins(CharSequence current, int c) {
        int last = Character.codePointBefore(current, current.length());
        boolean regional = c >= 0x1F1E6 && c <= 0x1F1FF;
        return last == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF)
                || (regional && last >= 0x1F1E6 && last <= 0x1F1FF && current.codePoints().count() == 1);
    }

    private static boolean isIdeographic(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static boolean isClosing(String token) {
        int c = token.codePointAt(0);
        int type = Character.getType(c);
        return token.codePointCount(0, token.length()) == 1 && (type == Character.END_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION || c == '"' || c == '\'' || c == '」' || c == '』');
    }
}
