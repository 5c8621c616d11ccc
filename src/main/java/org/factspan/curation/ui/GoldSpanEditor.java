package org.factspan.curation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Objects;
import org.factspan.annotation.ui.AttributeField;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.LabelInfo;
import org.factspan.curation.DocumentCuration;
import org.factspan.curation.DocumentCuration.GoldAttribution;
import org.factspan.curation.DocumentCuration.GoldSpan;

/**
 * The review panel's editor of the selected gold span: label, attributes, the gold attributions using it,
 * provenance and delete; every change goes through the curation view's gold editor binding (with undo).
 */
final class GoldSpanEditor {

    private GoldSpanEditor() {
    }

    /** The editor of the selected gold span. */
    static Component of(CurationView view, DocumentCuration state, GoldSpan g) {
        Div box = new Div();
        box.addClassName("fs-cur-gold-editor");
        box.setId("gold-editor");
        box.add(new H4("Selected gold span"));
        boolean editable = view.editable();
        Select<String> label = new Select<>();
        label.setId("gold-label");
        label.setLabel("Label");
        label.setItems(view.project().labels().stream().map(LabelInfo::name).toList());
        label.setItemLabelGenerator(n -> view.project().label(n).map(l -> l.key() + "  " + l.title()).orElse(n));
        label.setValue(g.label());
        label.setWidthFull();
        label.setEnabled(editable);
        label.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && !e.getValue().equals(g.label())) {
                view.goldBinding.relabel(g.id(), e.getValue());
            }
        });
        Paragraph quote = new Paragraph(Chips.quote(g.text(), 300));
        quote.addClassName("fs-quote");
        view.project().label(g.label()).ifPresent(l -> quote.getStyle().set("--fs-color", l.color()));
        Span provenance = Chips.muted("Provenance: " + Chips.provenance(g.provenance()));
        provenance.setId("gold-provenance");
        provenance.getElement().setAttribute("data-kind", g.provenance() == null ? "" : g.provenance().kind().id());
        box.add(label, quote, provenance);
        view.project().label(g.label()).ifPresent(l -> {
            for (AttributeDef def : l.attributes()) {
                box.add(attributeEditor(view, g, def, editable));
            }
        });
        List<GoldAttribution> using = state.goldAttributions().stream().filter(a -> Objects.equals(a.source(), g.id())
                || Objects.equals(a.cue(), g.id()) || a.content() == g.id()).toList();
        if (!using.isEmpty()) {
            Div links = new Div();
            links.setId("gold-links");
            for (GoldAttribution a : using) {
                Div row = new Div(new Span(goldPart(state, a.source(), "no source") + " → " + goldPart(state,
                        a.content(), "?")));
                row.addClassName("fs-link-row");
                Button unlink = new Button("Unlink", e -> view.goldBinding.unlink(a.id()));
                unlink.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                unlink.setEnabled(editable);
                row.add(unlink);
                links.add(row);
            }
            box.add(new H4("Gold attributions"), links);
        }
        Button delete = new Button("Delete gold span", e -> view.goldBinding.deleteAsking(g.id()));
        delete.setId("delete-gold");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        delete.setEnabled(editable);
        box.add(delete);
        return box;
    }

    private static String goldPart(DocumentCuration state, Long spanId, String missing) {
        if (spanId == null) {
            return missing;
        }
        return state.goldSpan(spanId).map(s -> "“" + Chips.quote(s.text(), 40) + "”").orElse(missing);
    }

    private static Component attributeEditor(CurationView view, GoldSpan g, AttributeDef def, boolean editable) {
        Component field = AttributeField.of(def, g.attributes().get(def.name()),
                (name, value) -> view.goldBinding.setAttribute(g.id(), name, value));
        field.setId("gold-attr-" + def.name());
        ((com.vaadin.flow.component.HasEnabled) field).setEnabled(editable);
        return field;
    }
}
