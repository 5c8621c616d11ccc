package org.factspan.corpus;

import java.util.List;
import org.factspan.base.Quote;
import org.factspan.ingest.Fields;

/** An attribute a label's spans may carry, e.g. claim {@code verdict}: supported / refuted / ... */
public record AttributeDef(String name, AttributeKind kind, List<String> options) {

    /** The longest free-text value ({@link Fields#ATTRIBUTE_VALUE}, the column's length). */
    public static final int MAX_TEXT = Fields.ATTRIBUTE_VALUE.max();

    public AttributeDef {
        if (name == null || !name.matches("[a-z][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("Attribute name must be lower case letters, digits, - and _: "
                    + Quote.of(name));
        }
        options = options == null ? List.of() : List.copyOf(options);
        if (kind == AttributeKind.ENUM && options.isEmpty()) {
            throw new IllegalArgumentException("Enumeration attribute " + name + " needs options");
        }
    }

    /** The value as stored, or an explanation of why it is not acceptable. */
    public String check(String value) {
        return switch (kind) {
            case ENUM -> options.contains(value) ? null
                    : Quote.of(value) + " is not one of " + String.join(", ", options) + " for " + name;
            case BOOLEAN -> "true".equals(value) || "false".equals(value) ? null : name + " must be true or false";
            case TEXT -> {
                String problem = Fields.ATTRIBUTE_VALUE.problem(value);
                yield problem == null ? null : "the value of " + name + " " + problem;
            }
        };
    }
}
