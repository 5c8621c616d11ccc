package org.factspan.corpus.attribute;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.factspan.base.Quote;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.AttributeKindSupport;

/** {@code ENUM}: one of the attribute's options (a claim's verdict); a select with "—" for none, a search facet. */
public class ChoiceKind implements AttributeKindSupport {

    @Override
    public String id() {
        return "ENUM";
    }

    @Override
    public String describe() {
        return "one of a list";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public boolean takesOptions() {
        return true;
    }

    @Override
    public String check(AttributeDef def, String value) {
        return def.options().contains(value) ? null
                : Quote.of(value) + " is not one of " + String.join(", ", def.options()) + " for " + def.name();
    }

    @Override
    public List<String> facets(AttributeDef def) {
        return def.options();
    }

    @Override
    public String schema(AttributeDef def) {
        return ": " + String.join("|", def.options());
    }

    @Override
    public Component field(AttributeDef def, String current, BiConsumer<String, String> onChange) {
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
                onChange.accept(def.name(), e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue());
            }
        });
        return select;
    }
}
