package org.factspan.export;

import java.util.List;
import java.util.Optional;
import org.factspan.corpus.LabelKind;

/**
 * The labels of a project as formats need them: stable name, title, kind, colour ({@code #RRGGBB}) and attribute
 * names.
 */
public record ExportSchema(List<Label> labels) {

    public ExportSchema {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** One label of the schema, with the names of its attributes (in schema order). */
    public record Label(String name, String title, LabelKind kind, String color, List<String> attributes) {

        public Label {
            attributes = attributes == null ? List.of() : List.copyOf(attributes);
        }

        /** A label without attributes. */
        public Label(String name, String title, LabelKind kind, String color) {
            this(name, title, kind, color, List.of());
        }
    }

    /** Every attribute name of every label, first appearance first. */
    public List<String> attributeNames() {
        return labels.stream().flatMap(l -> l.attributes().stream()).distinct().toList();
    }

    public Optional<Label> label(String name) {
        return labels.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
