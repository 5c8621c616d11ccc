package org.factspan.corpus;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The name of what values a label attribute takes ({@code ENUM}: one of a list, {@code BOOLEAN}, {@code TEXT}, and
 * whatever other kind is installed): stored in the database and sent over REST as this id. What a kind means (which
 * values it accepts, its editor field, its search facets) is its {@link AttributeKindSupport}, one class per kind
 * found by {@link AttributeKinds}; this record only names it, so that a schema can be read, stored and compared
 * without knowing every kind.
 */
public record AttributeKind(@JsonValue String id) {

    // first: the constants below are checked against it as they are made
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    /** One of a list of options. */
    public static final AttributeKind ENUM = new AttributeKind("ENUM");
    /** True or false. */
    public static final AttributeKind BOOLEAN = new AttributeKind("BOOLEAN");
    /** Free text. */
    public static final AttributeKind TEXT = new AttributeKind("TEXT");

    public AttributeKind {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("An attribute type is upper case letters, digits and _: "
                    + org.factspan.base.Quote.of(id));
        }
    }

    /** The kind of this id as JSON and forms give it; an id no installed kind has is refused, naming the kinds. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AttributeKind of(String id) {
        AttributeKind kind = new AttributeKind(id == null ? null : id.strip().toUpperCase(java.util.Locale.ROOT));
        kind.support();
        return kind;
    }

    /** What the kind means; an unknown kind is an {@link IllegalArgumentException} that lists the known ones. */
    public AttributeKindSupport support() {
        return AttributeKinds.find(this).orElseThrow(() -> new IllegalArgumentException("Unknown attribute type "
                + org.factspan.base.Quote.of(id) + "; types: " + String.join(", ", AttributeKinds.ids())));
    }

    /** Every installed kind, in the order the label editor offers them. */
    public static List<AttributeKind> all() {
        return AttributeKinds.all().stream().map(s -> new AttributeKind(s.id())).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
