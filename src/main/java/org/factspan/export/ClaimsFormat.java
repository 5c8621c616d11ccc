package org.factspan.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.factspan.claims.ClaimService;
import org.factspan.claims.ClaimViews;

import org.factspan.export.format.ExportFormat;
import org.factspan.export.format.ExportResult;

import org.factspan.security.Actor;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@value #ID}: the project's claim clusters, one JSON object per line: {@code id}, {@code statement},
 * {@code outlets}, {@code members} (document, outlet, span id and code point offsets, exact text, owner, stance,
 * sources, cues, numbers as intervals, reference time, attributes), {@code conflicts} (contradiction, update,
 * revision-down, unknown-time, attribution) and the {@code verdict}, if any. Clusters are project-wide, so the set and
 * filters of the dialog do not apply; the caller sees the clusters the claim board shows them.
 */
final class ClaimsFormat implements ExportFormat {

    static final String ID = "claims";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClaimService claims;
    private final Actor actor;
    private final String slug;

    ClaimsFormat(ClaimService claims, Actor actor, String slug) {
        this.claims = claims;
        this.actor = actor;
        this.slug = slug;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String mediaType() {
        return "application/jsonl";
    }

    @Override
    public String fileExtension() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "Claim clusters, one per line (JSON Lines): the statement, every member's outlet, exact text, code point"
                + " offsets, stance, sources, cues and numbers (as intervals), and the conflicts between members.";
    }

    @Override
    public ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out) throws IOException {
        List<ClaimViews.Cluster> clusters = claims.clusters(actor, slug, ClaimViews.Filter.none());
        int members = 0;
        java.util.Set<Long> documents = new java.util.HashSet<>();
        for (ClaimViews.Cluster c : clusters) {
            try (JsonGenerator g = JSON.createGenerator(new NonClosing(out))) {
                g.writeStartObject();
                g.writeNumberProperty("id", c.id());
                g.writeStringProperty("statement", c.statement());
                g.writeNumberProperty("outlets", c.outlets());
                g.writeArrayPropertyStart("members");
                for (ClaimViews.Member m : c.members()) {
                    members++;
                    documents.add(m.documentId());
                    g.writeStartObject();
                    g.writeNumberProperty("id", m.id());
                    g.writeNumberProperty("document", m.documentId());
                    g.writeStringProperty("documentTitle", m.document());
                    g.writeStringProperty("outlet", m.outlet());
                    g.writeNumberProperty("span", m.spanId());
                    g.writeNumberProperty("start", m.start());
                    g.writeNumberProperty("end", m.end());
                    g.writeStringProperty("text", m.text());
                    g.writeStringProperty(m.gold() ? "provenance" : "annotator", m.gold() ? "gold" : m.owner());
                    g.writeStringProperty("stance", m.stance());
                    g.writeBooleanProperty("stanceSuggested", m.stanceSuggested());
                    strings(g, "sources", m.sources());
                    strings(g, "cues", m.cues());
                    g.writeArrayPropertyStart("numbers");
                    for (ClaimViews.Number n : m.numbers()) {
                        g.writeStartObject();
                        g.writeStringProperty("phrase", n.phrase());
                        g.writeStringProperty("interval", n.interval());
                        g.writeStringProperty("event", n.event());
                        g.writeStringProperty("counted", n.counted());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeObjectPropertyStart("time");
                    g.writeStringProperty("local", m.time().local());
                    g.writeStringProperty("from", m.time().from() == null ? null : m.time().from().toString());
                    g.writeStringProperty("to", m.time().to() == null ? null : m.time().to().toString());
                    g.writeStringProperty("zone", m.time().zone());
                    g.writeStringProperty("expression", m.time().expression());
                    g.writeStringProperty("basis", m.time().basis());
                    g.writeEndObject();
                    g.writeObjectPropertyStart("attributes");
                    for (Map.Entry<String, String> a : m.attributes().entrySet()) {
                        g.writeStringProperty(a.getKey(), a.getValue());
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayPropertyStart("conflicts");
                for (ClaimViews.Conflict x : c.conflicts()) {
                    g.writeStartObject();
                    g.writeStringProperty("kind", x.kind());
                    g.writeNumberProperty("a", x.memberA());
                    g.writeNumberProperty("b", x.memberB());
                    g.writeStringProperty("detail", x.detail());
                    g.writeArrayPropertyStart("members");
                    for (long id : x.members()) {
                        g.writeNumber(id);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                ClaimViews.Verdict v = c.verdict();
                if (v != null) {
                    g.writeObjectPropertyStart("verdict");
                    g.writeStringProperty("value", v.value());
                    g.writeStringProperty("asOf", v.asOf().local());
                    g.writeStringProperty("status", v.status());
                    g.writeStringProperty("rating", v.rating());
                    g.writeStringProperty("explanation", v.explanation());
                    g.writeArrayPropertyStart("members");
                    for (long id : v.members()) {
                        g.writeNumber(id);
                    }
                    g.writeEndArray();
                    strings(g, "urls", v.urls());
                    g.writeStringProperty("setBy", v.setBy());
                    g.writeStringProperty("setAt", v.setAt().toString());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            out.write('\n');
        }
        out.flush();
        return new ExportResult(documents.size(), members, 0, Map.of());
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Lets a generator flush into {@code out} without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Makes the format for each export (it writes what the caller sees). */
    @org.springframework.stereotype.Component
    static final class Maker implements CallerFormat {

        private final ClaimService claims;

        Maker(ClaimService claims) {
            this.claims = claims;
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public boolean writesCard() {
            return false;
        }

        @Override
        public ExportFormat forCaller(Actor actor, String slug) {
            return new ClaimsFormat(claims, actor, slug);
        }
    }
}
