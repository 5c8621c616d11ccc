package org.factspan.curation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Objects;
import org.factspan.curation.Accept;
import org.factspan.curation.DocumentCuration;
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
            add(new H3("Curation"), Chips.muted("Start curating to build this document's gold standard."));
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
        gold.ifPresent(g -> add(GoldSpanEditor.of(view, state, g)));
        if (position < 0) {
            add(Chips.muted("No annotator has a span here."));
        }
    }

    private void showNothingSelected(DocumentCuration state) {
        add(new H3("Nothing selected"));
        add(Chips.muted("Click a span in the gold standard or in an annotator's version to see every version of that"
                + " place. Select text in the gold standard and press a label key to add a span."));
        Button next = new Button("Go to the first open disagreement", e -> view.navigation.step(1));
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
                        new Span(Chips.quote(view.text().substring(p.start(), p.end()), 60)));
                row.getElement().setAttribute("title", p.description());
                row.addClassName("fs-link-row");
                row.addClassName("fs-clickable");
                row.addClickListener(e -> view.navigation.selectPlace(p));
                list.add(row);
            }
            add(list);
        }
        add(Chips.keyHelp());
    }

    private void showPosition(DocumentCuration state, ReviewPosition p) {
        Div header = new Div(Chips.kind(p.kind()), Chips.muted("characters " + p.start() + "–" + p.end()));
        header.addClassName("fs-cur-panel-header");
        Button previous = new Button("‹", e -> view.navigation.step(-1));
        previous.getElement().setAttribute("title", "Previous open disagreement (Alt+↑)");
        Button next = new Button("›", e -> view.navigation.step(1));
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
        Paragraph text = new Paragraph(Chips.quote(view.text().substring(p.start(), p.end()), 300));
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
            goldList.add(Chips.muted("Nothing yet."));
        }
        for (GoldSpan g : here) {
            Div row = new Div(Chips.label(view.project(), g.label()));
            if (g.start() != p.start() || g.end() != p.end()) {
                row.add(new Span(" " + Chips.quote(g.text(), 50)));
            }
            Span how = Chips.muted(Chips.provenance(g.provenance()));
            how.addClassName("fs-cur-provenance");
            row.add(how);
            row.addClassName("fs-cur-gold-row");
            row.addClassName("fs-clickable");
            row.getElement().setAttribute("data-gold", String.valueOf(g.id()));
            row.addClickListener(e -> view.navigation.selectGold(g.id()));
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
                block.add(Chips.muted(" has nothing here"));
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
        Div what = new Div(Chips.label(view.project(), s.label()), Chips.status(s.status()));
        if (s.start() != p.start() || s.end() != p.end()) {
            what.add(new Span(" “" + Chips.quote(s.text(), 60) + "”"));
        }
        row.add(what);
        if (!s.attributes().isEmpty()) {
            Div attrs = new Div();
            attrs.addClassName("fs-cur-attrs");
            s.attributes().forEach((k, v) -> attrs.add(new Span(k + ": " + Chips.quote(v, 40))));
            row.add(attrs);
        }
        boolean editable = view.editable();
        Div buttons = new Div();
        buttons.addClassName("fs-cur-buttons");
        Button accept = new Button(s.status() == ReviewStatus.ACCEPTED ? "Accepted" : "Accept", e -> {
            view.actions.accept(Accept.span(s.id()));
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
            Button label = new Button("Label only", e -> view.actions.accept(Accept.label(s.id())));
            label.setId("accept-label-" + s.id());
            label.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            label.setEnabled(editable);
            buttons.add(label);
        }
        boolean attributesDiffer = state.gold().stream().anyMatch(g -> g.start() == s.start() && g.end() == s.end()
                && g.label().equals(s.label()) && !g.attributes().equals(s.attributes()));
        if (attributesDiffer) {
            Button attrs = new Button("Attributes only", e -> view.actions.accept(Accept.attributes(s.id(), null)));
            attrs.setId("accept-attributes-" + s.id());
            attrs.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            attrs.setEnabled(editable);
            buttons.add(attrs);
        }
        boolean rejected = s.status() == ReviewStatus.REJECTED;
        Button reject = new Button(rejected ? "Undo reject" : "Reject", e -> view.actions.reject(s.id(), false, !rejected));
        reject.setId("reject-" + s.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY,
                rejected ? ButtonVariant.LUMO_CONTRAST : ButtonVariant.LUMO_ERROR);
        reject.getElement().setAttribute("title", "Remember this version as rejected (select it and press Del)");
        buttons.add(reject);
        disableWhenCurated(accept, reject);
        row.add(buttons);
        row.addClickListener(e -> {
            if (!Objects.equals(view.unit(), s.id())) {
                view.navigation.selectUnit(s.id());
            }
        });
        return row;
    }

    private Div attributionRow(DocumentCuration state, ReviewAttribution a) {
        Div row = new Div();
        row.addClassName("fs-cur-unit");
        row.getElement().setAttribute("data-attribution", String.valueOf(a.id()));
        if (Objects.equals(view.navigation.attribution(), a.id())) {
            row.addClassName("fs-cur-unit-selected"); // what Enter and Del act on
        }
        Span who = new Span(a.annotator() + ": ");
        who.addClassName("fs-cur-name");
        row.add(new Div(who, new Span(part(state, a.source(), "no source") + " → " + part(state, a.content(), "?")),
                Chips.status(a.status())));
        Div buttons = new Div();
        buttons.addClassName("fs-cur-buttons");
        Button accept = new Button(a.status() == ReviewStatus.ACCEPTED ? "Accepted" : "Accept attribution",
                e -> view.actions.accept(Accept.attribution(a.id())));
        accept.setId("accept-attribution-" + a.id());
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL,
                a.status() == ReviewStatus.ACCEPTED ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
        accept.setEnabled(view.editable());
        boolean rejected = a.status() == ReviewStatus.REJECTED;
        Button reject = new Button(rejected ? "Undo reject" : "Reject", e -> view.actions.reject(a.id(), true, !rejected));
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
        return state.spans().stream().filter(s -> s.id() == spanId).findFirst().map(s -> "“" + Chips.quote(s.text(), 40)
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
        Button reopen = new Button("Reopen", e -> view.actions.reopen());
        reopen.setId("panel-reopen");
        reopen.addThemeVariants(ButtonVariant.LUMO_SMALL);
        note.add(reopen);
        return note;
    }
}
