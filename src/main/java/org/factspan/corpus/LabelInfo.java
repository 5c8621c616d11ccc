package org.factspan.corpus;

import org.factspan.base.Quote;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A label of the schema as callers see it: {@code name} is stable and stored on spans; {@code key}
 * is a digit and {@code letter} an optional lower-case letter, both applying the label.
 */
public record LabelInfo(String name, String title, String key, String letter, String color, LabelKind kind,
        List<AttributeDef> attributes) {

    public LabelInfo(String name, String title, String key, String color, LabelKind kind) {
        this(name, title, key, null, color, kind, List.of());
    }

    public Optional<AttributeDef> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    // compiled once, not for every label built
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern LETTER = Pattern.compile("[a-z]");

    public LabelInfo {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Label name must be 1 to 64 upper case letters, digits and _, starting with a letter: "
                    + Quote.of(name));
        }
        if (key == null || key.length() != 1) {
            throw new IllegalArgumentException("Label key must be one character: " + Quote.of(key));
        }
        if (color == null || !COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("Label colour must be #RRGGBB: " + Quote.of(color));
        }
        if (letter != null && !LETTER.matcher(letter).matches()) {
            throw new IllegalArgumentException("Label letter must be one lower-case letter: " + Quote.of(letter));
        }
        if ("l".equals(letter)) {
            throw new IllegalArgumentException("The letter l is reserved for linking attributions");
        }
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }
}
