package org.factspan.export.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factspan.base.Quote;
import org.factspan.export.ExportAttribution;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;
import org.factspan.export.ExportSpan;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * doccano's JSONL for sequence labeling with relations, one document per line:
 * {@code {"id","text","entities":[{"id","label","start_offset","end_offset"}],"relations":[{"id","from_id","to_id",
 * "type"}],"name",...meta}}. Entity ids are span ids; attributions become relations as {@link Triples} describes,
 * numbered from 1 per document. Not carried: span attributes (counted as dropped), annotator and provenance, meta keys
 * that clash with doccano's own fields (counted).
 */
public final class DoccanoFormat implements ExportFormat, ImportFormat {

    private static final Set<String> RESERVED = Set.of("id", "text", "entities", "relations", "name", "label");

    @Override
    public String id() {
        return "doccano";
    }

    @Override
    public java.util.Set<Keeps> keeps() {
        return java.util.EnumSet.of(Keeps.META, Keeps.IDS);
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
        return "doccano's JSONL for sequence labeling with relations: one document per line, `entities` with "
                + "`start_offset`/`end_offset` (code points) and `label`, `relations` with `from_id`/`to_id`/`type` "
                + "for attributions (`source`, `content`, `said`). Span attributes and owners are not carried.";
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
            ObjectNode node = Json.object();
            node.put("id", doc.id());
            node.put("text", doc.text());
            ArrayNode entities = node.putArray("entities");
            for (ExportSpan s : doc.spans()) {
                ObjectNode entity = entities.addObject();
                entity.put("id", s.id());
                entity.put("label", s.label());
                entity.put("start_offset", s.start());
                entity.put("end_offset", s.end());
                tally.drop("span attribute", s.attributes().size());
            }
            ArrayNode relations = node.putArray("relations");
            int relationId = 0;
            for (ExportAttribution a : doc.attributions()) {
                if (Triples.encode(a).isEmpty()) {
                    tally.drop("attribution without source and cue", 1);
                }
                for (Triples.Relation r : Triples.encode(a)) {
                    ObjectNode relation = relations.addObject();
                    relation.put("id", ++relationId);
                    relation.put("from_id", r.from());
                    relation.put("to_id", r.to());
                    relation.put("type", r.type());
                }
            }
            node.put("name", doc.name());
            for (Map.Entry<String, String> e : doc.meta().entrySet()) {
                if (RESERVED.contains(e.getKey())) {
                    tally.drop("meta key clashing with a doccano field", 1);
                } else {
                    node.put(e.getKey(), e.getValue());
                }
            }
            out.write(Json.MAPPER.writeValueAsBytes(node));
            out.write('\n');
            tally.documents++;
            tally.spans += doc.spans().size();
            tally.attributions += doc.attributions().size();
        }
        out.flush();
        return tally.result();
    }

    /**
     * Reads doccano JSONL: {@code entities} (or the older {@code label: [[start, end, "LABEL"]]}), {@code relations};
     * every other top-level field becomes meta. Offsets are taken as code points (Python's).
     */
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
        long id = node.has("id") ? Json.integer(node, "id", null, line) : line;
        String text = Json.string(node, "text", null, line);
        List<ExportSpan> spans = new ArrayList<>();
        if (node.has("entities")) {
            for (JsonNode e : Json.array(node, "entities", null, line)) {
                spans.add(Checks.build(null, line, () -> new ExportSpan(Json.integer(e, "id", null, line),
                        Json.offset(e, "start_offset", null, line), Json.offset(e, "end_offset", null, line),
                        Json.string(e, "label", null, line), null, null, null, Map.of())));
            }
        } else {
            for (JsonNode e : Json.array(node, "label", null, line)) {
                if (!e.isArray() || e.size() != 3 || !e.get(0).canConvertToInt() || !e.get(1).canConvertToInt()
                        || !e.get(2).isString()) {
                    throw new FormatException(line, "\"label\" entries must be [start, end, \"LABEL\"]");
                }
                long spanId = spans.size() + 1;
                spans.add(Checks.build(null, line, () -> new ExportSpan(spanId, e.get(0).intValue(),
                        e.get(1).intValue(), e.get(2).stringValue(), null, null, null, Map.of())));
            }
        }
        List<Triples.Relation> relations = new ArrayList<>();
        for (JsonNode r : Json.array(node, "relations", null, line)) {
            String type = Json.string(r, "type", null, line);
            if (!Triples.TYPES.contains(type)) {
                throw new FormatException(line, "unknown relation type " + Quote.of(type) + ", expected one of "
                        + Triples.TYPES);
            }
            relations.add(new Triples.Relation(Json.integer(r, "from_id", null, line),
                    Json.integer(r, "to_id", null, line), type));
        }
        List<ExportAttribution> attributions = Checks.build(null, line,
                () -> Triples.decode(relations, spanId -> new String[2]));
        Map<String, String> meta = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!RESERVED.contains(e.getKey())) {
                meta.put(e.getKey(), e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString());
            }
        }
        String name = node.has("name") ? Json.string(node, "name", null, line) : "doc-" + id;
        ExportDocument doc = new ExportDocument(id, name, text, meta, spans, attributions);
        Checks.document(doc, null, line);
        return JsonlFormat.withCoveredText(doc);
    }
}
