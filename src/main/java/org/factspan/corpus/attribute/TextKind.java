package org.factspan.corpus.attribute;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.BiConsumer;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.AttributeKindSupport;
import org.factspan.ingest.Fields;

/** {@code TEXT}: free text up to {@link AttributeDef#MAX_TEXT} characters; a text area, searched as words. */
public class TextKind implements AttributeKindSupport {

    @Override
    public String id() {
        return "TEXT";
    }

    @Override
    public String describe() {
        return "free text";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String check(AttributeDef def, String value) {
        String problem = Fields.ATTRIBUTE_VALUE.problem(value);
        return problem == null ? null : "the value of " + def.name() + " " + problem;
    }

    @Override
    public boolean searchedAsText() {
        return true;
    }

    @Override
    public Component field(AttributeDef def, String current, BiConsumer<String, String> onChange) {
        TextArea area = new TextArea(def.name());
        area.setValue(current == null ? "" : current);
        area.setMaxLength(AttributeDef.MAX_TEXT);
        area.setWidthFull();
        area.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.accept(def.name(), e.getValue().isBlank() ? null : e.getValue());
            }
        });
        return area;
    }
}
