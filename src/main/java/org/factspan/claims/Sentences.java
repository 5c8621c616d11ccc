package org.factspan.claims;

/** The sentence around a stretch of text, for context (plain heuristics: . ! ? and line breaks end sentences). */
public final class Sentences {

    private Sentences() {
    }

    /** The sentence(s) containing {@code [start, end)} (UTF-16 offsets of {@code text}), trimmed. */
    public static String around(String text, int start, int end) {
        int from = start;
        while (from > 0 && !endsSentence(text, from - 1)) {
            from--;
        }
        int to = end;
        while (to < text.length() && !endsSentence(text, to)) {
            to++;
        }
        if (to < text.length() && text.charAt(to) != '\n') {
            to++; // keep the full stop
        }
        return text.substring(from, Math.max(from, to)).strip();
    }

    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n' || c == '!' || c == '?') {
            return true;
        }
        // a full stop followed by white space, not inside "Jan. 19" or "U.S."
        return c == '.' && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1)) && i >= 3
                && !text.substring(i - 3, i).matches(".*\\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mr|Dr|St)$");
    }
}
