package org.factspan.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.LabelInfo;

/** The side panel of the editor: the selected span's details, attributes and attributions; key help. */
class SpanPanel extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm")
            .withZone(ZoneId.systemDefault());

    private final DocumentView view;
    private final Div details = new Div();
    /** What is shown now, so that an edit of the same span updates values in place (keeping focus). */
    private SpanInfo shown;
    private final java.util.Map<String, com.vaadin.flow.component.HasValue<?, ?>> editors = new java.util.HashMap<>();
    private Div linksBox;
    /** What the "no span selected" panel shows now (it is rebuilt only when that changes). */
    private boolean showingNothing;
    private List<AttributionInfo> shownLinks = List.of();
    private boolean shownReadOnly;
    private final Details guidelines = new Details("Guidelines");
    private com.vaadin.flow.shared.Registration guidelinesOpened;

    SpanPanel(DocumentView view) {
        this.view = view;
        addClassName("fs-side");
        setId("span-panel");
        details.addClassName("fs-side-details");
        guidelines.addClassName("fs-guidelines");
        add(details, guidelines);
    }

    /** The project's guidelines, rendered when the user opens them (most sessions never do: less memory). */
    void setGuidelines(String text) {
        guidelines.removeAll();
        guidelines.setOpened(false);
        if (guidelinesOpened != null) {
            guidelinesOpened.remove();
        }
        guidelinesOpened = guidelines.addOpenedChangeListener(e -> {
            if (e.isOpened() && guidelines.getContent().findAny().isEmpty()) {
                Div body = new Div();
                body.addClassName("fs-guidelines-text");
                if (text == null || text.isBlank()) {
                    body.setText("No guidelines for this project yet.");
                } else {
                    body.add(new com.vaadin.flow.component.Html(org.factspan.base.Markdown.toHtml(text)));
                }
                guidelines.add(body);
            }
        });
    }

    void show(Optional<SpanInfo> selected) {
        if (selected.isPresent() && shown != null && shown.id() == selected.get().id()
                && shown.label().equals(selected.get().label())) {
            update(selected.get());
            return;
        }
        if (selected.isEmpty() && shown == null && showingNothing && view.links().equals(shownLinks)
                && view.readOnly() == shownReadOnly) {
            return; // "no span selected" with the same attributions: nothing to redraw (after every key press)
        }
        shown = selected.orElse(null);
        showingNothing = selected.isEmpty();
        shownLinks = view.links();
        shownReadOnly = view.readOnly();
        editors.clear();
        details.removeAll();
        if (selected.isEmpty()) {
            details.add(new H3("No span selected"), view.readOnly() ? readOnlyNote() : keyHelp(),
                    new H4("Attributions in this document"), allAttributions());
            return;
        }
        SpanInfo span = selected.get();
        LabelInfo label = view.project().label(span.label()).orElse(null);

        H3 title = new H3("Span");
        Select<String> labelSelect = new Select<>();
        labelSelect.setId("span-label");
        labelSelect.setLabel("Label");
        labelSelect.setItems(view.project().labels().stream().map(LabelInfo::name).toList());
        labelSelect.setItemLabelGenerator(n -> view.project().label(n).map(l -> l.key() + "  " + l.title()).orElse(n));
        labelSelect.setValue(span.label());
        labelSelect.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                view.relabel(span.id(), e.getValue());
            }
        });
        labelSelect.setWidthFull();

        Paragraph quote = new Paragraph(span.text());
        quote.addClassName("fs-quote");
        quote.setId("span-text");
        if (label != null) {
            quote.getStyle().set("--fs-color", label.color());
        }
        Span where = new Span("by " + span.annotator() + " · " + WHEN.format(span.createdAt()));
        where.addClassName("fs-muted");

        details.add(title, labelSelect, quote, where);
        if (label != null && !label.attributes().isEmpty()) {
            details.add(new H4("Attributes"));
            for (AttributeDef def : label.attributes()) {
                details.add(editor(span, def));
            }
        }
        linksBox = new Div(attributions(span));
        details.add(new H4("Attributions"), linksBox);

        Button delete = new Button("Delete span", e -> view.deleteSpan(span.id()));
        delete.setId("delete-span");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.getElement().setAttribute("title", "Delete (Del)");
        details.add(delete);

        // the span's audit trail, read when opened
        Details history = new Details("History");
        history.setId("span-history");
        history.addClassName("fs-span-history");
        history.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                history.removeAll();
                history.add(view.history(view.spanHistory(span.id())));
            }
        });
        details.add(history);
    }

    /** Same span, same label: set the editors' values (no client event fires) and redraw the links. */
    @SuppressWarnings("unchecked")
    private void update(SpanInfo span) {
        shown = span;
        editors.forEach((name, field) -> {
            String value = span.attributes().get(name);
            if (field instanceof Checkbox box) {
                box.setValue("true".equals(value));
            } else {
                ((com.vaadin.flow.component.HasValue<?, String>) field).setValue(value == null ? "" : value);
            }
        });
        if (linksBox != null) {
            linksBox.removeAll();
            linksBox.add(attributions(span));
        }
    }

    private Component editor(SpanInfo span, AttributeDef def) {
        Component field = createEditor(span, def);
        editors.put(def.name(), (com.vaadin.flow.component.HasValue<?, ?>) field);
        return field;
    }

    private Component createEditor(SpanInfo span, AttributeDef def) {
        Component field = AttributeField.of(def, span.attributes().get(def.name()),
                (name, value) -> view.setAttribute(span.id(), name, value));
        field.setId("attr-" + def.name());
        return field;
    }

    /** How to link from a span of this kind, in the editor's words (its link hint, frontend/annotator/hints.ts). */
    static String linkHint(org.factspan.corpus.LabelKind kind) {
        if (kind == org.factspan.corpus.LabelKind.CONTENT) {
            return "Press l, then click its source (and cue) and press Enter.";
        }
        if (kind == org.factspan.corpus.LabelKind.SOURCE) {
            return "Press l, then click the cue if any, then the claim.";
        }
        return "Press l, then click the source, then the claim.";
    }

    private Component attributions(SpanInfo span) {
        Div list = new Div();
        list.addClassName("fs-links");
        list.setId("span-links");
        List<AttributionInfo> using = view.links().stream().filter(a -> a.uses(span.id())).toList();
        if (using.isEmpty()) {
            Span none = new Span("None. " + linkHint(view.project().label(span.label())
                    .map(LabelInfo::kind).orElse(null)));
            none.addClassName("fs-muted");
            list.add(none);
        }
        for (AttributionInfo a : using) {
            Div row = new Div();
            row.addClassName("fs-link-row");
            row.add(new Span(part(a.source(), "no source") + " — " + part(a.cue(), "no cue") + " — "
                    + part(a.content(), "?")));
            Button unlink = new Button("Unlink", e -> view.unlink(a.id()));
            unlink.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            row.add(unlink);
            list.add(row);
        }
        return list;
    }

    /** Every attribution of the document; clicking one selects its claim. */
    private Component allAttributions() {
        Div list = new Div();
        list.addClassName("fs-links");
        list.setId("all-links");
        if (view.links().isEmpty()) {
            Span none = new Span("None yet.");
            none.addClassName("fs-muted");
            list.add(none);
        }
        for (AttributionInfo a : view.links()) {
            Div row = new Div(new Span(part(a.source(), "no source") + " — " + part(a.cue(), "no cue") + " — "
                    + part(a.content(), "?")));
            row.addClassName("fs-link-row");
            row.addClassName("fs-clickable");
            row.addClickListener(e -> view.select(a.content()));
            list.add(row);
        }
        return list;
    }

    private String part(Long spanId, String missing) {
        if (spanId == null) {
            return missing;
        }
        return view.span(spanId)
                .map(s -> "“" + (s.text().length() > 40 ? s.text().substring(0, 40) + "…" : s.text()) + "”")
                .orElse(missing);
    }

    /** In place of the key help on a read-only document: why, and what still works. */
    private Component readOnlyNote() {
        Div note = new Div();
        note.addClassName("fs-readonly-note");
        note.setId("readonly-note");
        Paragraph why = new Paragraph(view.readOnlyReason() + ".");
        why.addClassName("fs-readonly-reason");
        Span still = new Span("Click a span or press Tab to read it; nothing here can be changed.");
        still.addClassName("fs-muted");
        note.add(why, still);
        return note;
    }

    /** The key reference: fixed text, so one element (not thirty components per open editor). */
    private static final String KEY_HELP;

    static {
        String[][] keys = {
                {"select text, 1–9 or letter", "label it"},
                {"click / Tab / Shift+Tab", "select a span"},
                {"label key on a span", "relabel it"},
                {"Del / Backspace", "delete the selected span"},
                {"l, then click source and claim", "link an attribution"},
                {"Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", "undo / redo"},
                {"] / [", "next / previous suggestion"},
                {"Enter or click, x", "accept, reject it"},
                {"\\", "hide / show all suggestions"},
                {"Esc", "clear the selection"}};
        StringBuilder html = new StringBuilder("<div class=\"fs-keyhelp\">");
        for (String[] k : keys) {
            html.append("<div class=\"fs-keyhelp-row\"><span>").append(k[0]).append("</span><span>").append(k[1])
                    .append("</span></div>");
        }
        KEY_HELP = html.append("</div>").toString();
    }

    private static Component keyHelp() {
        return new com.vaadin.flow.component.Html(KEY_HELP);
    }
}
