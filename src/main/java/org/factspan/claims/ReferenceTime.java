package org.factspan.claims;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The time a claim refers to (decision 019): from {@code from} (inclusive) to {@code to} (exclusive); a moment such as
 * "midday" is one minute long. {@code expression} is the words it was read from (or the publication time's words),
 * {@code basis} where it came from, {@code zone} the time zone it was read in. Unknown times have no {@code from} and
 * {@code to}, and may still name the words that could not be placed ("on Wednesday" without a publication time).
 */
public record ReferenceTime(Instant from, Instant to, ZoneId zone, String expression, Basis basis) {

    /** Where a reference time came from. */
    public enum Basis {
        /** Temporal words of the claim's clause, sentence or paragraph. */
        TEXT,
        /** No temporal words: the publication time of the claim's document. */
        PUBLICATION,
        /** Set by a curator. */
        CURATOR,
        /** Neither words that can be placed nor a publication time. */
        UNKNOWN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final Duration MOMENT = Duration.ofMinutes(1);

    public ReferenceTime {
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("A reference time has both ends or none");
        }
        if (from != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("A reference time must end after it starts: " + from + " " + to);
        }
        if (zone == null) {
            zone = ZoneOffset.UTC;
        }
    }

    public static ReferenceTime unknown(ZoneId zone, String expression) {
        return new ReferenceTime(null, null, zone, expression, Basis.UNKNOWN);
    }

    /** The same time from another basis. */
    public ReferenceTime withBasis(Basis b) {
        return new ReferenceTime(from, to, zone, expression, b);
    }

    public boolean known() {
        return from != null;
    }

    /** Both could be the same moment. */
    public boolean overlaps(ReferenceTime o) {
        return known() && o.known() && from.isBefore(o.to) && o.from.isBefore(to);
    }

    /** This one ends before the other starts. */
    public boolean before(ReferenceTime o) {
        return known() && o.known() && !to.isAfter(o.from);
    }

    /** The middle, for drawing; null when unknown. */
    public Instant middle() {
        return known() ? from.plus(Duration.between(from, to).dividedBy(2)) : null;
    }

    /**
     * The canonical local form used in tests and files: {@code 2022-01-06} (a day), {@code 2022-01-06T12:00} (a
     * moment), {@code 2011} (a year), {@code 2022-01-03/2022-01-10} (days), {@code 2022-01-05T12:00/2022-01-05T18:00},
     * or {@code unknown}.
     */
    public String canonical() {
        if (!known()) {
            return "unknown";
        }
        LocalDateTime a = LocalDateTime.ofInstant(from, zone);
        LocalDateTime b = LocalDateTime.ofInstant(to, zone);
        if (Duration.between(from, to).equals(MOMENT)) {
            return a.toString();
        }
        boolean days = a.toLocalTime().equals(LocalTime.MIDNIGHT) && b.toLocalTime().equals(LocalTime.MIDNIGHT);
        if (days) {
            if (a.toLocalDate().plusDays(1).equals(b.toLocalDate())) {
                return a.toLocalDate().toString();
            }
            if (a.getDayOfYear() == 1 && a.toLocalDate().plusYears(1).equals(b.toLocalDate())) {
                return Integer.toString(a.getYear());
            }
            return a.toLocalDate() + "/" + b.toLocalDate();
        }
        return a + "/" + b;
    }

    /** For people: "6 Jan 2022, 12:00", "5 Jan 2022", "5 Jan 2022, 12:00–18:00", "2011", with the zone's offset. */
    public String describe() {
        if (!known()) {
            return "time unknown";
        }
        LocalDateTime a = LocalDateTime.ofInstant(from, zone);
        LocalDateTime b = LocalDateTime.ofInstant(to, zone);
        String canonical = canonical();
        String text;
        if (canonical.length() == 4) {
            return canonical;
        } else if (Duration.between(from, to).equals(MOMENT)) {
            text = day(a) + ", " + TIME.format(a);
        } else if (!canonical.contains("T") && !canonical.contains("/")) {
            text = day(a);
        } else if (!canonical.contains("T")) {
            text = day(a) + " – " + day(b.minusDays(1));
        } else if (a.toLocalDate().equals(b.toLocalDate())
                || b.toLocalTime().equals(LocalTime.MIDNIGHT) && a.toLocalDate().plusDays(1).equals(b.toLocalDate())) {
            text = day(a) + ", " + TIME.format(a) + "–" + (b.toLocalTime().equals(LocalTime.MIDNIGHT) ? "24:00"
                    : TIME.format(b));
        } else {
            text = day(a) + ", " + TIME.format(a) + " – " + day(b) + ", " + TIME.format(b);
        }
        return text + " (" + offset(zone, from) + ")";
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private static String day(LocalDateTime t) {
        return t.getDayOfMonth() + " " + t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + t.getYear();
    }

    /** "UTC+6", "UTC+5:30", "UTC". */
    static String offset(ZoneId zone, Instant at) {
        ZoneOffset o = zone.getRules().getOffset(at == null ? Instant.EPOCH : at);
        if (o.getTotalSeconds() == 0) {
            return "UTC";
        }
        int minutes = Math.abs(o.getTotalSeconds()) / 60;
        return "UTC" + (o.getTotalSeconds() < 0 ? "-" : "+") + minutes / 60
                + (minutes % 60 == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes % 60));
    }
}
