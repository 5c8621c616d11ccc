package org.factspan.export;

import java.util.List;
import java.util.Optional;
import org.factspan.corpus.LabelKind;

/** The labels of a project as formats need them: stable name, title, kind and colour ({@code #RRGGBB}). */
public record ExportSchema(List<Label> labels) {

    public ExportSchema {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** One label of the schema. */
    public record Label(String name, String title, LabelKind kind, String color) {
    }

    public Optional<Label> label(String name) {
        return labels.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
