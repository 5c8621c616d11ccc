package org.factspan.export.format;

import java.io.BufferedOutputStream;
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
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

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
    public java.util.List<String> places(byte[] content, java.util.List<org.factspan.export.ExportDocument> docs) {
        return ImportFormat.nonBlankLines(content);
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
        OutputStream buffered = new BufferedOutputStream(Zips.unclosable(out), 1 << 16);
        while (docs.hasNext()) {
            ExportDocument doc = docs.next();
            // Jackson's streaming generator: the same bytes as a tree, without building one per document
            try (JsonGenerator json = Json.MAPPER.createGenerator(Zips.unclosable(buffered))) {
                write(json, doc);
            }
            buffered.write('\n');
            tally.documents++;
            tally.spans += doc.spans().size();
            tally.attributions += doc.attributions().size();
        }
        buffered.flush();
        return tally.result();
    }

    private static void write(JsonGenerator json, ExportDocument doc) {
        CodePoints cp = CodePoints.of(doc.text());
        json.writeStartObject();
        json.writeNumberProperty("id", doc.id());
        json.writeStringProperty("name", doc.name());
        json.writeStringProperty("text", doc.text());
        writeMap(json, "meta", doc.meta());
        json.writeArrayPropertyStart("spans");
        for (ExportSpan s : doc.spans()) {
            json.writeStartObject();
            json.writeNumberProperty("id", s.id());
            json.writeNumberProperty("start", s.start());
            json.writeNumberProperty("end", s.end());
            json.writeStringProperty("label", s.label());
            json.writeStringProperty("text", cp.substring(s.start(), s.end()));
            writeOwner(json, s.annotator(), s.provenance());
            writeMap(json, "attributes", s.attributes());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayPropertyStart("attributions");
        for (ExportAttribution a : doc.attributions()) {
            json.writeStartObject();
            json.writeNumberProperty("id", a.id());
            writeId(json, "source", a.source());
            writeId(json, "cue", a.cue());
            json.writeNumberProperty("content", a.content());
            writeOwner(json, a.annotator(), a.provenance());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeMap(JsonGenerator json, String name, java.util.Map<String, String> map) {
        json.writeObjectPropertyStart(name);
        for (var e : map.entrySet()) {
            if (e.getValue() == null) {
                json.writeNullProperty(e.getKey());
            } else {
                json.writeStringProperty(e.getKey(), e.getValue());
            }
        }
        json.writeEndObject();
    }

    private static void writeId(JsonGenerator json, String name, Long id) {
        if (id == null) {
            json.writeNullProperty(name);
        } else {
            json.writeNumberProperty(name, id);
        }
    }

    private static void writeOwner(JsonGenerator json, String annotator, String provenance) {
        if (annotator != null) {
            json.writeStringProperty("annotator", annotator);
        }
        if (provenance != null) {
            json.writeStringProperty("provenance", provenance);
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
