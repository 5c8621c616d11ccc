package org.factspan.base;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * The one tokenizer and sentence splitter (decision 029), for the CoNLL export, the attribution patterns, the
 * recommender's sentences, the quantity reader and the claims' context sentences. Offsets are code points, end
 * exclusive.
 *
 * <p>Words and sentences are ICU4J's break iterators (Unicode's UAX #29 rules): "3.5", "1,200" and "don't" are one
 * token, every punctuation character and symbol is a token of its own, emoji sequences (ZWJ, skin tones, flags) and
 * combining marks stay whole, Chinese and Japanese are split by ICU's dictionary. Sentences end after {@code . ! ?}
 * (closing quotes and brackets right after them still belong to the sentence) and at every line break, but not after
 * the abbreviations of ICU's English list ("Mr.", "U.S.", "Jan."). Two joins on top of UAX #29, both as in CoNLL-2003
 * and Penn Treebank tokens:
 * <ul>
 * <li>a full stop right after a word with dots inside belongs to it: "U.S.", "e.g.", "p.m.";</li>
 * <li>words and numbers joined by one of {@code - / & :} with no space are one token: "Kassym-Jomart",
 * "twenty-five", "13-year-old", "24/7", "AT&T", "3:30".</li>
 * </ul>
 * Every character that is not white space is in exactly one token. Plain Java, thread-safe, no state.
 */
public final class TextSegments {

    /** A token: code point offsets, end exclusive, its text, and whether it is a word (letters, digits, ideographs). */
    public record Token(int start, int end, String text, boolean word) {
    }

    /** A sentence: from its first token's start to its last token's end; never empty. */
    public record Sentence(int start, int end, List<Token> tokens) {
    }

    private static final BreakIterator WORDS = BreakIterator.getWordInstance(ULocale.ROOT);
    private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(new ULocale("en@ss=standard"));
    private static final String JOINERS = "-/&:\u2010\u2011";

    private TextSegments() {
    }

    /** The tokens of a text, in order. */
    public static List<Token> tokens(String text) {
        BreakIterator words = (BreakIterator) WORDS.clone();
        words.setText(text);
        List<Token> raw = new ArrayList<>();
        int cp = 0;
        for (int s = words.first(), e = words.next(); e != BreakIterator.DONE; s = e, e = words.next()) {
            int length = text.codePointCount(s, e);
            // a joiner or mark after a space sticks to the space (UAX #29 WB4): the token starts after the space
            int from = s;
            while (from < e && isSpace(text.codePointAt(from))) {
                from += Character.charCount(text.codePointAt(from));
            }
            if (from < e) {
                boolean word = words.getRuleStatus() >= BreakIterator.WORD_NUMBER;
                int start = cp + text.codePointCount(s, from);
                raw.add(new Token(start, cp + length, text.substring(from, e), word));
            }
            cp += length;
        }
        return join(raw);
    }

    /** The sentences of a text, each with its tokens; every token is in the sentence where it starts. */
    public static List<Sentence> sentences(String text) {
        List<Token> tokens = tokens(text);
        BreakIterator sentences = (BreakIterator) SENTENCES.clone();
        sentences.setText(text);
        List<Sentence> out = new ArrayList<>();
        int t = 0;
        int cp = 0;
        for (int s = sentences.first(), e = sentences.next(); e != BreakIterator.DONE; s = e, e = sentences.next()) {
            cp += text.codePointCount(s, e);
            List<Token> inside = new ArrayList<>();
            while (t < tokens.size() && tokens.get(t).start() < cp) {
                inside.add(tokens.get(t++));
            }
            if (!inside.isEmpty()) {
                out.add(new Sentence(inside.getFirst().start(), inside.getLast().end(), List.copyOf(inside)));
            }
        }
        return out;
    }

    /**
     * The text of the sentence or sentences that {@code [start, end)} (code points) touches, from the first one's
     * start to the last one's end: a claim's context. An empty stretch touches the sentence it stands in.
     */
    public static String sentencesAround(String text, int start, int end) {
        CodePoints cps = CodePoints.of(text);
        int from = -1;
        int to = -1;
        for (Sentence s : sentences(text)) {
            boolean touches = s.start() < Math.max(end, start + 1) && start < s.end();
            if (touches) {
                from = from < 0 ? s.start() : from;
                to = s.end();
            }
        }
        return from < 0 ? cps.substring(start, end).strip() : cps.substring(Math.min(from, start), Math.max(to, end));
    }

    private static List<Token> join(List<Token> raw) {
        List<Token> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Token token = raw.get(i);
            // "U.S" + "." -> "U.S."
            if (token.word() && token.text().indexOf('.') > 0 && Character.isLetter(token.text().codePointAt(0))
                    && i + 1 < raw.size() && raw.get(i + 1).text().equals(".")
                    && raw.get(i + 1).start() == token.end()) {
                token = merge(token, raw.get(++i));
            }
            // "Kassym" + "-" + "Jomart" -> "Kassym-Jomart"
            Token last = out.isEmpty() ? null : out.getLast();
            Token joiner = out.size() >= 2 ? last : null;
            Token before = out.size() >= 2 ? out.get(out.size() - 2) : null;
            if (token.word() && joiner != null && before.word() && isJoiner(joiner.text())
                    && before.end() == joiner.start() && joiner.end() == token.start()) {
                out.removeLast();
                out.removeLast();
                token = merge(merge(before, joiner), token);
            }
            out.add(token);
        }
        return out;
    }

    private static Token merge(Token a, Token b) {
        return new Token(a.start(), b.end(), a.text() + b.text(), a.word() || b.word());
    }

    private static boolean isJoiner(String text) {
        return text.length() == 1 && JOINERS.indexOf(text.charAt(0)) >= 0;
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
