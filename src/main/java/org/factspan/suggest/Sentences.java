package org.factspan.suggest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into sentences for the statistical recommender: at line breaks, and after {@code . ! ?} (and closing
 * quotes or brackets right after them) when white space and an upper case letter, digit or opening quote follow.
 * Abbreviations ("Jan. 19") mostly stay inside because a lower case word or digit follows them. Offsets are UTF-16,
 * end exclusive; sentences are trimmed of white space and never empty.
 */
final class Sentences {

    record Range(int start, int end) {
    }

    private Sentences() {
    }

    static List<Range> split(String text) {
        List<Range> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(out, text, start, i);
                start = i + 1;
            } else if (c == '.' || c == '!' || c == '?') {
                int j = i + 1;
                while (j < n && "\"'”’)]»".indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                if (j < n && text.charAt(j) == ' ') {
                    int k = j;
                    while (k < n && text.charAt(k) == ' ') {
                        k++;
                    }
                    if (k < n && (Character.isUpperCase(text.charAt(k)) || "\"“‘'«".indexOf(text.charAt(k)) >= 0)) {
                        add(out, text, start, j);
                        start = j;
                        i = j - 1;
                    }
                }
            }
        }
        add(out, text, start, n);
        return out;
    }

    private static void add(List<Range> out, String text, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            out.add(new Range(s, e));
        }
    }
}
