package org.factspan.corpus.attribute;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import java.util.List;
import java.util.function.BiConsumer;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.AttributeKindSupport;

/** {@code BOOLEAN}: {@code true} or {@code false}; a checkbox, a search facet. */
public class FlagKind implements AttributeKindSupport {

    @Override
    public String id() {
        return "BOOLEAN";
    }

    @Override
    public String describe() {
        return "yes / no";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String check(AttributeDef def, String value) {
        return "true".equals(value) || "false".equals(value) ? null : def.name() + " must be true or false";
    }

    @Override
    public List<String> facets(AttributeDef def) {
        return List.of("true", "false");
    }

    @Override
    public Component field(AttributeDef def, String current, BiConsumer<String, String> onChange) {
        Checkbox box = new Checkbox(def.name(), "true".equals(current));
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.accept(def.name(), e.getValue() ? "true" : "false");
            }
        });
        return box;
    }
}
