package org.factspan.corpus;

/** A label of the schema as callers see it: {@code name} is stable and stored on spans. */
public record LabelInfo(String name, String title, String key, String color, LabelKind kind) {

    public LabelInfo {
        if (name == null || !name.matches("[A-Z][A-Z0-9_]{0,63}")) {
            throw new IllegalArgumentException("Label name must be upper case letters, digits and _: " + name);
        }
        if (key == null || key.length() != 1) {
            throw new IllegalArgumentException("Label key must be one character: " + key);
        }
        if (color == null || !color.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("Label colour must be #RRGGBB: " + color);
        }
    }
}
