package org.factspan.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Disagreements in words: what the curation view, the disagreement list and REST say a place is (decision 023). */
final class Words {

    private Words() {
    }

    /** "bob", "bob and alice", "a, b and c". */
    static String names(List<String> names) {
        if (names.isEmpty()) {
            return "nobody";
        }
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    /** Attribute values as "verdict: refuted, note: …" (empty when none). */
    static String attributes(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** One sentence for a place of the given kind. */
    static String describe(Disagreement.Kind kind, List<String> labels, List<String> annotators, List<String> missing,
            List<DocumentCuration.Version> versions) {
        String label = labels.size() == 1 ? labels.getFirst() : "span";
        return switch (kind) {
            case LABEL_CONFLICT -> {
                Map<String, List<String>> byLabel = new LinkedHashMap<>();
                versions.forEach(v -> byLabel.computeIfAbsent(v.label(), k -> new ArrayList<>()).add(v.annotator()));
                List<String> parts = new ArrayList<>();
                byLabel.forEach((l, who) -> parts.add(names(distinct(who)) + " " + (distinct(who).size() == 1
                        ? "labels" : "label") + " it " + l));
                yield "Same words, different labels: " + String.join("; ", parts) + ".";
            }
            case BOUNDARY_CONFLICT -> names(annotators) + " mark different extents of this " + label + ".";
            case ATTRIBUTE_CONFLICT -> names(annotators) + " agree on this " + label
                    + " but give it different attribute values.";
            case INCOMPLETE -> missing.isEmpty() ? names(annotators) + " alone labeled this " + label
                    + "; no second annotator has checked it."
                    : names(annotators) + " " + (annotators.size() == 1 ? "has" : "have") + " a " + label
                    + " here that " + names(missing) + " " + (missing.size() == 1 ? "does" : "do") + " not.";
            case ATTRIBUTION_CONFLICT -> names(annotators) + " attribute this claim to different sources.";
            case ATTRIBUTION_INCOMPLETE -> missing.isEmpty() ? names(annotators)
                    + " alone linked this claim; no second annotator has checked it."
                    : names(annotators) + " " + (annotators.size() == 1 ? "has" : "have")
                    + " a triple here that " + names(missing) + " " + (missing.size() == 1 ? "does" : "do") + " not.";
        };
    }

    private static List<String> distinct(List<String> names) {
        return names.stream().distinct().toList();
    }
}
