package org.factspan.annotation.ui;

import com.vaadin.flow.component.Component;
import java.util.function.BiConsumer;
import org.factspan.corpus.AttributeDef;
import org.springframework.modulith.NamedInterface;

/**
 * The input for one attribute of a span, as its kind makes it ({@link org.factspan.corpus.AttributeKindSupport#field}):
 * a select for an enumeration, a checkbox for a boolean, a text area for free text, and so on for every installed
 * kind. The editor's side panel and the curation review panel use it alike.
 */
@NamedInterface("editor")
public final class AttributeField {

    private AttributeField() {
    }

    /**
     * A field showing {@code current} (null: none) that calls {@code onChange} with the attribute's name and the new
     * value (null to remove it) when the user changes it.
     */
    public static Component of(AttributeDef def, String current, BiConsumer<String, String> onChange) {
        return def.kind().support().field(def, current, onChange);
    }
}
