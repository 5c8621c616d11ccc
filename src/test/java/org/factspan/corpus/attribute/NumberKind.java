package org.factspan.corpus.attribute;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.NumberField;
import java.math.BigDecimal;
import java.util.function.BiConsumer;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.AttributeKindSupport;

/**
 * A kind added with one class, in the test sources (as {@code SpanTableFormat} is a format): {@code NUMBER}, a
 * decimal number. The application's scan finds it in every test context; nothing else names it.
 */
public class NumberKind implements AttributeKindSupport {

    @Override
    public String id() {
        return "NUMBER";
    }

    @Override
    public String describe() {
        return "a number";
    }

    @Override
    public String check(AttributeDef def, String value) {
        try {
            new BigDecimal(value);
            return value.length() <= 40 ? null : def.name() + " is too long a number";
        } catch (NumberFormatException | NullPointerException e) {
            return def.name() + " must be a number, such as 3.5";
        }
    }

    @Override
    public Component field(AttributeDef def, String current, BiConsumer<String, String> onChange) {
        NumberField field = new NumberField(def.name());
        field.setValue(current == null ? null : Double.valueOf(current));
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.accept(def.name(), e.getValue() == null ? null : BigDecimal.valueOf(e.getValue())
                        .stripTrailingZeros().toPlainString());
            }
        });
        return field;
    }
}
