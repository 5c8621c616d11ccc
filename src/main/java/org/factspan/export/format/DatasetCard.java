package org.factspan.export.format;

import java.util.Map;
import java.util.TreeMap;
import org.factspan.export.AgreementSummary;
import org.factspan.export.DatasetInfo;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;
import org.factspan.export.ExportSpan;

/** Counts a zip export gathers while it streams, written at the end as the dataset card {@code README.md}. */
final class DatasetCard {

    private int documents;
    private int attributions;
    private final Map<String, Integer> spansPerLabel = new TreeMap<>();
    private final Map<String, Integer> spansPerOwner = new TreeMap<>();
    private final ExportSchema schema;
    private final DatasetInfo info;

    /** A card with counts only (as the golden files have it). */
    DatasetCard() {
        this(null, null);
    }

    /** A card that also describes the export ({@code info}) and the schema, when {@code info} is given. */
    DatasetCard(ExportSchema schema, DatasetInfo info) {
        this.schema = schema;
        this.info = info;
    }

    void count(ExportDocument doc) {
        documents++;
        attributions += doc.attributions().size();
        for (ExportSpan s : doc.spans()) {
            spansPerLabel.merge(s.label(), 1, Integer::sum);
            spansPerOwner.merge(owner(s.annotator(), s.provenance()), 1, Integer::sum);
        }
    }

    private static String owner(String annotator, String provenance) {
        if (annotator != null) {
            return annotator;
        }
        return provenance != null ? "gold (" + provenance + ")" : "(unknown)";
    }

    String markdown(String formatTitle, String formatNotes, ExportResult result) {
        StringBuilder md = new StringBuilder("# Factspan dataset (" + formatTitle + ")\n\n");
        md.append("Claims, sources and attribution cues in news text, annotated with Factspan.\n\n");
        if (info != null) {
            about(md);
            agreement(md, info.agreement().apply(spansPerLabel.values().stream().mapToInt(Integer::intValue).sum()));
        }
        md.append("| | count |\n|---|---|\n");
        md.append("| documents | ").append(documents).append(" |\n");
        md.append("| spans | ").append(spansPerLabel.values().stream().mapToInt(Integer::intValue).sum())
                .append(" |\n");
        md.append("| attributions | ").append(attributions).append(" |\n\n");
        table(md, "Spans per label", "label", spansPerLabel);
        table(md, "Spans per annotator", "annotator", spansPerOwner);
        if (!result.dropped().isEmpty()) {
            table(md, "Not represented in this format", "what", result.dropped());
        }
        md.append("## Format\n\n").append(formatNotes).append('\n');
        return md.toString();
    }

    private void about(StringBuilder md) {
        md.append("## About this export\n\n| | |\n|---|---|\n");
        row(md, "project", info.projectName() + " (`" + info.projectSlug() + "`)");
        row(md, "annotation set", info.set());
        row(md, "filters", info.filters().isEmpty() ? "none" : String.join("; ", info.filters()));
        row(md, "exported at", info.exportedAt() == null ? "" : info.exportedAt().toString());
        row(md, "Factspan version", info.factspanVersion());
        md.append('\n');
        if (schema != null && !schema.labels().isEmpty()) {
            md.append("## Schema\n\n| label | title | kind | attributes |\n|---|---|---|---|\n");
            for (ExportSchema.Label l : schema.labels()) {
                md.append("| ").append(cell(l.name())).append(" | ").append(cell(l.title())).append(" | ")
                        .append(l.kind() == null ? "" : l.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .append(" | ").append(cell(String.join("; ", info.attributes().getOrDefault(l.name(),
                                java.util.List.of()))))
                        .append(" |\n");
            }
            md.append('\n');
        }
    }

    private static void agreement(StringBuilder md, AgreementSummary summary) {
        if (summary == null) {
            return;
        }
        md.append("## Agreement between annotators\n\n");
        if (!summary.values().isEmpty()) {
            md.append("| measure | value | units |\n|---|---|---|\n");
            for (AgreementSummary.Value v : summary.values()) {
                md.append("| ").append(v.measure()).append(" | ")
                        .append(v.value() == null ? "undefined (" + cell(v.reason()) + ")"
                                : String.format(java.util.Locale.ROOT, "%.3f", v.value()))
                        .append(" | ").append(v.units()).append(" |\n");
            }
            md.append('\n');
        }
        if (summary.note() != null) {
            md.append(summary.note()).append("\n\n");
        }
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String cell(String value) {
        return value == null ? "" : value.replace("|", "\\|").replace("\n", " ");
    }

    private static void table(StringBuilder md, String title, String column, Map<String, Integer> counts) {
        md.append("## ").append(title).append("\n\n| ").append(column).append(" | count |\n|---|---|\n");
        if (counts.isEmpty()) {
            md.append("| (none) | 0 |\n");
        }
        counts.forEach((key, count) -> md.append("| ").append(key.replace("|", "\\|")).append(" | ").append(count)
                .append(" |\n"));
        md.append('\n');
    }
}
