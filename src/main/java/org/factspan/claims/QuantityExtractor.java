package org.factspan.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.factspan.base.CodePoints;
import org.factspan.base.TextSegments;

/**
 * Reads the numbers of a claim's text as intervals: digits ("1,000", "19 million", "$600"), number words ("eight",
 * "twenty-five", "two hundred"), vague counts ("dozens" = [24, 99], "hundreds", "thousands", "several"),
 * qualifiers ("more than", "at least", "nearly", "about", "up to", "less than", "including") and, where the sentence
 * says it, the thing counted and what happened to it (killed, wounded, hospitalised, in intensive care, detained).
 * Dates, years, clock times, ages and ordinals are not quantities and are skipped. Plain Java, no state.
 */
public final class QuantityExtractor {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("dozen", 12));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Double> SCALES = Map.of("hundred", 1e2, "thousand", 1e3, "million", 1e6,
            "billion", 1e9);
    /** Plural magnitudes: at least two of the unit, fewer than the next one. */
    private static final Map<String, Interval> VAGUE = Map.of("dozens", Interval.closed(24, 99), "scores",
            Interval.closed(40, 99), "hundreds", Interval.closed(200, 999), "thousands", Interval.closed(2000, 9999),
            "millions", Interval.closed(2e6, 9_999_999));
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    private static final Set<String> STOP = Set.of("were", "was", "had", "have", "has", "been", "are", "is", "be", "in",
            "on", "at", "who", "whom", "which", "that", "and", "or", "to", "from", "while", "per", "by", "during", "with",
            "for", "of", "the", "a", "an", "as", "their", "its", "his", "her", "they", "it", "but", "after", "before",
            "since", "until", "into", "more", "than", "being", "across", "so", "far", "reportedly", "also", "this", "these", "those", "some", "there", "ago", "took",
            "over", "including", "said", "says");

    private enum Q {
        MORE_THAN, AT_LEAST, NEARLY, ABOUT, UP_TO, LESS_THAN, INCLUDING
    }

    /** Qualifiers as word sequences, longest first. */
    private static final List<Map.Entry<List<String>, Q>> QUALIFIERS = List.of(
            Map.entry(List.of("in", "excess", "of"), Q.MORE_THAN), Map.entry(List.of("no", "fewer", "than"), Q.AT_LEAST),
            Map.entry(List.of("no", "less", "than"), Q.AT_LEAST), Map.entry(List.of("no", "more", "than"), Q.UP_TO),
            Map.entry(List.of("as", "many", "as"), Q.UP_TO), Map.entry(List.of("a", "minimum", "of"), Q.AT_LEAST),
            Map.entry(List.of("more", "than"), Q.MORE_THAN), Map.entry(List.of("upwards", "of"), Q.MORE_THAN),
            Map.entry(List.of("at", "least"), Q.AT_LEAST), Map.entry(List.of("close", "to"), Q.NEARLY),
            Map.entry(List.of("just", "under"), Q.NEARLY), Map.entry(List.of("an", "estimated"), Q.ABOUT),
            Map.entry(List.of("up", "to"), Q.UP_TO), Map.entry(List.of("at", "most"), Q.UP_TO),
            Map.entry(List.of("less", "than"), Q.LESS_THAN), Map.entry(List.of("fewer", "than"), Q.LESS_THAN),
            Map.entry(List.of("over"), Q.MORE_THAN), Map.entry(List.of("above"), Q.MORE_THAN),
            Map.entry(List.of("nearly"), Q.NEARLY), Map.entry(List.of("almost"), Q.NEARLY),
            Map.entry(List.of("about"), Q.ABOUT), Map.entry(List.of("around"), Q.ABOUT),
            Map.entry(List.of("approximately"), Q.ABOUT), Map.entry(List.of("roughly"), Q.ABOUT),
            Map.entry(List.of("some"), Q.ABOUT), Map.entry(List.of("estimated"), Q.ABOUT),
            Map.entry(List.of("under"), Q.LESS_THAN), Map.entry(List.of("below"), Q.LESS_THAN),
            Map.entry(List.of("including"), Q.INCLUDING));

    private static final Map<String, String> EVENTS = Map.ofEntries(Map.entry("killed", "killed"),
            Map.entry("dead", "killed"), Map.entry("died", "killed"), Map.entry("deaths", "killed"),
            Map.entry("death", "killed"), Map.entry("eliminated", "killed"), Map.entry("fatally", "killed"),
            Map.entry("lives", "killed"), Map.entry("wounded", "wounded"), Map.entry("injured", "wounded"),
            Map.entry("hurt", "wounded"), Map.entry("injuries", "wounded"), Map.entry("hospitalised", "hospitalised"),
            Map.entry("hospitalized", "hospitalised"), Map.entry("intensive", "intensive care"),
            Map.entry("detained", "detained"), Map.entry("arrested", "detained"), Map.entry("detentions", "detained"),
            Map.entry("arrests", "detained"));

    /** A word; {@code breakBefore}: a sentence ends before it; {@code commaBefore}: a clause does. */
    private record Tok(String text, String lower, int begin, int end, boolean breakBefore, boolean commaBefore) {
    }

    /** A number read from tokens {@code first..last}. */
    private record Num(Interval value, int first, int last, boolean vague) {
    }

    public List<Quantity> extract(String text) {
        List<Tok> toks = tokenize(text);
        List<Quantity> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Num num = numberAt(toks, i);
            if (num == null) {
                continue;
            }
            int first = num.first();
            Q qualifier = null;
            String qualifierText = null;
            for (var q : QUALIFIERS) {
                List<String> words = q.getKey();
                int from = first - words.size();
                if (from >= 0 && matches(toks, from, words) && !breakBetween(toks, from, first)) {
                    qualifier = q.getValue();
                    qualifierText = String.join(" ", words);
                    first = from;
                    break;
                }
            }
            if (qualifier == null && isYear(toks.get(num.first()), num)) {
                i = num.last();
                continue;
            }
            if (qualifier == null && toks.get(num.first()).lower().equals("one") && num.first() == num.last()) {
                continue; // "one of the most stable": not a count
            }
            Interval value = qualify(num.value(), qualifier);
            String counted = counted(toks, num);
            String event = event(toks, num, qualifier == Q.INCLUDING);
            int begin = toks.get(first).begin();
            if (begin > 0 && "$€£".indexOf(text.charAt(begin - 1)) >= 0) {
                begin--;
                counted = counted == null ? String.valueOf(text.charAt(begin)) : counted;
            }
            int endU16 = toks.get(num.last()).end();
            out.add(new Quantity(text.substring(begin, endU16), text.codePointCount(0, begin),
                    text.codePointCount(0, endU16), value, qualifierText, counted, event, qualifier == Q.INCLUDING));
            i = num.last();
        }
        return out;
    }

    /** The words of the text ({@link TextSegments}); a sentence break before each sentence's first word. */
    private static List<Tok> tokenize(String text) {
        CodePoints cps = CodePoints.of(text);
        List<Tok> toks = new ArrayList<>();
        int previousEnd = 0;
        for (TextSegments.Sentence sentence : TextSegments.sentences(text)) {
            boolean first = true;
            for (TextSegments.Token token : sentence.tokens()) {
                if (!token.word()) {
                    continue;
                }
                int begin = cps.toUtf16(token.start());
                int end = cps.toUtf16(token.end());
                String gap = text.substring(previousEnd, begin);
                boolean sentenceBreak = first || gap.matches("(?s).*[;\\n].*");
                toks.add(new Tok(token.text(), token.text().toLowerCase(Locale.ROOT), begin, end, sentenceBreak,
                        sentenceBreak || gap.matches("(?s).*[,:—–(].*")));
                previousEnd = end;
                first = false;
            }
        }
        return toks;
    }

    private static Num numberAt(List<Tok> toks, int i) {
        Tok t = toks.get(i);
        String w = t.lower();
        if (isDate(toks, i)) {
            return null;
        }
        Interval vague = VAGUE.get(w);
        if (vague != null) {
            // "tens of thousands"
            return new Num(vague, i, i, true);
        }
        if (w.equals("tens") && i + 2 < toks.size() && toks.get(i + 1).lower().equals("of")
                && toks.get(i + 2).lower().equals("thousands")) {
            return new Num(Interval.closed(20_000, 99_999), i, i + 2, true);
        }
        if (w.equals("several")) {
            Double scale = i + 1 < toks.size() ? SCALES.get(toks.get(i + 1).lower()) : null;
            if (scale != null) {
                return new Num(Interval.closed(3 * scale, 10 * scale - 1), i, i + 1, true);
            }
            return new Num(Interval.closed(3, 9), i, i, true);
        }
        Double value = null;
        if (DIGITS.matcher(t.text()).matches()) {
            value = Double.parseDouble(t.text().replace(",", ""));
        } else if (w.equals("a") || w.equals("one")) {
            // "a dozen", "a hundred", "one million"
            if (i + 1 < toks.size() && (toks.get(i + 1).lower().equals("dozen") || SCALES.containsKey(toks.get(i + 1)
                    .lower()))) {
                value = 1.0;
            } else if (w.equals("one")) {
                value = 1.0;
            }
        } else {
            value = wordNumber(w);
        }
        if (value == null) {
            return null;
        }
        int last = i;
        while (last + 1 < toks.size()) {
            String next = toks.get(last + 1).lower();
            if (next.equals("dozen")) {
                value *= 12;
            } else if (SCALES.containsKey(next)) {
                value *= SCALES.get(next);
            } else {
                break;
            }
            last++;
        }
        if (w.equals("a") && last == i) {
            return null;
        }
        if (isAge(toks, last)) {
            return null;
        }
        return new Num(Interval.exactly(value), i, last, false);
    }

    private static Double wordNumber(String w) {
        Integer unit = UNITS.get(w);
        if (unit != null) {
            return unit.doubleValue();
        }
        Integer tens = TENS.get(w);
        if (tens != null) {
            return tens.doubleValue();
        }
        int dash = w.indexOf('-');
        if (dash > 0) {
            Integer t = TENS.get(w.substring(0, dash));
            Integer u = UNITS.get(w.substring(dash + 1));
            if (t != null && u != null && u < 10) {
                return (double) (t + u);
            }
        }
        return null;
    }

    /** A day of a month ("January 5", "6 Jan", "Jan. 19") or a weekday's date. */
    private static boolean isDate(List<Tok> toks, int i) {
        if (!DIGITS.matcher(toks.get(i).text()).matches()) {
            return false;
        }
        boolean monthBefore = i > 0 && MONTHS.contains(toks.get(i - 1).lower())
                && toks.get(i).begin() - toks.get(i - 1).end() <= 2;
        boolean monthAfter = i + 1 < toks.size() && MONTHS.contains(toks.get(i + 1).lower())
                && toks.get(i + 1).begin() - toks.get(i).end() <= 2;
        return monthBefore || monthAfter;
    }

    private static boolean isYear(Tok t, Num num) {
        if (num.vague() || num.first() != num.last() || !t.text().matches("\\d{4}")) {
            return false;
        }
        int n = Integer.parseInt(t.text());
        return n >= 1800 && n <= 2100;
    }

    private static boolean isAge(List<Tok> toks, int last) {
        String w = toks.get(last).lower();
        if (w.endsWith("-year-old") || w.endsWith("-years-old")) {
            return true;
        }
        return last + 2 < toks.size() && toks.get(last + 1).lower().startsWith("year")
                && toks.get(last + 2).lower().equals("old");
    }

    private static boolean matches(List<Tok> toks, int from, List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            if (!toks.get(from + k).lower().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean breakBetween(List<Tok> toks, int from, int to) {
        for (int k = from + 1; k <= to; k++) {
            if (toks.get(k).breakBefore()) {
                return true;
            }
        }
        return false;
    }

    private static Interval qualify(Interval v, Q q) {
        if (q == null || q == Q.INCLUDING) {
            return v;
        }
        double n = v.low();
        double top = v.high();
        return switch (q) {
            case MORE_THAN -> Interval.moreThan(n);
            case AT_LEAST -> Interval.atLeast(n);
            case NEARLY -> new Interval(round(0.9 * top), true, top, false);
            case ABOUT -> Interval.closed(round(0.9 * n), round(1.1 * top));
            case UP_TO -> Interval.atMost(top);
            case LESS_THAN -> Interval.lessThan(top);
            case INCLUDING -> v;
        };
    }

    private static double round(double x) {
        return Math.rint(x * 1e6) / 1e6;
    }

    /** The words after the number up to the first function word: "people", "security officers". */
    private static String counted(List<Tok> toks, Num num) {
        int k = num.last() + 1;
        if (num.vague() && k < toks.size() && toks.get(k).lower().equals("of") && !toks.get(k).breakBefore()) {
            k++;
        }
        // a word, and a second one when it is a plural noun after a modifier: "police officers", "other cities"
        List<String> words = new ArrayList<>();
        while (k < toks.size() && words.size() < 2 && !toks.get(k).breakBefore()
                && (words.isEmpty() || !toks.get(k).commaBefore())) {
            String w = toks.get(k).lower();
            if (STOP.contains(w) || EVENTS.containsKey(w) || !w.chars().allMatch(Character::isLetter)
                    || isNumberWord(w) || !words.isEmpty() && !(w.endsWith("s") && !w.endsWith("ss"))) {
                break;
            }
            words.add(w);
            k++;
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    private static boolean isNumberWord(String w) {
        return UNITS.containsKey(w) || TENS.containsKey(w) || SCALES.containsKey(w) || VAGUE.containsKey(w);
    }

    /**
     * The nearest event word after the number in its sentence (before the next number), else before it in its
     * clause ("claimed the lives of at least 16"); a part ("13 killed, including two") looks back across commas.
     */
    private static String event(List<Tok> toks, Num num, boolean partial) {
        for (int k = num.last() + 1; k < toks.size() && k <= num.last() + 12; k++) {
            Tok t = toks.get(k);
            if (t.breakBefore() || DIGITS.matcher(t.text()).matches() || wordNumber(t.lower()) != null) {
                break;
            }
            String e = EVENTS.get(t.lower());
            if (e != null) {
                return e;
            }
        }
        for (int k = num.first() - 1; k >= 0 && k >= num.first() - 8; k--) {
            Tok after = toks.get(k + 1);
            if (after.breakBefore() || !partial && after.commaBefore()) {
                break;
            }
            String e = EVENTS.get(toks.get(k).lower());
            if (e != null) {
                return e;
            }
        }
        return null;
    }
}
