package org.factspan.curation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Objects;
import org.factspan.annotation.ui.AttributeField;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.LabelInfo;
import org.factspan.curation.Accept;
import org.factspan.curation.DocumentCuration;
import org.factspan.curation.DocumentCuration.GoldAttribution;
import org.factspan.curation.DocumentCuration.GoldSpan;
import org.factspan.curation.DocumentCuration.ReviewAttribution;
import org.factspan.curation.DocumentCuration.ReviewPosition;
import org.factspan.curation.DocumentCuration.ReviewSpan;
import org.factspan.curation.DocumentCuration.ReviewTriple;
import org.factspan.curation.ReviewStatus;
import org.factspan.diff.PositionKind;

/**
 * The side panel of the curation view: the selected gold span (label, attributes, attributions, provenance) and the
 * selected place with every annotator's version there, each with accept and reject buttons.
 */
class ReviewPanel extends Div {

    private final CurationView view;

    ReviewPanel(CurationView view) {
        this.view = view;
        addClassName("fs-side");
        addClassName("fs-cur-side");
        setId("review-panel");
    }

    void show() {
        removeAll();
        DocumentCuration state = view.state();
        if (state == null || state.status() == org.factspan.curation.CurationStatus.NOT_STARTED) {
            add(new H3("Curation"), muted("Start curating to build this document's gold standard."));
            return;
        }
        if (state.status() == org.factspan.curation.CurationStatus.CURATED) {
            add(curatedNote());
        }
        var gold = view.selectedGold();
        int position = view.position();
        if (gold.isEmpty() && position < 0) {
            showNothingSelected(state);
            return;
        }
        if (position >= 0) {
            showPosition(state, state.positions().get(position));
        }
        gold.ifPresent(g -> add(goldEditor(state, g)));
        if (position < 0) {
            add(muted("No annotator has a span here."));
        }
    }

    private void showNothingSelected(DocumentCuration state) {
        add(new H3("Nothing selected"));
        add(muted("Click a span in the gold standard or in an annotator's version to see every version of that"
                + " place. Select text in the gold standard and press a label key to add a span."));
        Button next = new Button("Go to the first open disagreement", e -> view.step(1));
        next.setId("next-open");
        next.addThemeVariants(ButtonVariant.LUMO_SMALL);
        next.setEnabled(state.openPositions() > 0);
        add(next);
        List<DocumentCuration.Place> open = state.openPlaces();
        if (!open.isEmpty()) {
            add(new H4("Open in this document"));
            Div list = new Div();
            list.addClassName("fs-cur-open-list");
            list.setId("open-list");
            for (DocumentCuration.Place p : open) {
                Div row = new Div(DisagreementsView.kind(p.kind()),
                        new Span(quote(view.text().substring(p.start(), p.end()), 60)));
                row.getElement().setAttribute("title", p.description());
                row.addClassName("fs-link-row");
                row.addClassName("fs-clickable");
                row.addClickListener(e -> view.selectPlace(p));
                list.add(row);
            }
            add(list);
        }
        add(keyHelp());
    }

