package org.factspan.claims;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the temporal expressions of news English and places them in time relative to an article's publication time
 * (decision 019): dates ("January 5", "Jan. 4", "6 Jan 2022", "January 6th"), weekdays with parts of the day ("on
 * Wednesday", "early on Wednesday", "late Wednesday", "Wednesday afternoon", "as of midday Thursday"), "yesterday",
 * "today", "tonight", "last night", "overnight", "a night of unrest", "this week", "three days ago" and years ("in
 * 2019", "a 2011 crackdown"). "Since 1989" and "until January 19" tell how long something lasts, not when a claim
 * holds, and are left out, as are "now", "so far" and "currently" (they mean the time of writing, as no words do).
 * A small rule set in plain Java over {@code java.time}: no library fits (decision 019).
 * <p>
 * A claim's reference time ({@link #referenceTime}) comes from the words nearest to it in its clause, else its
 * sentence, else its paragraph, else the publication time. Parts of a day: midday 12:00 (a moment), morning 06-12,
 * afternoon 12-18, evening 18-24, early 00-09, late 18-24, night 18:00 to 06:00 the next day.
 */
public final class TimeExpressions {

    /** What a piece of a day is. */
    enum Part {
        DAY, MIDDAY, MORNING, AFTERNOON, EVENING, NIGHT, EARLY, LATE
    }

    /** What kind of expression. */
    enum Kind {
        /** A calendar date, with or without its year. */
        DATE,
        /** A weekday, placed near the anchor. */
        WEEKDAY,
        /** A day counted from the anchor: yesterday (-1), today (0), three days ago (-3). */
        RELATIVE,
        /** A night with no day of its own: the night before the day the sentence names, else before the anchor. */
        NIGHT,
        /** A calendar year. */
        YEAR,
        /** A week counted from the anchor's week. */
        WEEK,
        /** Midday of the anchor's day. */
        MIDDAY
    }

    /**
     * A temporal expression in a text: UTF-16 offsets {@code [start, end)}, its words and what they say.
     * {@code shift}: days for {@link Kind#RELATIVE}, weeks for {@link Kind#WEEK}, -1 "last", +1 "next", 0 otherwise
     * for weekdays.
     */
    public record Mention(int start, int end, String words, Kind kind, Part part, Month month, int day, Integer year,
            DayOfWeek weekday, int shift) {

        /** Placed without an anchor: a date with its year, or a year. */
        boolean absolute() {
            return kind == Kind.YEAR || kind == Kind.DATE && year != null;
        }

        boolean namesDay() {
            return kind == Kind.DATE || kind == Kind.WEEKDAY || kind == Kind.RELATIVE;
        }
    }

    private static final String WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final String MONTH = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String PART = "midday|noon|morning|afternoon|evening|night";

    private static final Pattern DATE = Pattern.compile("(?i)\\b(?:(?:on|as\\s+of|by)\\s+)?"
            + "(?:(?:the\\s+)?(?<part>" + PART + ")\\s+of\\s+)?"
            + "(?:(?<wd>" + WEEKDAY + "),?\\s+)?"
            + "(?:(?<mon>" + MONTH + ")\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?\\b"
            + "|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon2>" + MONTH + ")\\b\\.?)"
            + "(?:,?\\s+(?<y>(?:18|19|20)\\d\\d)\\b)?");
    private static final Pattern WEEKDAYS = Pattern.compile("(?i)\\b(?:(?<asof>as\\s+of|by|on)\\s+)?"
            + "(?:(?<el>early|late)\\s+(?:on\\s+)?)?(?:(?<p1>" + PART + ")\\s+(?:on\\s+)?)?"
            + "(?:(?<dir>last|next|this|on)\\s+)?(?<wd>" + WEEKDAY + ")(?!['’]s)\\b"
            + "(?:\\s+(?<p2>" + PART + "))?");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(?:(?<el>early|late)\\s+)?"
            + "(?<rel>yesterday|today|tomorrow|tonight|last\\s+night|this\\s+(?<this>morning|afternoon|evening))\\b"
            + "(?:\\s+(?<p>" + PART + ")\\b)?");
    private static final Pattern DAYS_AGO = Pattern.compile("(?i)\\b(?<n>\\d{1,2}|one|two|three|four|five|six|seven|"
            + "eight|nine|ten|a)\\s+(?<unit>days?|weeks?)\\s+ago\\b");
    private static final Pattern NIGHT = Pattern.compile("(?i)\\b(?:(?:a|the)\\s+(?:previous\\s+)?night"
            + "(?:\\s+of\\s+(?:unrest|violence|clashes|protests?|rioting|riots|fighting|looting))?"
            + "|during\\s+the\\s+night|overnight(?!\\s+curfews?))\\b");
    private static final Pattern WEEK = Pattern.compile("(?i)\\b(?<w>this|last|next)\\s+week\\b");
    private static final Pattern YEAR = Pattern.compile("(?i)\\b(?:(?<in>in|since|until|by|from|a|an|the)\\s+)?"
            + "(?<y>(?:18|19|20)\\d\\d)\\b(?![,.]?\\d|:)");
    private static final Pattern MIDDAY = Pattern.compile("(?i)\\b(?:(?:as\\s+of|at|by)\\s+)?(?:midday|noon)\\b");
    /** Words before an expression that make it a duration's bound, not the claim's time. */
    private static final Pattern BOUND = Pattern.compile("(?i)(?:\\b(?:since|until|till|through)\\s+"
            + "(?:the\\s+)?)$");
    /** Words that put a weekday in the future. */
    private static final Pattern FUTURE = Pattern.compile("(?i)\\b(?:will|shall|is\\s+to|are\\s+to|plans?\\s+to|"
            + "scheduled|due\\s+to\\s+(?:meet|begin|start|vote|arrive))\\b");
    /** A year after these words is a bound of a duration ("since 1989"), not the time of a claim. */
    private static final java.util.Set<String> YEAR_BOUNDS = java.util.Set.of("since", "until", "by", "from");
    private static final Map<String, Integer> SMALL = Map.ofEntries(Map.entry("a", 1), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10));

    private TimeExpressions() {
    }

    // ------------------------------------------------------------------ finding

    /** Every temporal expression of {@code text}, in order, none overlapping another. */
    public static List<Mention> find(String text) {
        List<Mention> found = new ArrayList<>();
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            String mon = m.group("mon") != null ? m.group("mon") : m.group("mon2");
            String d = m.group("d") != null ? m.group("d") : m.group("d2");
            Month month = month(mon);
            int day = Integer.parseInt(d);
            if (month == null || day < 1 || day > 31 || "may".equalsIgnoreCase(mon) && m.group("mon") != null
                    && !Character.isUpperCase(mon.charAt(0))) {
                continue;
            }
            Integer year = m.group("y") == null ? null : Integer.valueOf(m.group("y"));
            add(found, text, m.start(), m.end(), Kind.DATE, part(m.group("part")), month, day, year, null, 0);
        }
        m = WEEKDAYS.matcher(text);
        while (m.find()) {
            Part part = part(m.group("p1") != null ? m.group("p1") : m.group("p2"));
            if (m.group("el") != null) {
                part = m.group("el").equalsIgnoreCase("early") ? Part.EARLY : Part.LATE;
            }
            String dir = m.group("dir") == null ? "" : m.group("dir").toLowerCase(Locale.ROOT);
            int shift = dir.equals("last") ? -1 : dir.equals("next") ? 1 : 0;
            add(found, text, m.start(), m.end(), Kind.WEEKDAY, part, null, 0, null,
                    DayOfWeek.valueOf(m.group("wd").toUpperCase(Locale.ROOT)), shift);
        }
        m = RELATIVE.matcher(text);
        while (m.find()) {
            String rel = m.group("rel").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            int shift = switch (rel) {
                case "yesterday", "last night" -> -1;
                case "tomorrow" -> 1;
                default -> 0;
            };
            Part part = rel.equals("tonight") || rel.equals("last night") ? Part.NIGHT
                    : m.group("this") != null ? part(m.group("this")) : part(m.group("p"));
            if (m.group("el") != null) {
                part = m.group("el").equalsIgnoreCase("early") ? Part.EARLY : Part.LATE;
            }
            add(found, text, m.start(), m.end(), Kind.RELATIVE, part, null, 0, null, null, shift);
        }
        m = DAYS_AGO.matcher(text);
        while (m.find()) {
            String n = m.group("n").toLowerCase(Locale.ROOT);
            int count = Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : SMALL.get(n);
            boolean weeks = m.group("unit").toLowerCase(Locale.ROOT).startsWith("week");
            add(found, text, m.start(), m.end(), weeks ? Kind.WEEK : Kind.RELATIVE, Part.DAY, null, 0, null, null,
                    -count);
        }
        m = NIGHT.matcher(text);
        while (m.find()) {
            add(found, text, m.start(), m.end(), Kind.NIGHT, Part.NIGHT, null, 0, null, null, 0);
        }
        m = WEEK.matcher(text);
        while (m.find()) {
            String w = m.group("w").toLowerCase(Locale.ROOT);
            add(found, text, m.start(), m.end(), Kind.WEEK, Part.DAY, null, 0, null, null,
                    w.equals("last") ? -1 : w.equals("next") ? 1 : 0);
        }
        m = YEAR.matcher(text);
        while (m.find()) {
            String in = m.group("in") == null ? "" : m.group("in").toLowerCase(Locale.ROOT);
            if (YEAR_BOUNDS.contains(in)) {
                continue;
            }
            int start = in.equals("in") ? m.start() : m.start("y");
            add(found, text, start, m.end(), Kind.YEAR, Part.DAY, null, 0, Integer.valueOf(m.group("y")), null, 0);
        }
        m = MIDDAY.matcher(text);
        while (m.find()) {
            add(found, text, m.start(), m.end(), Kind.MIDDAY, Part.MIDDAY, null, 0, null, null, 0);
        }
        found.sort(Comparator.comparingInt(Mention::start));
        return found;
    }

    private static void add(List<Mention> found, String text, int start, int end, Kind kind, Part part, Month month,
            int day, Integer year, DayOfWeek weekday, int shift) {
        for (Mention f : found) {
            if (start < f.end() && f.start() < end) {
                return; // an earlier, longer pattern has these words already
            }
        }
        if (BOUND.matcher(text.substring(Math.max(0, start - 20), start)).find()) {
            return;
        }
        found.add(new Mention(start, end, text.substring(start, end), kind, part, month, day, year, weekday, shift));
    }

    private static Month month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Month m : Month.values()) {
            String full = m.name().toLowerCase(Locale.ROOT);
            if (full.equals(n) || n.length() >= 3 && full.startsWith(n)) {
                return m;
            }
        }
        return null;
    }

    private static Part part(String word) {
        if (word == null) {
            return Part.DAY;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "midday", "noon" -> Part.MIDDAY;
            case "morning" -> Part.MORNING;
            case "afternoon" -> Part.AFTERNOON;
            case "evening" -> Part.EVENING;
            case "night" -> Part.NIGHT;
            default -> Part.DAY;
        };
    }

    // ------------------------------------------------------------------ placing

    /**
     * Places one expression in time. {@code anchor}: the publication time (or null); {@code day}: the day the
     * expression's sentence names, for a night without a day of its own (or null); {@code future}: the sentence speaks
     * of the future (a bare weekday is then the next one). Null when it cannot be placed.
     */
    static ReferenceTime place(Mention m, ReferenceTime anchor, LocalDate lead, LocalDate day, boolean future,
            ZoneId zone) {
        LocalDate base = lead != null ? lead : anchor == null ? null
                : LocalDateTime.ofInstant(anchor.from(), zone).toLocalDate();
        LocalDate date;
        switch (m.kind()) {
            case YEAR -> {
                LocalDate first = LocalDate.of(m.year(), 1, 1);
                return time(first.atStartOfDay(), first.plusYears(1).atStartOfDay(), zone, m);
            }
            case DATE -> {
                Integer year = m.year() != null ? m.year() : base == null ? null : base.getYear();
                if (year == null) {
                    return null;
                }
                try {
                    date = LocalDate.of(year, m.month(), m.day());
                } catch (DateTimeException e) {
                    return null;
                }
                if (m.year() == null && base != null && ChronoUnit.DAYS.between(base, date) > 183) {
                    date = date.minusYears(1); // "December 30" in an article of 2 January
                }
            }
            case WEEKDAY -> {
                if (base == null) {
                    return null;
                }
                if (m.shift() < 0) {
                    date = base.minusDays(1).with(TemporalAdjusters.previousOrSame(m.weekday()));
                } else if (m.shift() > 0) {
                    date = base.plusDays(1).with(TemporalAdjusters.nextOrSame(m.weekday()));
                } else if (future) {
                    date = base.with(TemporalAdjusters.nextOrSame(m.weekday()));
                } else {
                    date = base.with(TemporalAdjusters.previousOrSame(m.weekday()));
                }
            }
            case RELATIVE -> {
                if (base == null) {
                    return null;
                }
                date = base.plusDays(m.shift());
            }
            case NIGHT -> {
                LocalDate of = day != null ? day : base;
                if (of == null) {
                    return null;
                }
                date = of.minusDays(1);
            }
            case WEEK -> {
                if (base == null) {
                    return null;
                }
                if (m.part() == Part.DAY && m.words().toLowerCase(Locale.ROOT).endsWith("ago")) {
                    LocalDate d = base.plusWeeks(m.shift());
                    return time(d.atStartOfDay(), d.plusDays(1).atStartOfDay(), zone, m);
                }
                LocalDate monday = base.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(m.shift());
                return time(monday.atStartOfDay(), monday.plusWeeks(1).atStartOfDay(), zone, m);
            }
            case MIDDAY -> {
                if (base == null) {
                    return null;
                }
                date = base;
            }
            default -> throw new IllegalStateException(m.kind().name());
        }
        return part(date, m.part(), zone, m);
    }

    private static ReferenceTime part(LocalDate date, Part part, ZoneId zone, Mention m) {
        LocalDateTime d = date.atStartOfDay();
        return switch (part) {
            case DAY -> time(d, d.plusDays(1), zone, m);
            case MIDDAY -> time(d.plusHours(12), d.plusHours(12).plus(ReferenceTime.MOMENT), zone, m);
            case MORNING -> time(d.plusHours(6), d.plusHours(12), zone, m);
            case AFTERNOON -> time(d.plusHours(12), d.plusHours(18), zone, m);
            case EVENING, LATE -> time(d.plusHours(18), d.plusDays(1), zone, m);
            case NIGHT -> time(d.plusHours(18), d.plusDays(1).plusHours(6), zone, m);
            case EARLY -> time(d, d.plusHours(9), zone, m);
        };
    }

    private static ReferenceTime time(LocalDateTime from, LocalDateTime to, ZoneId zone, Mention m) {
        return new ReferenceTime(from.atZone(zone).toInstant(), to.atZone(zone).toInstant(), zone,
                m == null ? null : m.words(), ReferenceTime.Basis.TEXT);
    }

    // ------------------------------------------------------------------ claims

    /**
     * The reference time of the claim at UTF-16 offsets {@code [start, end)} of {@code text}: the temporal words nearest
     * to it in its clause, else its sentence, else its paragraph, placed relative to {@code publication} (null when the
     * document has none); without such words, the publication time; else unknown.
     */
    public static ReferenceTime referenceTime(String text, int start, int end, ReferenceTime publication, ZoneId zone) {
        int[] paragraph = paragraph(text, start, end);
        String para = text.substring(paragraph[0], paragraph[1]);
        List<Mention> mentions = find(para).stream()
                .map(m -> new Mention(m.start() + paragraph[0], m.end() + paragraph[0], m.words(), m.kind(), m.part(),
                        m.month(), m.day(), m.year(), m.weekday(), m.shift()))
                .toList();
        int[] sentence = sentence(text, paragraph, start, end);
        int[] clause = clause(text, sentence, start, end);
        Mention chosen = nearest(mentions, start, end, start, end);
        if (chosen == null) {
            chosen = nearest(mentions, clause[0], clause[1], start, end);
        }
        if (chosen == null) {
            chosen = nearest(mentions, sentence[0], sentence[1], start, end);
        }
        if (chosen == null) {
            chosen = nearest(mentions, paragraph[0], paragraph[1], start, end);
        }
        if (chosen == null) {
            return publication == null ? ReferenceTime.unknown(zone, null)
                    : new ReferenceTime(publication.from(), publication.to(), zone, publication.expression(),
                            ReferenceTime.Basis.PUBLICATION);
        }
        // a dated lead ("On Jan. 4, ... tonight") anchors the relative words after it in the paragraph
        LocalDate lead = null;
        for (Mention m : mentions) {
            if (m.start() < chosen.start() && m.kind() == Kind.DATE) {
                ReferenceTime t = place(m, publication, null, null, false, zone);
                lead = t == null ? lead : LocalDateTime.ofInstant(t.from(), zone).toLocalDate();
            }
        }
        LocalDate day = null;
        if (chosen.kind() == Kind.NIGHT) {
            for (Mention m : mentions) {
                if (m != chosen && m.namesDay() && m.start() >= sentence[0] && m.end() <= sentence[1]) {
                    ReferenceTime t = place(m, publication, lead, null, false, zone);
                    if (t != null) {
                        day = LocalDateTime.ofInstant(t.from(), zone).toLocalDate();
                        break;
                    }
                }
            }
        }
        boolean future = FUTURE.matcher(text.substring(sentence[0], sentence[1])).find();
        ReferenceTime placed = place(chosen, publication, lead, day, future, zone);
        return placed == null ? ReferenceTime.unknown(zone, chosen.words()) : placed;
    }

    /**
     * Reads a time a person typed for a claim or a verdict: an ISO date, date-time (with or without an offset) or
     * {@code from/to} interval, or words this class knows ("as of midday Thursday"), placed relative to
     * {@code publication}. Null when nothing can be read or placed.
     */
    public static ReferenceTime parse(String typed, ReferenceTime publication, ZoneId zone) {
        String s = typed == null ? "" : typed.strip();
        if (s.isEmpty()) {
            return null;
        }
        int slash = s.indexOf('/');
        if (slash > 0) {
            ReferenceTime a = iso(s.substring(0, slash).strip(), zone, s);
            ReferenceTime b = iso(s.substring(slash + 1).strip(), zone, s);
            if (a != null && b != null && b.from().isAfter(a.from())) {
                return new ReferenceTime(a.from(), b.from(), zone, s, ReferenceTime.Basis.CURATOR);
            }
            return null;
        }
        ReferenceTime iso = iso(s, zone, s);
        if (iso != null || s.matches("\\d{4}-\\d{1,2}.*")) {
            return iso; // a broken ISO time ("2022-02-30") is not read as words
        }
        List<Mention> mentions = find(s);
        if (mentions.isEmpty()) {
            return null;
        }
        ReferenceTime placed = referenceTime(s, 0, s.length(), publication, zone);
        return placed.known() && placed.basis() == ReferenceTime.Basis.TEXT
                ? new ReferenceTime(placed.from(), placed.to(), zone, s, ReferenceTime.Basis.CURATOR) : null;
    }

    /** An ISO date ({@code 2022-01-06}), year, local date-time or date-time with offset; null when it is none. */
    static ReferenceTime iso(String s, ZoneId zone, String words) {
        String t = s.replace(' ', 'T');
        try {
            if (t.matches("\\d{4}")) {
                LocalDate d = LocalDate.of(Integer.parseInt(t), 1, 1);
                return span(d.atStartOfDay(), d.plusYears(1).atStartOfDay(), zone, words);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(t);
                return span(d.atStartOfDay(), d.plusDays(1).atStartOfDay(), zone, words);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")) {
                LocalDateTime d = LocalDateTime.parse(t);
                return span(d, d.plus(ReferenceTime.MOMENT), zone, words);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})")) {
                Instant i = OffsetDateTime.parse(t).toInstant();
                return new ReferenceTime(i, i.plus(ReferenceTime.MOMENT), zone, words, ReferenceTime.Basis.CURATOR);
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static ReferenceTime span(LocalDateTime from, LocalDateTime to, ZoneId zone, String words) {
        return new ReferenceTime(from.atZone(zone).toInstant(), to.atZone(zone).toInstant(), zone, words,
                ReferenceTime.Basis.CURATOR);
    }

    /** The mention inside {@code [from, to)} nearest to the claim {@code [start, end)}; null when there is none. */
    private static Mention nearest(List<Mention> mentions, int from, int to, int start, int end) {
        Mention best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Mention m : mentions) {
            if (m.start() < from || m.end() > to) {
                continue;
            }
            int distance = m.end() <= start ? start - m.end() : m.start() >= end ? m.start() - end : 0;
            if (distance < bestDistance) {
                best = m;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The line(s) around the claim: a paragraph ends at a line break. */
    private static int[] paragraph(String text, int start, int end) {
        int a = text.lastIndexOf('\n', Math.max(0, start - 1));
        int b = text.indexOf('\n', end);
        return new int[] {a < 0 ? 0 : a + 1, b < 0 ? text.length() : b};
    }

    /** The sentence around the claim, inside its paragraph: . ! ? followed by white space end one ("Jan. 4" does not). */
    private static int[] sentence(String text, int[] paragraph, int start, int end) {
        int a = start;
        while (a > paragraph[0] && !endsSentence(text, a - 1)) {
            a--;
        }
        int b = end;
        while (b < paragraph[1] && !endsSentence(text, b)) {
            b++;
        }
        return new int[] {a, Math.min(paragraph[1], b + 1)};
    }

    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        int next = i + 1;
        while (next < text.length() && "\"”’'".indexOf(text.charAt(next)) >= 0) {
            next++;
        }
        if (next < text.length() && !Character.isWhitespace(text.charAt(next))) {
            return false;
        }
        return c != '.' || i < 3 || !text.substring(Math.max(0, i - 4), i)
                .matches("(?i).*\\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mr|mrs|dr|st|no)$");
    }

    /** The clause around the claim inside its sentence: commas, semicolons, dashes and parentheses end one. */
    private static int[] clause(String text, int[] sentence, int start, int end) {
        int a = start;
        while (a > sentence[0] && ",;—–()".indexOf(text.charAt(a - 1)) < 0) {
            a--;
        }
        int b = end;
        while (b < sentence[1] && ",;—–()".indexOf(text.charAt(b)) < 0) {
            b++;
        }
        return new int[] {a, b};
    }

    /** The length of a reference time in hours, for tests and drawing. */
    static double hours(ReferenceTime t) {
        return t.known() ? Duration.between(t.from(), t.to()).toMinutes() / 60.0 : Double.NaN;
    }

    /** The time of day a moment falls on, in its zone. */
    static LocalTime timeOfDay(Instant i, ZoneId zone) {
        return LocalDateTime.ofInstant(i, zone).toLocalTime();
    }
}
