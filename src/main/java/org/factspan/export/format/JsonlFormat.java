package org.factspan.export.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.factspan.base.CodePoints;
import org.factspan.export.ExportAttribution;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;
import org.factspan.export.ExportSpan;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Factspan's own format, lossless: one JSON object per document and line ({@code \n}), UTF-8, code point offsets.
 * Span {@code text} is written from the document text; the reader checks it when present.
 */
public final class JsonlFormat implements ExportFormat, ImportFormat {

    @Override
    public String id() {
        return "jsonl";
    }

    @Override
    public String mediaType() {
        return "application/jsonl";
    }

    @Override
    public String description() {
        return "Factspan's own lossless format: one JSON object per document and line (`id`, `name`, `text`, `meta`, "
                + "`spans` with `id`, `start`, `end`, `label`, `text`, `annotator` or `provenance`, `attributes`, and "
                + "`attributions` with `source`, `cue`, `content` span ids). Offsets are Unicode code points, end "
                + "exclusive (Python `str` offsets).";
    }

    @Override
    public String fileExtension() {
        return "jsonl";
    }

    @Override
    public ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out)
            throws IOException {
        ExportResult.Tally tally = new ExportResult.Tally();
        while (docs.hasNext()) {
            ExportDocument doc = docs.next();
            out.write(Json.MAPPER.writeValueAsBytes(toJson(doc)));
            out.write('\n');
            tally.documents++;
            tally.spans += doc.spans().size();
            tally.attributions += doc.attributions().size();
        }
        out.flush();
        return tally.result();
    }

    static ObjectNode toJson(ExportDocument doc) {
        CodePoints cp = CodePoints.of(doc.text());
        ObjectNode node = Json.object();
        node.put("id", doc.id());
        node.put("name", doc.name());
        node.put("text", doc.text());
        node.set("meta", Json.stringMap(doc.meta()));
        ArrayNode spans = node.putArray("spans");
        for (ExportSpan s : doc.spans()) {
            ObjectNode span = spans.addObject();
            span.put("id", s.id());
            span.put("start", s.start());
            span.put("end", s.end());
            span.put("label", s.label());
            span.put("text", cp.substring(s.start(), s.end()));
            putOwner(span, s.annotator(), s.provenance());
            span.set("attributes", Json.stringMap(s.attributes()));
        }
        ArrayNode attributions = node.putArray("attributions");
        for (ExportAttribution a : doc.attributions()) {
            ObjectNode attribution = attributions.addObject();
            attribution.put("id", a.id());
            attribution.put("source", a.source());
            attribution.put("cue", a.cue());
            attribution.put("content", a.content());
            putOwner(attribution, a.annotator(), a.provenance());
        }
        return node;
    }

    private static void putOwner(ObjectNode node, String annotator, String provenance) {
        if (annotator != null) {
            node.put("annotator", annotator);
        }
        if (provenance != null) {
            node.put("provenance", provenance);
        }
    }

    @Override
    public List<ExportDocument> read(InputStream in) throws IOException {
        List<ExportDocument> docs = new ArrayList<>();
        List<String> lines = Lines.read(in, null);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                docs.add(parse(lines.get(i), i + 1));
            }
        }
        return docs;
    }

    private static ExportDocument parse(String json, int line) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new FormatException(line, "broken JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new FormatException(line, "expected a JSON object per line");
        }
        List<ExportSpan> spans = new ArrayList<>();
        for (JsonNode s : Json.array(node, "spans", null, line)) {
            spans.add(Checks.build(null, line, () -> new ExportSpan(Json.integer(s, "id", null, line),
                    Json.offset(s, "start", null, line), Json.offset(s, "end", null, line),
                    Json.string(s, "label", null, line), Json.optionalString(s, "text", null, line),
                    Json.optionalString(s, "annotator", null, line), Json.optionalString(s, "provenance", null, line),
                    Json.readStringMap(s.get("attributes"), "attributes", null, line))));
        }
        List<ExportAttribution> attributions = new ArrayList<>();
        for (JsonNode a : Json.array(node, "attributions", null, line)) {
            attributions.add(Checks.build(null, line, () -> new ExportAttribution(Json.integer(a, "id", null, line),
                    Json.optionalInteger(a, "source", null, line), Json.optionalInteger(a, "cue", null, line),
                    Json.integer(a, "content", null, line), Json.optionalString(a, "annotator", null, line),
                    Json.optionalString(a, "provenance", null, line))));
        }
        ExportDocument doc = Checks.build(null, line, () -> new ExportDocument(Json.integer(node, "id", null, line),
                Json.string(node, "name", null, line), Json.string(node, "text", null, line),
                Json.readStringMap(node.get("meta"), "meta", null, line), spans, attributions));
        Checks.document(doc, null, line);
        return withCoveredText(doc);
    }

    /** The document with every span's {@code text} filled in from the document text. */
    static ExportDocument withCoveredText(ExportDocument doc) {
        CodePoints cp = CodePoints.of(doc.text());
        List<ExportSpan> spans = doc.spans().stream().map(s -> s.text() != null ? s
                : new ExportSpan(s.id(), s.start(), s.end(), s.label(), cp.substring(s.start(), s.end()),
                        s.annotator(), s.provenance(), s.attributes())).toList();
        return new ExportDocument(doc.id(), doc.name(), doc.text(), doc.meta(), spans, doc.attributions());
    }
}