    private void showPosition(DocumentCuration state, ReviewPosition p) {
        Div header = new Div(kindBadge(p.kind()), muted("characters " + p.start() + "–" + p.end()));
        header.addClassName("fs-cur-panel-header");
        Button previous = new Button("‹", e -> view.step(-1));
        previous.getElement().setAttribute("title", "Previous open disagreement (Alt+↑)");
        Button next = new Button("›", e -> view.step(1));
        next.getElement().setAttribute("title", "Next open disagreement (Alt+↓)");
        next.setId("next-open");
        for (Button b : List.of(previous, next)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            header.add(b);
        }
        DocumentCuration.Place place = view.place();
        boolean open = place != null ? !place.settled() : p.kind() != PositionKind.AGREE && !p.settled();
        H3 title = new H3(open ? "To settle" : place != null || p.kind() != PositionKind.AGREE ? "Settled"
                : "Everyone agrees");
        title.setId("position-title");
        Paragraph text = new Paragraph(quote(view.text().substring(p.start(), p.end()), 300));
        text.addClassName("fs-quote");
        add(header, title, text);
        if (place != null) {
            Paragraph says = new Paragraph(place.description());
            says.setId("place-description");
            says.addClassName("fs-cur-description");
            add(says);
            if (place.kind() != org.factspan.curation.Disagreement.Kind.INCOMPLETE) {
                add(DisagreementsView.versions(place.versions()));
            }
        }

        add(new H4("Gold standard here"));
        List<GoldSpan> here = state.gold().stream().filter(g -> g.start() < p.end() && p.start() < g.end()).toList();
        Div goldList = new Div();
        goldList.setId("gold-here");
        if (here.isEmpty()) {
            goldList.add(muted("Nothing yet."));
        }
        for (GoldSpan g : here) {
            Div row = new Div(labelChip(g.label()));
            if (g.start() != p.start() || g.end() != p.end()) {
                row.add(new Span(" " + quote(g.text(), 50)));
            }
            Span how = muted(CurationView.provenanceText(g.provenance()));
            how.addClassName("fs-cur-provenance");
            row.add(how);
            row.addClassName("fs-cur-gold-row");
            row.addClassName("fs-clickable");
            row.getElement().setAttribute("data-gold", String.valueOf(g.id()));
            row.addClickListener(e -> view.selectGold(g.id()));
            goldList.add(row);
        }
        add(goldList);

        add(new H4("Annotators"));
        Div versions = new Div();
        versions.setId("versions");
        List<String> holders = p.annotators();
        for (String annotator : state.annotators()) {
            Div block = new Div();
            block.addClassName("fs-cur-version-row");
            Span name = new Span(annotator);
            name.addClassName("fs-cur-name");
            block.add(name);
            if (!holders.contains(annotator)) {
                block.add(muted(" has nothing here"));
                block.getElement().setAttribute("data-missing", "true");
            }
            for (ReviewSpan s : state.spans()) {
                if (s.position() == p.index() && s.annotator().equals(annotator)) {
                    block.add(unitRow(state, p, s));
                }
            }
            versions.add(block);
        }
        add(versions);

        List<ReviewTriple> triples = state.triples().stream()
                .filter(t -> t.contentStart() < p.end() && p.start() < t.contentEnd()).toList();
        if (!triples.isEmpty()) {
            add(new H4("Attributions of this claim"));
            Div list = new Div();
            list.setId("attributions-here");
            for (ReviewTriple t : triples) {
                for (ReviewAttribution a : state.attributions()) {
                    if (a.position() == t.index()) {
                        list.add(attributionRow(state, a));
                    }
                }
            }
            add(list);
        }
    }

