package org.factspan.corpus;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * When a document was published, and the time zone its local times are read in (decision 019).
 *
 * @param value      ISO: a date ({@code 2022-01-05}), a local date and time ({@code 2022-01-06T18:31}) or one with an
 *                   offset ({@code 2022-01-06T18:31+05:00}); null when unknown
 * @param expression the words it was read from ("Published: 06:31 PM, 6 Jan, 2022"), or what a curator typed
 * @param source     {@code text}, {@code metadata}, {@code curator}, or {@code none} (looked for, not found)
 * @param zone       the zone of the document's local times (an IANA id such as {@code Asia/Almaty}, or an offset);
 *                   null: UTC
 */
public record PublicationTime(String value, String expression, String source, String zone) {

    public static final int MAX_EXPRESSION = 300;

    public static PublicationTime none(String zone) {
        return new PublicationTime(null, null, "none", zone);
    }

    /**
     * When a new document was published: the {@code published} metadata entry (ISO), else a line near the top of the
     * text ("Published: 06:31 PM, 6 Jan, 2022", "January 06, 2022"); its local times are read in the {@code timezone}
     * metadata entry, else UTC.
     *
     * @throws IllegalArgumentException when an entry is not a time or a zone
     */
    public static PublicationTime read(String text, java.util.Map<String, String> meta) {
        String zone = normalizeZone(meta.get("timezone"));
        String value = normalize(meta.get("published"));
        if (value != null) {
            return new PublicationTime(value, abbreviate(meta.get("published").strip(), MAX_EXPRESSION), "metadata",
                    zone);
        }
        return MetadataExtractor.published(text)
                .map(p -> new PublicationTime(p.value(), abbreviate(p.words(), MAX_EXPRESSION), "text", zone))
                .orElse(none(zone));
    }

    /** The zone the document's local times are read in. */
    public ZoneId zoneId() {
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }

    public boolean known() {
        return value != null;
    }

    /** The first instant the publication time allows (the start of its day for a date); null when unknown. */
    public Instant from() {
        if (value == null) {
            return null;
        }
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(zoneId()).toInstant();
        }
        if (value.length() == 16) {
            return LocalDateTime.parse(value).atZone(zoneId()).toInstant();
        }
        return OffsetDateTime.parse(value).toInstant();
    }

    /** The end, exclusive: the next day for a date, one minute later for a time; null when unknown. */
    public Instant to() {
        Instant from = from();
        return from == null ? null : value.length() == 10 ? LocalDate.parse(value).plusDays(1).atStartOfDay(zoneId())
                .toInstant() : from.plus(Duration.ofMinutes(1));
    }

    /** For people: "6 Jan 2022, 18:31", "5 Jan 2022", or "unknown". */
    public String describe() {
        if (value == null) {
            return "unknown";
        }
        LocalDateTime local = value.length() == 10 ? LocalDate.parse(value).atStartOfDay()
                : LocalDateTime.ofInstant(from(), value.length() == 16 ? zoneId()
                        : OffsetDateTime.parse(value).getOffset());
        String day = local.getDayOfMonth() + " " + local.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + local.getYear();
        if (value.length() == 10) {
            return day;
        }
        return day + String.format(Locale.ROOT, ", %02d:%02d", local.getHour(), local.getMinute())
                + (value.length() > 16 ? " (UTC" + value.substring(16) + ")" : "");
    }

    /**
     * The canonical ISO form of a publication time a person or a file gave ({@code 2022-01-06}, {@code
     * 2022-01-06 18:31}, {@code 2022-01-06T18:31:00+05:00}), seconds dropped; blank: null.
     *
     * @throws IllegalArgumentException naming the forms that are understood
     */
    public static String normalize(String value) {
        String v = value == null ? "" : value.strip().replace(' ', 'T');
        if (v.isEmpty()) {
            return null;
        }
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).toString();
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")) {
                LocalDateTime t = LocalDateTime.parse(v);
                return LocalDateTime.of(t.toLocalDate(), t.toLocalTime().withSecond(0)).toString();
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})")) {
                OffsetDateTime t = OffsetDateTime.parse(v);
                String offset = t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
                return t.toLocalDateTime().withSecond(0).toString() + offset;
            }
        } catch (DateTimeException e) {
            // falls through to the message
        }
        throw new IllegalArgumentException("'" + abbreviate(value) + "' is not a publication time; give a date"
                + " (2022-01-05), a date and time (2022-01-06 18:31) or one with its offset (2022-01-06T18:31+05:00)");
    }

    /**
     * A time zone a person or a file gave: an IANA id ({@code Asia/Almaty}), {@code UTC} or an offset
     * ({@code +06:00}); blank: null.
     *
     * @throws IllegalArgumentException when it is none
     */
    public static String normalizeZone(String zone) {
        String z = zone == null ? "" : zone.strip();
        if (z.isEmpty()) {
            return null;
        }
        try {
            return ZoneId.of(z).getId();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + abbreviate(zone) + "' is not a time zone; give an IANA id such as"
                    + " Asia/Almaty, UTC, or an offset such as +06:00");
        }
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 60);
    }

    private static String abbreviate(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
