package org.factspan.base;

/**
 * Converts between Unicode code point offsets (what every API and file of Factspan counts) and
 * Java's UTF-16 indexes for one text. Texts without surrogate pairs (most news text) map 1:1 and
 * need no table; others get an index of UTF-16 positions per code point, built once.
 */
public final class CodePoints {

    private final String text;
    private final int length;
    /** utf16[cp] = UTF-16 index of code point cp; null when the text has no surrogates. */
    private final int[] utf16;

    private CodePoints(String text) {
        this.text = text;
        this.length = text.codePointCount(0, text.length());
        if (length == text.length()) {
            this.utf16 = null;
        } else {
            int[] table = new int[length + 1];
            int cp = 0;
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                table[cp++] = i;
            }
            table[length] = text.length();
            this.utf16 = table;
        }
    }

    public static CodePoints of(String text) {
        return new CodePoints(text);
    }

    /** The text itself. */
    public String text() {
        return text;
    }

    /** Length of the text in code points. */
    public int length() {
        return length;
    }

    /** UTF-16 index of a code point offset in [0, length]. */
    public int toUtf16(int codePoint) {
        if (codePoint < 0 || codePoint > length) {
            throw new IndexOutOfBoundsException("offset " + codePoint + " outside 0.." + length);
        }
        return utf16 == null ? codePoint : utf16[codePoint];
    }

    /** The text between two code point offsets, end exclusive. */
    public String substring(int start, int end) {
        return text.substring(toUtf16(start), toUtf16(end));
    }

    /** Code point count of any string (convenience for callers that hold no index). */
    public static int count(String s) {
        return s.codePointCount(0, s.length());
    }
}