    private Div unitRow(DocumentCuration state, ReviewPosition p, ReviewSpan s) {
        Div row = new Div();
        row.addClassName("fs-cur-unit");
        row.getElement().setAttribute("data-span", String.valueOf(s.id()));
        if (Objects.equals(view.unit(), s.id())) {
            row.addClassName("fs-cur-unit-selected");
        }
        Div what = new Div(labelChip(s.label()), statusChip(s.status()));
        if (s.start() != p.start() || s.end() != p.end()) {
            what.add(new Span(" “" + quote(s.text(), 60) + "”"));
        }
        row.add(what);
        if (!s.attributes().isEmpty()) {
            Div attrs = new Div();
            attrs.addClassName("fs-cur-attrs");
            s.attributes().forEach((k, v) -> attrs.add(new Span(k + ": " + quote(v, 40))));
            row.add(attrs);
        }
        boolean editable = view.editable();
        Div buttons = new Div();
        buttons.addClassName("fs-cur-buttons");
        Button accept = new Button(s.status() == ReviewStatus.ACCEPTED ? "Accepted" : "Accept", e -> {
            view.accept(Accept.span(s.id()));
        });
        accept.setId("accept-" + s.id());
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL,
                s.status() == ReviewStatus.ACCEPTED ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
        accept.getElement().setAttribute("title", "Take this span (extent, label, attributes) into the gold standard"
                + " (select it and press Enter)");
        accept.setEnabled(editable);
        buttons.add(accept);
        boolean goldSameExtentOtherLabel = state.gold().stream().anyMatch(g -> g.start() == s.start()
                && g.end() == s.end() && !g.label().equals(s.label()));
        if (p.kind() == PositionKind.LABEL_CONFLICT || goldSameExtentOtherLabel) {
            Button label = new Button("Label only", e -> view.accept(Accept.label(s.id())));
            label.setId("accept-label-" + s.id());
            label.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            label.setEnabled(editable);
            buttons.add(label);
        }
        boolean attributesDiffer = state.gold().stream().anyMatch(g -> g.start() == s.start() && g.end() == s.end()
                && g.label().equals(s.label()) && !g.attributes().equals(s.attributes()));
        if (attributesDiffer) {
            Button attrs = new Button("Attributes only", e -> view.accept(Accept.attributes(s.id(), null)));
            attrs.setId("accept-attributes-" + s.id());
            attrs.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            attrs.setEnabled(editable);
            buttons.add(attrs);
        }
        boolean rejected = s.status() == ReviewStatus.REJECTED;
        Button reject = new Button(rejected ? "Undo reject" : "Reject", e -> view.reject(s.id(), false, !rejected));
        reject.setId("reject-" + s.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY,
                rejected ? ButtonVariant.LUMO_CONTRAST : ButtonVariant.LUMO_ERROR);
        reject.getElement().setAttribute("title", "Remember this version as rejected (select it and press Del)");
        buttons.add(reject);
        disableWhenCurated(accept, reject);
        row.add(buttons);
        row.addClickListener(e -> {
            if (!Objects.equals(view.unit(), s.id())) {
                view.selectUnit(s.id());
            }
        });
        return row;
    }

    private Div attributionRow(DocumentCuration state, ReviewAttribution a) {
        Div row = new Div();
        row.addClassName("fs-cur-unit");
        row.getElement().setAttribute("data-attribution", String.valueOf(a.id()));
        Span who = new Span(a.annotator() + ": ");
        who.addClassName("fs-cur-name");
        row.add(new Div(who, new Span(part(state, a.source(), "no source") + " → " + part(state, a.content(), "?")),
                statusChip(a.status())));
        Div buttons = new Div();
        buttons.addClassName("fs-cur-buttons");
        Button accept = new Button(a.status() == ReviewStatus.ACCEPTED ? "Accepted" : "Accept attribution",
                e -> view.accept(Accept.attribution(a.id())));
        accept.setId("accept-attribution-" + a.id());
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL,
                a.status() == ReviewStatus.ACCEPTED ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
        accept.setEnabled(view.editable());
        boolean rejected = a.status() == ReviewStatus.REJECTED;
        Button reject = new Button(rejected ? "Undo reject" : "Reject", e -> view.reject(a.id(), true, !rejected));
        reject.setId("reject-attribution-" + a.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY,
                rejected ? ButtonVariant.LUMO_CONTRAST : ButtonVariant.LUMO_ERROR);
        reject.setEnabled(view.editable());
        buttons.add(accept, reject);
        disableWhenCurated(accept, reject);
        row.add(buttons);
        return row;
    }

    private static String part(DocumentCuration state, Long spanId, String missing) {
        if (spanId == null) {
            return missing;
        }
        return state.spans().stream().filter(s -> s.id() == spanId).findFirst().map(s -> "“" + quote(s.text(), 40)
                + "”").orElse(missing);
    }

    /** On a curated document the buttons stay visible but disabled, and say why. */
    private void disableWhenCurated(Button... buttons) {
        if (view.editable()) {
            return;
        }
        for (Button b : buttons) {
            b.setEnabled(false);
            b.getElement().setAttribute("title", reason());
        }
    }

    private String reason() {
        return view.state().status() == org.factspan.curation.CurationStatus.CURATED
                ? "This document is marked curated; reopen it to change its gold standard"
                : "Start curation to change the gold standard";
    }

