package org.factspan.export.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factspan.base.Quote;
import org.factspan.base.CodePoints;
import org.factspan.export.ExportAttribution;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;
import org.factspan.export.ExportSpan;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Label Studio JSON tasks: one JSON array, one task per line. {@code data} holds {@code text}, {@code name} and the
 * meta; each annotator's spans (or each gold provenance's, with {@code ground_truth: true}) form one annotation,
 * named by {@code factspan_annotator} / {@code factspan_provenance}. Spans are {@code labels} regions with id
 * {@code s<span id>}; span attributes are per-region {@code choices}; attributions are {@code relation} items as
 * {@link Triples} describes. Offsets are code points, which Label Studio stores since its emoji fix.
 */
public final class LabelStudioFormat implements ExportFormat, ImportFormat {

    static final String ANNOTATOR = "factspan_annotator";
    static final String PROVENANCE = "factspan_provenance";
    private static final Pattern REGION_ID = Pattern.compile("s(\\d{1,18})");
    private static final ObjectReader TASK_READER = Json.MAPPER.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> DATA_RESERVED = Set.of("text", "name");

    @Override
    public String id() {
        return "labelstudio";
    }

    @Override
    public java.util.List<String> places(byte[] content, java.util.List<org.factspan.export.ExportDocument> docs) {
        return ImportFormat.numbered("task", docs.size());
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String description() {
        return "Label Studio tasks as one JSON array (a task per line): `data.text`, one annotation per annotator "
                + "(`factspan_annotator`) or for the gold standard (`ground_truth`), `labels` regions with code point "
                + "offsets, attributes as `choices`, attributions as `relation` items.";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out)
            throws IOException {
        ExportResult.Tally tally = new ExportResult.Tally();
        out.write("[".getBytes(StandardCharsets.UTF_8));
        while (docs.hasNext()) {
            ExportDocument doc = docs.next();
            out.write((tally.documents == 0 ? "\n" : ",\n").getBytes(StandardCharsets.UTF_8));
            out.write(Json.MAPPER.writeValueAsBytes(task(doc, tally)));
            tally.documents++;
            tally.spans += doc.spans().size();
            tally.attributions += doc.attributions().size();
        }
        out.write("\n]\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        return tally.result();
    }

    private static ObjectNode task(ExportDocument doc, ExportResult.Tally tally) {
        CodePoints cp = CodePoints.of(doc.text());
        ObjectNode task = Json.object();
        task.put("id", doc.id());
        ObjectNode data = task.putObject("data");
        data.put("text", doc.text());
        data.put("name", doc.name());
        doc.meta().forEach((key, value) -> {
            if (DATA_RESERVED.contains(key)) {
                tally.drop("meta key clashing with a Label Studio field", 1);
            } else {
                data.put(key, value);
            }
        });
        Map<Owner, ArrayNode> results = new LinkedHashMap<>();
        ArrayNode annotations = task.putArray("annotations");
        for (ExportSpan s : doc.spans()) {
            ArrayNode result = results.computeIfAbsent(new Owner(s.annotator(), s.provenance()),
                    owner -> annotation(annotations, owner));
            ObjectNode region = result.addObject();
            region.put("id", "s" + s.id());
            region.put("type", "labels");
            region.put("from_name", "label");
            region.put("to_name", "text");
            ObjectNode value = region.putObject("value");
            value.put("start", s.start());
            value.put("end", s.end());
            value.put("text", cp.substring(s.start(), s.end()));
            value.putArray("labels").add(s.label());
            s.attributes().forEach((name, choice) -> {
                ObjectNode item = result.addObject();
                item.put("id", "s" + s.id());
                item.put("type", "choices");
                item.put("from_name", name);
                item.put("to_name", "text");
                ObjectNode v = item.putObject("value");
                v.put("start", s.start());
                v.put("end", s.end());
                v.putArray("choices").add(choice);
            });
        }
        for (ExportAttribution a : doc.attributions()) {
            ArrayNode result = results.computeIfAbsent(new Owner(a.annotator(), a.provenance()),
                    owner -> annotation(annotations, owner));
            if (Triples.encode(a).isEmpty()) {
                tally.drop("attribution without source and cue", 1);
            }
            for (Triples.Relation r : Triples.encode(a)) {
                ObjectNode relation = result.addObject();
                relation.put("type", "relation");
                relation.put("from_id", "s" + r.from());
                relation.put("to_id", "s" + r.to());
                relation.put("direction", "right");
                relation.putArray("labels").add(r.type());
            }
        }
        return task;
    }

    private static ArrayNode annotation(ArrayNode annotations, Owner owner) {
        ObjectNode annotation = annotations.addObject();
        if (owner.annotator() != null) {
            annotation.put(ANNOTATOR, owner.annotator());
        }
        if (owner.provenance() != null) {
            annotation.put(PROVENANCE, owner.provenance());
        }
        annotation.put("ground_truth", owner.provenance() != null);
        return annotation.putArray("result");
    }

    /**
     * The labeling config (XML) that matches the tasks: the schema's labels with their colours, the text, one
     * per-region {@code Choices} per attribute name with its known values, and the three relation types.
     */
    public String labelingConfig(ExportSchema schema, Map<String, ? extends Collection<String>> attributeValues) {
        StringBuilder xml = new StringBuilder("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
        for (ExportSchema.Label label : schema.labels()) {
            xml.append("    <Label value=\"").append(xml(label.name())).append('"');
            if (label.color() != null) {
                xml.append(" background=\"").append(xml(label.color())).append('"');
            }
            if (label.title() != null) {
                xml.append(" hint=\"").append(xml(label.title())).append('"');
            }
            xml.append("/>\n");
        }
        xml.append("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n");
        attributeValues.forEach((name, values) -> {
            xml.append("  <Choices name=\"").append(xml(name))
                    .append("\" toName=\"text\" perRegion=\"true\" choice=\"single\">\n");
            for (String value : values) {
                xml.append("    <Choice value=\"").append(xml(value)).append("\"/>\n");
            }
            xml.append("  </Choices>\n");
        });
        xml.append("  <Relations>\n");
        for (String type : Triples.TYPES) {
            xml.append("    <Relation value=\"").append(type).append("\"/>\n");
        }
        return xml.append("  </Relations>\n</View>\n").toString();
    }

    /** The labeling config for a schema without attributes. */
    public String labelingConfig(ExportSchema schema) {
        return labelingConfig(schema, Map.of());
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Reads a JSON array of tasks. Region ids of the form {@code s<n>} become span ids when unique, others are
     * numbered; the first label of a region and the first choice of an attribute count; other result types are
     * ignored. Errors name the line the task starts on.
     */
    @Override
    public List<ExportDocument> read(InputStream in) throws IOException {
        List<ExportDocument> docs = new ArrayList<>();
        int line = 1;
        try (JsonParser parser = Json.MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new FormatException(1, "expected a JSON array of tasks");
            }
            while (true) {
                JsonToken token = parser.nextToken();
                line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.END_ARRAY) {
                    break;
                }
                if (token != JsonToken.START_OBJECT) {
                    throw new FormatException(line, "expected a task object");
                }
                JsonNode task = TASK_READER.readValue(parser);
                docs.add(parse(task, line, docs.size() + 1));
            }
        } catch (JacksonException e) {
            int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            throw new FormatException(at, "broken JSON: " + e.getOriginalMessage());
        }
        return docs;
    }

    private static ExportDocument parse(JsonNode task, int line, long index) {
        long id = task.has("id") ? Json.integer(task, "id", null, line) : index;
        JsonNode data = Json.required(task, "data", null, line);
        String text = Json.string(data, "text", null, line);
        String name = data.has("name") ? Json.string(data, "name", null, line) : "task-" + id;
        Map<String, String> meta = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : data.properties()) {
            if (!DATA_RESERVED.contains(e.getKey())) {
                meta.put(e.getKey(), e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString());
            }
        }
        List<ExportSpan> spans = new ArrayList<>();
        List<ExportAttribution> attributions = new ArrayList<>();
        Set<Long> used = new HashSet<>();
        for (JsonNode annotation : Json.array(task, "annotations", null, line)) {
            Owner owner = new Owner(Json.optionalString(annotation, ANNOTATOR, null, line),
                    Json.optionalString(annotation, PROVENANCE, null, line));
            Map<String, Long> regions = new HashMap<>();
            Map<String, Map<String, String>> attributes = new HashMap<>();
            List<ExportSpan> annotationSpans = new ArrayList<>();
            List<String> regionIds = new ArrayList<>();
            List<JsonNode> relationItems = new ArrayList<>();
            for (JsonNode item : Json.array(annotation, "result", null, line)) {
                String type = Json.string(item, "type", null, line);
                if (type.equals("labels")) {
                    String regionId = Json.string(item, "id", null, line);
                    long spanId = spanId(regionId, used);
                    regions.put(regionId, spanId);
                    JsonNode value = Json.required(item, "value", null, line);
                    Iterator<JsonNode> labels = Json.array(value, "labels", null, line).iterator();
                    if (!labels.hasNext() || !labels.next().isString()) {
                        throw new FormatException(line, "region " + Quote.of(regionId) + " has no label");
                    }
                    String label = value.get("labels").get(0).stringValue();
                    annotationSpans.add(Checks.build(null, line, () -> new ExportSpan(spanId,
                            Json.offset(value, "start", null, line), Json.offset(value, "end", null, line), label,
                            Json.optionalString(value, "text", null, line), owner.annotator(), owner.provenance(),
                            Map.of())));
                    regionIds.add(regionId);
                } else if (type.equals("choices")) {
                    String regionId = Json.string(item, "id", null, line);
                    JsonNode choices = Json.required(Json.required(item, "value", null, line), "choices", null, line);
                    if (!choices.isArray() || choices.isEmpty() || !choices.get(0).isString()) {
                        throw new FormatException(line, "choices of region " + Quote.of(regionId) + " must be strings");
                    }
                    attributes.computeIfAbsent(regionId, k -> new LinkedHashMap<>())
                            .put(Json.string(item, "from_name", null, line), choices.get(0).stringValue());
                } else if (type.equals("relation")) {
                    relationItems.add(item);
                }
            }
            List<Triples.Relation> relations = new ArrayList<>();
            for (JsonNode item : relationItems) {
                relations.add(relation(item, regions, line));
            }
            for (int i = 0; i < annotationSpans.size(); i++) {
                ExportSpan s = annotationSpans.get(i);
                Map<String, String> attrs = attributes.remove(regionIds.get(i));
                spans.add(attrs == null ? s : new ExportSpan(s.id(), s.start(), s.end(), s.label(), s.text(),
                        s.annotator(), s.provenance(), attrs));
            }
            if (!attributes.isEmpty()) {
                throw new FormatException(line, "choices refer to unknown region " + Quote.of(attributes.keySet()));
            }
            for (ExportAttribution a : Triples.decode(relations, spanId -> new String[] {owner.annotator(),
                    owner.provenance()})) {
                attributions.add(new ExportAttribution(attributions.size() + 1, a.source(), a.cue(), a.content(),
                        a.annotator(), a.provenance()));
            }
        }
        ExportDocument doc = new ExportDocument(id, name, text, meta, spans, attributions);
        Checks.document(doc, null, line);
        return JsonlFormat.withCoveredText(doc);
    }

    private static Triples.Relation relation(JsonNode item, Map<String, Long> regions, int line) {
        String from = Json.string(item, "from_id", null, line);
        String to = Json.string(item, "to_id", null, line);
        if (!regions.containsKey(from) || !regions.containsKey(to)) {
            throw new FormatException(line, "relation refers to unknown region "
                    + Quote.of(regions.containsKey(from) ? to : from));
        }
        Iterator<JsonNode> labels = Json.array(item, "labels", null, line).iterator();
        String type = labels.hasNext() ? labels.next().asString() : "";
        if (!Triples.TYPES.contains(type)) {
            throw new FormatException(line, "unknown relation label " + Quote.of(type) + ", expected one of "
                    + Triples.TYPES);
        }
        return new Triples.Relation(regions.get(from), regions.get(to), type);
    }

    private static long spanId(String regionId, Set<Long> used) {
        Matcher m = REGION_ID.matcher(regionId);
        if (m.matches() && used.add(Long.parseLong(m.group(1)))) {
            return Long.parseLong(m.group(1));
        }
        long next = used.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        used.add(next);
        return next;
    }
}
