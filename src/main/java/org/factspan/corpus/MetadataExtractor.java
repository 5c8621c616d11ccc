package org.factspan.corpus;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a news text says about itself: headline, publication date, original URL, byline and
 * dateline. Only what is present is returned; nothing is guessed beyond these patterns.
 */
final class MetadataExtractor {

    private static final Set<String> BOILERPLATE = Set.of("accessibility links", "breaking news", "please wait",
            "truth, inspiration, hope.", "no media source currently available");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"()\\[\\]]+");
    private static final Pattern BYLINE = Pattern.compile("(?m)^By \\[?([^\\]\\n]+?)\\]?(?:\\(#\\))?\\s*$");
    private static final Pattern DATELINE = Pattern.compile("(?m)^([A-Z][A-Z ]{2,30}[A-Z]) -{1,2} ");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b(January|February|March|April|May|June|July|August|September|October|November|December) (\\d{1,2}), (\\d{4})\\b");
    private static final Pattern DAY_MON_YEAR = Pattern.compile(
            "\\b(\\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*,? (\\d{4})\\b");

    /**
     * A line near the top that states when the article was published: "Published: 06:31 PM, 6 Jan, 2022", "January
     * 06, 2022", "Updated 5 January 2022 14:05". A date in the body is not a publication date.
     */
    private static final Pattern PUBLISHED_LINE = Pattern.compile("(?i)^(?:(?:published|posted|updated|last updated)"
            + "(?:\\s+on)?:?\\s*)?(?:(?<t1>\\d{1,2}:\\d{2})\\s*(?<ap1>[AP]M)?,?\\s+)?"
            + "(?:(?<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
            + "\\s+(?<d>\\d{1,2}),?\\s+(?<y>\\d{4})"
            + "|(?<d2>\\d{1,2})\\s+(?<mon2>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?,?\\s+(?<y2>\\d{4}))"
            + "(?:,?\\s+(?:at\\s+)?(?<t2>\\d{1,2}:\\d{2})\\s*(?<ap2>[AP]M)?)?\\s*$");
    /** How many lines from the top a publication line may stand. */
    private static final int PUBLISHED_WITHIN = 15;

    private MetadataExtractor() {
    }

    /** The publication time a line near the top states: its ISO value (local: the text names no zone) and words. */
    record Published(String value, String words) {
    }

    static java.util.Optional<Published> published(String text) {
        for (String raw : text.lines().limit(PUBLISHED_WITHIN).toList()) {
            String line = raw.strip();
            Matcher m = PUBLISHED_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            boolean longMonth = m.group("mon") != null;
            java.util.Optional<String> date = parseStrict((longMonth ? m.group("mon") : m.group("mon2")) + " "
                    + (longMonth ? m.group("d") : m.group("d2")) + " " + (longMonth ? m.group("y") : m.group("y2")),
                    longMonth ? "MMMM d uuuu" : "MMM d uuuu");
            if (date.isEmpty()) {
                continue;
            }
            String time = m.group("t1") != null ? m.group("t1") : m.group("t2");
            String ampm = m.group("t1") != null ? m.group("ap1") : m.group("ap2");
            if (time == null) {
                return java.util.Optional.of(new Published(date.get(), line));
            }
            String[] hm = time.split(":");
            int hour = Integer.parseInt(hm[0]);
            int minute = Integer.parseInt(hm[1]);
            if (ampm != null) {
                if (hour < 1 || hour > 12) {
                    continue;
                }
                hour = hour % 12 + (ampm.equalsIgnoreCase("PM") ? 12 : 0);
            }
            if (hour > 23 || minute > 59) {
                continue;
            }
            return java.util.Optional.of(new Published(date.get() + String.format(Locale.ROOT, "T%02d:%02d", hour,
                    minute), line));
        }
        return java.util.Optional.empty();
    }

    static Map<String, String> extract(String text) {
        Map<String, String> meta = new LinkedHashMap<>();
        title(text).ifPresent(t -> meta.put("title", t));
        date(text).ifPresent(d -> meta.put("date", d));
        Matcher url = URL.matcher(text);
        if (url.find()) {
            meta.put("url", url.group().replaceAll("[.,;:]+$", ""));
        }
        Matcher byline = BYLINE.matcher(text);
        if (byline.find()) {
            meta.put("byline", byline.group(1).trim());
        }
        Matcher dateline = DATELINE.matcher(text);
        if (dateline.find()) {
            meta.put("dateline", dateline.group(1));
        }
        return meta;
    }

    /** The first line that reads as a headline: four words or more, not site furniture, not a byline. */
    static java.util.Optional<String> title(String text) {
        for (String raw : text.lines().limit(40).toList()) {
            String line = raw.strip();
            if (line.isEmpty() || BOILERPLATE.contains(line.toLowerCase(Locale.ROOT)) || line.startsWith("By ")
                    || line.split("\\s+").length < 4) {
                continue;
            }
            return java.util.Optional.of(line.length() > 300 ? line.substring(0, 300) : line);
        }
        return java.util.Optional.empty();
    }

    /** The first full date in the text, as ISO yyyy-mm-dd. */
    static java.util.Optional<String> date(String text) {
        record Candidate(int at, String iso) {
        }
        List<Candidate> found = new java.util.ArrayList<>();
        Matcher m = MONTH_DAY_YEAR.matcher(text);
        if (m.find()) {
            parse(m.group(1) + " " + m.group(2) + " " + m.group(3), "MMMM d yyyy")
                    .ifPresent(iso -> found.add(new Candidate(m.start(), iso)));
        }
        Matcher d = DAY_MON_YEAR.matcher(text);
        if (d.find()) {
            parse(d.group(1) + " " + d.group(2) + " " + d.group(3), "d MMM yyyy")
                    .ifPresent(iso -> found.add(new Candidate(d.start(), iso)));
        }
        return found.stream().min(java.util.Comparator.comparingInt(Candidate::at)).map(Candidate::iso);
    }

    /** As {@link #parse}, refusing dates that do not exist ("February 30"). */
    private static java.util.Optional<String> parseStrict(String value, String pattern) {
        try {
            return java.util.Optional.of(LocalDate.parse(value, DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT)).toString());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<String> parse(String value, String pattern) {
        try {
            return java.util.Optional.of(LocalDate.parse(value, DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH))
                    .toString());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
