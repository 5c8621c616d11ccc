package org.factspan.claims;

import java.util.List;

/**
 * The timelines of clusters as CSV (RFC 4180, CRLF; decision 019), one row per value: {@code cluster},
 * {@code statement}, {@code outlet}, {@code document_id}, {@code document}, {@code member}, {@code reference_time}
 * (local, canonical: 2022-01-06T12:00, 2022-01-05, unknown), {@code from}/{@code to} (UTC instants, end exclusive),
 * {@code zone}, {@code expression} (the words the time came from), {@code basis} (text, publication, curator,
 * unknown), {@code phrase} (the number's exact words), {@code interval}, {@code low}, {@code high} (empty: no upper
 * bound), {@code unit}, {@code source}, {@code stance}, {@code text} (the claim's exact words).
 */
public final class TimelineCsv {

    public static final List<String> HEADER = List.of("cluster", "statement", "outlet", "document_id", "document",
            "member", "reference_time", "from", "to", "zone", "expression", "basis", "phrase", "interval", "low", "high",
            "unit", "source", "stance", "text");

    private TimelineCsv() {
    }

    public static String csv(List<ClaimViews.Timeline> timelines) {
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        for (ClaimViews.Timeline t : timelines) {
            for (ClaimViews.Point p : t.points()) {
                Interval value = new Interval(p.low(), p.lowClosed(), p.high() == null ? Double.POSITIVE_INFINITY
                        : p.high(), p.highClosed());
                row(out, List.of(Long.toString(t.cluster()), t.statement(), p.outlet(), Long.toString(p.documentId()),
                        p.document(), Long.toString(p.member()), p.time().local(),
                        p.time().from() == null ? "" : p.time().from().toString(),
                        p.time().to() == null ? "" : p.time().to().toString(), p.time().zone(),
                        p.time().expression() == null ? "" : p.time().expression(), p.time().basis(), p.phrase(),
                        value.toString(), number(p.low()), p.high() == null ? "" : number(p.high()),
                        p.unit() == null ? "" : p.unit(), String.join(" | ", p.sources()), p.stance(), p.text()));
            }
        }
        return out.toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\r') >= 0 || f.indexOf('\n') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        out.append("\r\n");
    }
}
