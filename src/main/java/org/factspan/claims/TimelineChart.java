package org.factspan.claims;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The timeline of one count of a cluster as a small server-drawn SVG (decision 019): time across, value up; a dot per
 * exact value and outlet, a bar for an interval ("nearly 400"), a bar with an arrow for an open one ("at least
 * eight", "more than 1,000"); a thin line under a value shows how long its reference time is (a whole day); the
 * verdict's established value is a band, its as-of time a dashed line. Values of unknown time stand in a column of
 * their own at the right. Hovering shows the exact words, the time and the source ({@code <title>}). Every text is
 * escaped; no script.
 */
public final class TimelineChart {

    /** Okabe-Ito colours, safe for colour blindness, one per outlet in order of appearance. */
    private static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00",
            "#56B4E9", "#F0E442", "#000000");
    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 170;
    private static final int TOP = 18;
    private static final int BOTTOM = 44;
    private static final int UNKNOWN_COLUMN = 54;

    private TimelineChart() {
    }

    /** The units that have values in the timeline, the most frequent first. */
    public static List<String> units(ClaimViews.Timeline t) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (ClaimViews.Point p : t.points()) {
            if (p.unit() != null) {
                count.merge(p.unit(), 1, Integer::sum);
            }
        }
        return count.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).map(Map.Entry::getKey).toList();
    }

    /** The SVG of the timeline's values counting {@code unit} (null: the most frequent unit). */
    public static String svg(ClaimViews.Timeline t, String unit) {
        String u = unit != null ? unit : units(t).stream().findFirst().orElse(null);
        List<ClaimViews.Point> points = t.points().stream()
                .filter(p -> u == null ? p.unit() == null : u.equals(p.unit())).toList();
        ZoneId zone = ZoneId.of(t.zone());
        List<String> outlets = new ArrayList<>(new LinkedHashSet<>(points.stream().map(ClaimViews.Point::outlet)
                .toList()));
        boolean anyUnknown = points.stream().anyMatch(p -> !p.time().known());
        int plotRight = WIDTH - RIGHT - (anyUnknown ? UNKNOWN_COLUMN : 0);
        // the ranges
        Instant start = null;
        Instant end = null;
        double top = 0;
        for (ClaimViews.Point p : points) {
            if (p.time().known()) {
                start = start == null || p.time().from().isBefore(start) ? p.time().from() : start;
                end = end == null || p.time().to().isAfter(end) ? p.time().to() : end;
            }
            top = Math.max(top, p.high() == null ? p.low() * 1.3 : p.high());
        }
        ClaimViews.Verdict v = t.established();
        if (v != null && v.asOf().known()) {
            start = start == null || v.asOf().from().isBefore(start) ? v.asOf().from() : start;
            end = end == null || v.asOf().to().isAfter(end) ? v.asOf().to() : end;
        }
        if (v != null && v.low() != null) {
            top = Math.max(top, v.high() == null ? v.low() * 1.3 : v.high());
        }
        if (start == null) {
            start = Instant.EPOCH;
            end = Instant.EPOCH.plus(Duration.ofDays(1));
        }
        Duration span = Duration.between(start, end);
        if (span.compareTo(Duration.ofHours(12)) < 0) {
            Instant middle = start.plus(span.dividedBy(2));
            start = middle.minus(Duration.ofHours(6));
            end = middle.plus(Duration.ofHours(6));
            span = Duration.between(start, end);
        }
        start = start.minus(span.dividedBy(12));
        end = end.plus(span.dividedBy(12));
        double max = niceCeiling(Math.max(1, top * 1.1));
        Scale x = new Scale(start.toEpochMilli(), end.toEpochMilli(), LEFT, plotRight);
        Scale y = new Scale(0, max, HEIGHT - BOTTOM, TOP);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fs-timeline\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(esc("Timeline of " + (u == null ? "the values" : u)
                        + ": " + points.size() + " values from " + outlets.size() + " outlets"))
                .append("\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.append("<title>").append(esc(t.statement() + (u == null ? "" : " (" + u + ")"))).append("</title>");
        // axes and grid
        for (double tick : ticks(max)) {
            double ty = y.at(tick);
            svg.append(line(LEFT, ty, plotRight, ty, "#e0e0e0", 1, null));
            svg.append(text(LEFT - 6, ty + 4, number(tick), "end", "#555"));
        }
        svg.append(line(LEFT, HEIGHT - BOTTOM, plotRight, HEIGHT - BOTTOM, "#888", 1, null));
        for (Instant tick : timeTicks(start, end, zone)) {
            double tx = x.at(tick.toEpochMilli());
            svg.append(line(tx, HEIGHT - BOTTOM, tx, HEIGHT - BOTTOM + 4, "#888", 1, null));
            LocalDateTime local = LocalDateTime.ofInstant(tick, zone);
            String label = local.getHour() == 0 ? local.getDayOfMonth() + " "
                    + local.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    : String.format(Locale.ROOT, "%02d:00", local.getHour());
            svg.append(text(tx, HEIGHT - BOTTOM + 16, label, "middle", "#555"));
        }
        svg.append(text(LEFT, HEIGHT - 8, "time (" + ReferenceTime.offset(zone, start) + ")", "start", "#555"));
        if (u != null) {
            svg.append(text(12, TOP - 6, u, "start", "#555"));
        }
        if (anyUnknown) {
            double ux = plotRight + UNKNOWN_COLUMN / 2.0;
            svg.append(line(plotRight + 6, TOP, plotRight + 6, HEIGHT - BOTTOM, "#bbb", 1, "3 3"));
            svg.append(text(ux, HEIGHT - BOTTOM + 16, "time ?", "middle", "#555"));
        }
        // the established value
        if (v != null && v.low() != null) {
            double hi = v.high() == null ? max : v.high();
            double y1 = y.at(hi);
            double y2 = y.at(v.low());
            svg.append("<g class=\"fs-established\"><title>").append(esc("Established: " + v.value()
                    + (v.asOf().known() ? ", as of " + v.asOf().display() : "") + " (" + v.status() + ", "
                    + v.rating() + ")")).append("</title>");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\""
                    + " fill=\"#009E73\" fill-opacity=\"0.15\" stroke=\"#009E73\" stroke-opacity=\"0.5\"/>", LEFT,
                    y1, plotRight - LEFT, Math.max(2, y2 - y1)));
            if (v.asOf().known()) {
                double ax = x.at(v.asOf().from().toEpochMilli());
                svg.append(line(ax, TOP, ax, HEIGHT - BOTTOM, "#009E73", 1.5, "5 3"));
            }
            svg.append(text(LEFT + 4, y1 - 3, "established " + v.value(), "start", "#00734f"));
            svg.append("</g>");
        }
        // the values: where each goes across, moved aside when it would hide another
        int unknownIndex = 0;
        double[] across = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            ClaimViews.Point p = points.get(i);
            double px = p.time().known() ? x.at(p.time().from().toEpochMilli()
                    + Duration.between(p.time().from(), p.time().to()).toMillis() / 2)
                    : plotRight + 14 + (unknownIndex++ % 4) * 9;
            int near = 0;
            for (int j = 0; j < i; j++) {
                if (Math.abs(across[j] - px) < 8 && points.get(j).time().known() == p.time().known()) {
                    near++;
                }
            }
            across[i] = px + (p.time().known() ? near * 11 : 0);
        }
        for (int i = 0; i < points.size(); i++) {
            ClaimViews.Point p = points.get(i);
            String colour = COLOURS.get(outlets.indexOf(p.outlet()) % COLOURS.size());
            double px = across[i];
            svg.append("<g class=\"fs-point\" data-outlet=\"").append(esc(p.outlet())).append("\" data-member=\"")
                    .append(p.member()).append("\"><title>").append(esc(hover(p))).append("</title>");
            if (p.time().known()) {
                // how long the time is: a whisker with end caps at the value (the low end of an interval)
                double x1 = x.at(p.time().from().toEpochMilli()) + 1;
                double x2 = x.at(p.time().to().toEpochMilli()) - 1;
                if (x2 - x1 > 3) {
                    double ly = y.at(p.low());
                    String faint = " stroke-opacity=\"0.5\"/>";
                    svg.append(line(x1, ly, x2, ly, colour, 1.5, null).replace("/>", faint));
                    svg.append(line(x1, ly - 4, x1, ly + 4, colour, 1.5, null).replace("/>", faint));
                    svg.append(line(x2, ly - 4, x2, ly + 4, colour, 1.5, null).replace("/>", faint));
                }
            }
            double yLow = y.at(p.low());
            if (p.high() != null && p.high() == p.low()) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\""
                        + " stroke=\"#fff\" stroke-width=\"1\"/>", px, yLow, colour));
            } else {
                double yHigh = p.high() == null ? y.at(max) + 6 : y.at(p.high());
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"%.1f\""
                        + " fill=\"%s\" fill-opacity=\"0.55\" stroke=\"%s\"/>", px - 4, yHigh, Math.max(2,
                                yLow - yHigh), colour, colour));
                if (p.high() == null) {
                    svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f l6 8 h-12 z\" fill=\"%s\"/>", px,
                            yHigh - 8, colour));
                }
            }
            svg.append("</g>");
        }
        // legend
        int ly = TOP + 4;
        for (String o : outlets) {
            String colour = COLOURS.get(outlets.indexOf(o) % COLOURS.size());
            svg.append("<g class=\"fs-legend\">");
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>",
                    WIDTH - RIGHT + 14, ly, colour));
            svg.append(text(WIDTH - RIGHT + 24, ly + 4, abbreviate(o, 22), "start", "#222"));
            svg.append("</g>");
            ly += 18;
        }
        if (v != null && v.low() != null) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"#009E73\""
                    + " fill-opacity=\"0.3\"/>", WIDTH - RIGHT + 9, ly - 5));
            svg.append(text(WIDTH - RIGHT + 24, ly + 4, "established", "start", "#222"));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static String hover(ClaimViews.Point p) {
        return p.outlet() + ": “" + p.phrase() + "”" + (p.unit() == null ? "" : " " + p.unit()) + " = "
                + interval(p) + "\n" + (p.time().known() ? p.time().display() : "time unknown")
                + (p.time().expression() == null ? "" : " (from “" + p.time().expression() + "”)")
                + "\n«" + p.text() + "»" + (p.sources().isEmpty() ? "\nno source named"
                        : "\nsource: " + String.join(", ", p.sources()))
                + "\nstance: " + p.stance();
    }

    private static String interval(ClaimViews.Point p) {
        return new Interval(p.low(), p.lowClosed(), p.high() == null ? Double.POSITIVE_INFINITY : p.high(),
                p.highClosed()).toString();
    }

    private record Scale(double from, double to, double a, double b) {
        double at(double v) {
            return to == from ? (a + b) / 2 : a + (v - from) / (to - from) * (b - a);
        }
    }

    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static List<Double> ticks(double max) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            out.add(max * i / 4);
        }
        return out;
    }

    /** Midnights (and noons when the range is short) of the zone inside the range. */
    private static List<Instant> timeTicks(Instant start, Instant end, ZoneId zone) {
        List<Instant> out = new ArrayList<>();
        long hours = Duration.between(start, end).toHours();
        int step = hours <= 36 ? 6 : hours <= 96 ? 12 : 24;
        long days = Duration.between(start, end).toDays();
        if (days > 60) {
            step = 24 * (int) Math.ceil(days / 8.0);
        }
        LocalDateTime t = LocalDateTime.ofInstant(start, zone).toLocalDate().atStartOfDay();
        while (!t.atZone(zone).toInstant().isAfter(end) && out.size() < 40) {
            Instant i = t.atZone(zone).toInstant();
            if (!i.isBefore(start)) {
                out.add(i);
            }
            t = t.plusHours(step);
        }
        return out;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"%.1f\"%s/>", x1, y1, x2, y2, colour, width,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String text(double x, double y, String s, String anchor, String colour) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">", x, y, anchor,
                colour) + esc(s) + "</text>";
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Text for XML: the five special characters escaped, characters XML cannot hold dropped. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                            || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
