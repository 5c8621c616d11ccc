package org.factspan.corpus;

import java.util.List;
import org.factspan.base.Quote;
import org.factspan.ingest.Fields;
import java.util.regex.Pattern;

/** An attribute a label's spans may carry, e.g. claim {@code verdict}: supported / refuted / ... */
public record AttributeDef(String name, AttributeKind kind, List<String> options) {

    /** The longest free-text value ({@link Fields#ATTRIBUTE_VALUE}, the column's length). */
    public static final int MAX_TEXT = Fields.ATTRIBUTE_VALUE.max();

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    public AttributeDef {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Attribute name must be lower case letters, digits, - and _: "
                    + Quote.of(name));
        }
        options = options == null ? List.of() : List.copyOf(options);
        if (kind != null && AttributeKinds.find(kind).map(AttributeKindSupport::takesOptions).orElse(false)
                && options.isEmpty()) {
            throw new IllegalArgumentException("Attribute " + name + " (" + kind.support().describe()
                    + ") needs options");
        }
    }

    /** Null when the value is acceptable, or an explanation of why it is not (its kind's rule). */
    public String check(String value) {
        return kind.support().check(this, value);
    }
}
