package org.factspan.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.factspan.corpus.AttributeDef;
import org.springframework.modulith.NamedInterface;

/**
 * The input for one attribute of a span, by its kind: a select for an enumeration (with "—" for none), a checkbox for
 * a boolean, a text area for free text. The editor's side panel and the curation review panel use it alike.
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
        return switch (def.kind()) {
            case ENUM -> {
                Select<String> select = new Select<>();
                select.setLabel(def.name());
                List<String> items = new ArrayList<>();
                items.add("");
                items.addAll(def.options());
                select.setItems(items);
                select.setItemLabelGenerator(v -> v.isEmpty() ? "—" : v);
                select.setValue(current == null ? "" : current);
                select.setWidthFull();
                select.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        onChange.accept(def.name(), e.getValue() == null || e.getValue().isEmpty() ? null
                                : e.getValue());
                    }
                });
                yield select;
            }
            case BOOLEAN -> {
                Checkbox box = new Checkbox(def.name(), "true".equals(current));
                box.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        onChange.accept(def.name(), e.getValue() ? "true" : "false");
                    }
                });
                yield box;
            }
            case TEXT -> {
                TextArea area = new TextArea(def.name());
                area.setValue(current == null ? "" : current);
                area.setMaxLength(AttributeDef.MAX_TEXT);
                area.setWidthFull();
                area.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        onChange.accept(def.name(), e.getValue().isBlank() ? null : e.getValue());
                    }
                });
                yield area;
            }
        };
    }
}
