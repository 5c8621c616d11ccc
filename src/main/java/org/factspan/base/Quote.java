package org.factspan.base;

/**
 * Quotes what a user sent inside a message, shortened to an excerpt: a message never echoes more than
 * {@value #MAX_SHOWN} characters of the input, however much was sent. Characters that XML 1.0 cannot hold (NUL and
 * other control characters, lone surrogates) are shown as {@code \}{@code uXXXX}, so the message says where the
 * problem is and stays valid text itself.
 */
public final class Quote {

    /** At most this many characters (UTF-16 units) of the input appear in a message. */
    public static final int MAX_SHOWN = 60;

    private Quote() {
    }

    /**
     * {@code 'value'}; a longer value as {@code 'its first 60 characters…' (5000000 characters)}; null as
     * {@code (none)}.
     */
    public static String of(String value) {
        if (value == null) {
            return "(none)";
        }
        if (value.length() <= MAX_SHOWN) {
            return "'" + escaped(value, value.length()) + "'";
        }
        int end = MAX_SHOWN;
        if (Character.isHighSurrogate(value.charAt(end - 1)) && Character.isLowSurrogate(value.charAt(end))) {
            end--; // never cut a surrogate pair in two
        }
        return "'" + escaped(value, end) + "…' (" + value.length() + " characters)";
    }

    /**
     * The excerpt of {@link #of} without the quotes, for names that messages show bare (a file name before its
     * problem): {@code big.txt}, or {@code its first 60 characters… (300 characters)}.
     */
    public static String bare(String value) {
        if (value == null) {
            return "(none)";
        }
        String quoted = of(value);
        int close = quoted.lastIndexOf('\'');
        return quoted.substring(1, close) + quoted.substring(close + 1);
    }

    /** {@link #of} for any value (its {@code toString()}). */
    public static String of(Object value) {
        return of(value == null ? null : value.toString());
    }

    private static String escaped(String s, int end) {
        StringBuilder out = new StringBuilder(end + 2);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || c < 0x20 && c != '\t' || c == 0xFFFE || c == 0xFFFF) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