    /** Says the document is curated (and with how many places open, if so), with a Reopen action. */
    private Component curatedNote() {
        DocumentCuration state = view.state();
        Div note = new Div();
        note.setId("curated-note");
        note.addClassName("fs-cur-curated-note");
        note.add(new Span("Curated: the gold standard is final" + (state.curatedOpen() == null ? ""
                : ", marked curated anyway with " + state.curatedOpen() + (state.curatedOpen() == 1 ? " place"
                        : " places") + " open") + ". Reopen it to change anything. "));
        Button reopen = new Button("Reopen", e -> view.reopen());
        reopen.setId("panel-reopen");
        reopen.addThemeVariants(ButtonVariant.LUMO_SMALL);
        note.add(reopen);
        return note;
    }

    // ------------------------------------------------------------------ the selected gold span

    private Component goldEditor(DocumentCuration state, GoldSpan g) {
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
                view.relabelGold(g.id(), e.getValue());
            }
        });
        Paragraph quote = new Paragraph(quote(g.text(), 300));
        quote.addClassName("fs-quote");
        view.project().label(g.label()).ifPresent(l -> quote.getStyle().set("--fs-color", l.color()));
        Span provenance = muted("Provenance: " + CurationView.provenanceText(g.provenance()));
        provenance.setId("gold-provenance");
        provenance.getElement().setAttribute("data-kind", g.provenance() == null ? "" : g.provenance().kind().id());
        box.add(label, quote, provenance);
        view.project().label(g.label()).ifPresent(l -> {
            for (AttributeDef def : l.attributes()) {
                box.add(attributeEditor(g, def, editable));
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
                Button unlink = new Button("Unlink", e -> view.unlinkGold(a.id()));
                unlink.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                unlink.setEnabled(editable);
                row.add(unlink);
                links.add(row);
            }
            box.add(new H4("Gold attributions"), links);
        }
        Button delete = new Button("Delete gold span", e -> view.deleteGold(g.id()));
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
        return state.goldSpan(spanId).map(s -> "“" + quote(s.text(), 40) + "”").orElse(missing);
    }

    private Component attributeEditor(GoldSpan g, AttributeDef def, boolean editable) {
        Component field = AttributeField.of(def, g.attributes().get(def.name()),
                (name, value) -> view.setGoldAttribute(g.id(), name, value));
        field.setId("gold-attr-" + def.name());
        ((com.vaadin.flow.component.HasEnabled) field).setEnabled(editable);
        return field;
    }

    // ------------------------------------------------------------------ bits

    private Span labelChip(String label) {
        Span chip = new Span(view.project().label(label).map(LabelInfo::title).orElse(label));
        chip.addClassName("fs-cur-label");
        chip.getElement().setAttribute("data-label", label);
        view.project().label(label).ifPresent(l -> chip.getStyle().set("--fs-color", l.color()));
        return chip;
    }

    private static Span statusChip(ReviewStatus status) {
        Span chip = new Span(status.id());
        chip.addClassName("fs-cur-chip");
        chip.addClassName("fs-st-" + status.id());
        chip.getElement().setAttribute("data-status", status.id());
        return chip;
    }

    static Span kindBadge(PositionKind kind) {
        Span badge = new Span(switch (kind) {
            case AGREE -> "all agree";
            case LABEL_CONFLICT -> "label conflict";
            case BOUNDARY_CONFLICT -> "boundary conflict";
            case INCOMPLETE -> "only some";
        });
        badge.addClassName("fs-cur-kind");
        badge.addClassName("fs-kind-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return badge;
    }

    private static Span muted(String text) {
        Span s = new Span(text);
        s.addClassName("fs-muted");
        return s;
    }

    static String quote(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    private static Component keyHelp() {
        Div help = new Div();
        help.addClassName("fs-keyhelp");
        String[][] keys = {
                {"click a span", "review its place"},
                {"Enter", "accept the selected version"},
                {"Del / Backspace", "reject it (again: undo)"},
                {"Alt+↓ / Alt+↑", "next / previous open place"},
                {"select text, 1–9 or letter", "add a gold span"},
                {"l, then source and claim", "link a gold attribution"},
                {"Ctrl+Z / Ctrl+Shift+Z", "undo / redo gold edits"}};
        for (String[] k : keys) {
            Div row = new Div(new Span(k[0]), new Span(k[1]));
            row.addClassName("fs-keyhelp-row");
            help.add(row);
        }
        return help;
    }
}
