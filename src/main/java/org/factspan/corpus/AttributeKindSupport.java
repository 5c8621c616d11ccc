package org.factspan.corpus;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * One kind of label attribute, all of it in one class: its id, its words in the label editor, which values it
 * accepts, its input in the editors, its search facets and how an export describes it. The kinds are found by
 * {@link AttributeKinds} in {@code org.factspan.corpus.attribute} (plain classes with a public no-argument
 * constructor); adding a kind is adding its class there, and its tests.
 */
public interface AttributeKindSupport {

    /** The id stored and sent over REST ({@link AttributeKind#id()}): upper case, stable. */
    String id();

    /** Its words in the label editor ("one of a list"). */
    String describe();

    /** Where the label editor offers it: lower first. */
    default int order() {
        return 100;
    }

    /** Whether a value must be one of the attribute's options (which it then needs). */
    default boolean takesOptions() {
        return false;
    }

    /** Null when {@code value} is acceptable for {@code def}, else why not, in words that name the attribute. */
    String check(AttributeDef def, String value);

    /** The values search offers as filters for this attribute (none: it is not a facet). */
    default List<String> facets(AttributeDef def) {
        return List.of();
    }

    /** Whether values are words to search in (indexed with the span's notes) rather than facets. */
    default boolean searchedAsText() {
        return false;
    }

    /** How the schema in an export describes the attribute after its name (" (boolean)", ": a|b"). */
    default String schema(AttributeDef def) {
        return " (" + id().toLowerCase(Locale.ROOT) + ")";
    }

    /**
     * The input for one span's value, showing {@code current} (null: none), calling {@code onChange} with the
     * attribute's name and the new value (null to remove it) when the user changes it. The annotation and curation
     * editors use it alike.
     */
    Component field(AttributeDef def, String current, BiConsumer<String, String> onChange);
}
