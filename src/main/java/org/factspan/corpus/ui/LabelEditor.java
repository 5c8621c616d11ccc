package org.factspan.corpus.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.AttributeKind;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;

/**
 * The dialog that adds or edits one label: name (fixed once the label exists, spans store it), title, key, letter,
 * colour, type, and its attributes (enumeration with options, yes/no, free text).
 */
class LabelEditor {

    /** One attribute row of the editor. */
    final class AttributeRow extends HorizontalLayout {
        final TextField name = new TextField();
        final Select<AttributeKind> kind = new Select<>();
        final TextField options = new TextField();

        AttributeRow(AttributeDef def) {
            name.setPlaceholder("name, e.g. verdict");
            name.addClassName("attribute-name");
            kind.setItems(AttributeKind.all());
            kind.setItemLabelGenerator(k -> k.support().describe());
            kind.setValue(def == null ? AttributeKind.all().getFirst() : def.kind());
            kind.addClassName("attribute-kind");
            options.setPlaceholder("options, separated by commas");
            options.addClassName("attribute-options");
            options.setWidth("16rem");
            if (def != null) {
                name.setValue(def.name());
                options.setValue(String.join(", ", def.options()));
            }
            options.setVisible(kind.getValue().support().takesOptions());
            kind.addValueChangeListener(e -> options.setVisible(e.getValue() != null
                    && e.getValue().support().takesOptions()));
            Button remove = Ui.small("Remove", e -> {
                rows.remove(this);
                attributes.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(name, kind, options, remove);
            setAlignItems(FlexComponent.Alignment.BASELINE);
        }

        AttributeDef toDef() {
            List<String> values = kind.getValue().support().takesOptions() ? Arrays.stream(options.getValue().split(","))
                    .map(String::strip).filter(Predicate.not(String::isEmpty)).toList() : List.of();
            return new AttributeDef(name.getValue().strip(), kind.getValue(), values);
        }
    }

    final TextField name = new TextField("Name (stored on spans)");
    final TextField title = new TextField("Title");
    final Select<String> key = new Select<>();
    final TextField letter = new TextField("Letter (optional)");
    final Input colour = new Input(ValueChangeMode.EAGER);
    final Select<LabelKind> kind = new Select<>();
    final VerticalLayout attributes = new VerticalLayout();
    final List<AttributeRow> rows = new ArrayList<>();
    final Button addAttribute = new Button("Add attribute");
    Dialog dialog;
    private final LabelInfo existing;

    LabelEditor(LabelInfo existing, List<LabelInfo> schema) {
        this.existing = existing;
        name.setId("label-name");
        name.setHelperText("upper case letters, digits, _");
        title.setId("label-title");
        key.setId("label-key");
        key.setLabel("Key");
        key.setItems(IntStream.rangeClosed(1, 9).mapToObj(Integer::toString).toList());
        letter.setId("label-letter");
        letter.setMaxLength(1);
        letter.setWidth("8em");
        colour.setType("color");
        colour.setId("label-colour");
        colour.addClassName("fs-colour-input");
        kind.setId("label-kind");
        kind.setLabel("Role");
        kind.setHelperText("Attributions, claims and exports find the content, source and cue labels by their role,"
                + " whatever their names; at most one label is the content and one the source");
        kind.setItems(LabelKind.CONTENT, LabelKind.SOURCE, LabelKind.CUE, LabelKind.SPAN);
        kind.setItemLabelGenerator(k -> switch (k) {
            case CONTENT -> "Content: what is claimed";
            case SOURCE -> "Source: who claims it";
            case CUE -> "Cue: the words that tie a source to a claim";
            case SPAN -> "No role";
        });
        attributes.setPadding(false);
        attributes.setSpacing(false);
        attributes.setId("label-attributes");
        addAttribute.setId("add-attribute");
        addAttribute.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        addAttribute.addClickListener(e -> addRow(null));
        if (existing != null) {
            name.setValue(existing.name());
            name.setReadOnly(true);
            title.setValue(existing.title());
            key.setValue(existing.key());
            letter.setValue(existing.letter() == null ? "" : existing.letter());
            colour.setValue(existing.color());
            kind.setValue(existing.kind());
            existing.attributes().forEach(this::addRow);
        } else {
            List<String> taken = schema.stream().map(LabelInfo::key).toList();
            key.setValue(IntStream.rangeClosed(1, 9).mapToObj(Integer::toString).filter(k -> !taken.contains(k))
                    .findFirst().orElse("9"));
            colour.setValue("#CC79A7");
            kind.setValue(LabelKind.SPAN);
        }
    }

    private void addRow(AttributeDef def) {
        AttributeRow row = new AttributeRow(def);
        rows.add(row);
        attributes.add(row);
    }

    /** The label as entered; records and the service check it (a bad value throws with a message). */
    LabelInfo value() {
        String letterValue = letter.getValue().strip().isEmpty() ? null : letter.getValue().strip();
        return new LabelInfo(name.getValue().strip(), title.getValue().strip(), key.getValue(), letterValue,
                colour.getValue().toUpperCase(), kind.getValue(), rows.stream().map(AttributeRow::toDef).toList());
    }

    void open(java.util.function.Predicate<LabelInfo> save) {
        dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "New label" : "Label " + existing.name());
        NativeLabel colourLabel = new NativeLabel("Colour");
        colourLabel.addClassName("fs-field-label");
        var colourField = new VerticalLayout(colourLabel, colour);
        colourField.setPadding(false);
        colourField.setSpacing(false);
        FormLayout form = new FormLayout(name, title, key, letter, colourField, kind);
        dialog.add(form, new H4("Attributes"), attributes, addAttribute);
        dialog.setWidth("44rem");
        Button ok = new Button("Save label", e -> {
            LabelInfo label;
            try {
                label = value();
            } catch (IllegalArgumentException ex) {
                Notify.error(ex.getMessage());
                return;
            }
            if (save.test(label)) {
                dialog.close();
            }
        });
        ok.setId("dialog-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, ok);
        dialog.open();
    }
}
