package org.factspan.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.factspan.base.CodePoints;
import org.factspan.export.ExportAttribution;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;
import org.factspan.export.ExportSpan;

/**
 * One row per claim, for spreadsheets: UTF-8 with a byte order mark (so Excel reads UTF-8), RFC 4180 (CRLF, fields
 * quoted when they hold a comma, quote, CR or LF). A claim is a span of the label with the content role (CLAIM in the
 * seed schema) or the content of an attribution. Its sources and cues (from its attributions, in order) are joined with {@code " | "}; a missing
 * source or cue is an empty entry. Offsets are code points; attributes are {@code name=value} joined with
 * {@code "; "}. Cell text is written as is (no formula escaping): a claim that starts with {@code =} stays text
 * only when the spreadsheet is told the column is text.
 */
public final class CsvFormat implements ExportFormat {

    static final List<String> HEADER = List.of("document_id", "document", "claim_id", "claim_start", "claim_end",
            "claim_label", "claim", "sources", "source_offsets", "cues", "cue_offsets", "attributes", "annotator",
            "provenance");


    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv; charset=UTF-8";
    }

    @Override
    public String description() {
        return "One row per claim (UTF-8 with BOM, RFC 4180): document, claim text and code point offsets, its "
                + "sources and cues, attributes, annotator or provenance.";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out)
            throws IOException {
        ExportResult.Tally tally = new ExportResult.Tally();
        java.util.Set<String> claimLabels = schema.labels().stream()
                .filter(l -> l.kind() == org.factspan.corpus.LabelKind.CONTENT).map(ExportSchema.Label::name)
                .collect(Collectors.toSet());
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        row(writer, HEADER);
        while (docs.hasNext()) {
            ExportDocument doc = docs.next();
            CodePoints cp = CodePoints.of(doc.text());
            Map<Long, ExportSpan> byId = new HashMap<>();
            doc.spans().forEach(s -> byId.put(s.id(), s));
            Map<Long, List<ExportAttribution>> byContent = doc.attributions().stream()
                    .collect(Collectors.groupingBy(ExportAttribution::content));
            for (ExportSpan s : doc.spans()) {
                List<ExportAttribution> attributions = byContent.getOrDefault(s.id(), List.of());
                if (!claimLabels.contains(s.label()) && attributions.isEmpty()) {
                    continue;
                }
                List<String> sources = new ArrayList<>();
                List<String> sourceOffsets = new ArrayList<>();
                List<String> cues = new ArrayList<>();
                List<String> cueOffsets = new ArrayList<>();
                for (ExportAttribution a : attributions) {
                    ExportSpan source = a.source() == null ? null : byId.get(a.source());
                    ExportSpan cue = a.cue() == null ? null : byId.get(a.cue());
                    sources.add(source == null ? "" : cp.substring(source.start(), source.end()));
                    sourceOffsets.add(source == null ? "" : source.start() + "-" + source.end());
                    cues.add(cue == null ? "" : cp.substring(cue.start(), cue.end()));
                    cueOffsets.add(cue == null ? "" : cue.start() + "-" + cue.end());
                }
                String attributes = s.attributes().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "));
                row(writer, List.of(Long.toString(doc.id()), doc.name(), Long.toString(s.id()),
                        Integer.toString(s.start()), Integer.toString(s.end()), s.label(),
                        cp.substring(s.start(), s.end()), String.join(" | ", sources),
                        String.join(" | ", sourceOffsets), String.join(" | ", cues), String.join(" | ", cueOffsets),
                        attributes, s.annotator() == null ? "" : s.annotator(),
                        s.provenance() == null ? "" : s.provenance()));
                tally.spans++;
            }
            tally.attributions += doc.attributions().size();
            tally.documents++;
            writer.flush();
        }
        writer.flush();
        return tally.result();
    }

    private static void row(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quote(fields.get(i)));
        }
        writer.write("\r\n");
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
