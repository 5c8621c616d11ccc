package org.factspan.export.format;

import java.util.Map;
import java.util.TreeMap;
import org.factspan.export.ExportAttribution;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSpan;

/** Counts a zip export gathers while it streams, written at the end as the dataset card {@code README.md}. */
final class DatasetCard {

    private int documents;
    private int attributions;
    private final Map<String, Integer> spansPerLabel = new TreeMap<>();
    private final Map<String, Integer> spansPerOwner = new TreeMap<>();

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
