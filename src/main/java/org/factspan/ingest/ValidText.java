package org.factspan.ingest;

import org.factspan.base.Quote;
import org.factspan.base.InvalidRequestException;

/**
 * Only valid text gets in: every text a user or a file sends (document texts, names, titles, labels, attribute values,
 * guidelines, claim statements, display names...) must be text that XML 1.0 can hold, because it leaves again as XML
 * (UIMA XMI), as JSON and through every database. Refused: NUL and the other C0 control characters but tab, line feed
 * and carriage return; lone surrogates (half of a UTF-16 pair: PostgreSQL's driver stores them as {@code ?}, H2 keeps
 * them, XML writers fail); U+FFFE and U+FFFF. The one check every write path calls.
 */
public final class ValidText {

    private ValidText() {
    }

    /** Whether XML 1.0 can hold the code point ({@code Char} of the XML 1.0 specification). */
    public static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    /** The UTF-16 index of the first character XML cannot hold, or -1 when the text is valid (null is valid). */
    public static int firstInvalid(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0xD800 || c == '\n' || c == '\t' || c == '\r' || c >= 0xE000 && c <= 0xFFFD) {
                continue; // the common case, without decoding code points
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /**
     * Why the text cannot be stored (e.g. {@code holds NUL (U+0000) at character 2}), or null when it can. Characters
     * are counted from 1 in code points, as offsets are.
     */
    public static String problem(String text) {
        int at = firstInvalid(text);
        if (at < 0) {
            return null;
        }
        char c = text.charAt(at);
        String what = c == 0 ? "NUL (U+0000)" : Character.isSurrogate(c)
                ? "a lone surrogate (U+" + hex(c) + ", half of a character pair)" : "the character U+" + hex(c);
        return "holds " + what + " at character " + (text.codePointCount(0, at) + 1)
                + ", which text cannot hold (only characters XML 1.0 allows)";
    }

    /** The text, or {@link InvalidRequestException} naming the field: {@code 'displayName' holds NUL ...}. */
    public static String require(String field, String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new InvalidRequestException(Quote.of(field) + " " + problem);
        }
        return text;
    }

    /**
     * The text with every character XML cannot hold replaced by U+FFFD, for data stored before this check existed;
     * the same string when nothing needs replacing.
     */
    public static String replaceInvalid(String text) {
        int first = firstInvalid(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (isXmlChar(c)) {
                out.append(c);
            } else {
                out.append('\uFFFD');
            }
        }
        return out.toString();
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
