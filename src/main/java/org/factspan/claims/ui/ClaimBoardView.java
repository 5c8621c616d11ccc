package org.factspan.claims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.claims.ClaimService;
import org.factspan.claims.ClaimViews;
import org.factspan.claims.Stance;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;

/**
 * The claim board: clusters of claims from different articles that state the same fact, as cards with the outlets'
 * exact phrasings in context, their sources and numbers, stances and conflict badges. Curators and admins build
 * clusters (from suggestions, one click or key per claim); other members see clusters of curated documents.
 */
@Route("projects/:slug/claims")
@PageTitle("Claims across articles · Factspan")
@PermitAll
public class ClaimBoardView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ROUTE = "projects/%s/claims";

    final Select<String> conflict = new Select<>();
    final Select<String> outlet = new Select<>();
    final Select<String> attribute = new Select<>();
    final TextField text = new TextField();
    final Button newCluster = new Button("New cluster…");
    final Div cards = new Div();
    final Span summary = new Span();
    /** The open "new cluster" or "add claims" dialog, and the new cluster dialog's create button, for tests. */
    Dialog dialog;
    Button create;

    private final ClaimService claims;
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final H2 title = new H2("Claims across articles");
    private String slug;
    private boolean curator;
    private List<ClaimViews.Cluster> shown = List.of();

    public ClaimBoardView(ClaimService claims, CorpusService corpus, CurrentUser currentUser) {
        this.claims = claims;
        this.corpus = corpus;
        this.currentUser = currentUser;
        addClassName("fs-page");
        addClassName("fs-claims");
        conflict.setId("claims-conflict");
        conflict.setLabel("Conflicts");
        conflict.setItems("", "numeric", "attribution", "any", "none");
        conflict.setItemLabelGenerator(c -> switch (c) {
            case "numeric" -> "Numbers conflict";
            case "attribution" -> "Sources conflict";
            case "any" -> "Any conflict";
            case "none" -> "No conflict";
            default -> "All clusters";
        });
        conflict.setValue("");
        outlet.setId("claims-outlet");
        outlet.setLabel("Outlet");
        outlet.setItemLabelGenerator(o -> o.isEmpty() ? "All outlets" : o);
        attribute.setId("claims-attribute");
        attribute.setLabel("Attribute");
        attribute.setItemLabelGenerator(a -> a.isEmpty() ? "Any" : a.replace("=", " = "));
        text.setId("claims-text");
        text.setLabel("Text");
        text.setPlaceholder("in statement or claims");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        newCluster.setId("claims-new");
        newCluster.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newCluster.addClickListener(e -> openNewCluster());
        conflict.addValueChangeListener(e -> refresh());
        outlet.addValueChangeListener(e -> refresh());
        attribute.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
        summary.setId("claims-summary");
        summary.addClassName("fs-muted");
        cards.setId("claim-cards");
        cards.addClassName("fs-claim-cards");
        var filters = new HorizontalLayout(conflict, outlet, attribute, text, newCluster);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("fs-claim-filters");
        add(title, new Paragraph("Claims from different articles that state the same fact, side by side: each"
                + " outlet's exact words, who it attributes them to, and its numbers. Red badges mark numbers that"
                + " cannot all be true; orange ones, the same claim attributed to different sources."),
                filters, summary, cards);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        slug = event.getRouteParameters().get("slug").orElse("");
        try {
            Actor actor = currentUser.require();
            ProjectInfo project = corpus.requireProject(actor, slug);
            curator = project.curatedBy(actor);
            title.setText("Claims across articles · " + project.name());
            newCluster.setVisible(curator);
            List<String> attributes = new ArrayList<>(List.of(""));
            project.label("CLAIM").map(LabelInfo::attributes).orElse(List.of()).stream()
                    .filter(a -> a.options() != null && !a.options().isEmpty())
                    .forEach(a -> a.options().forEach(o -> attributes.add(a.name() + "=" + o)));
            attribute.setItems(attributes);
            attribute.setValue("");
            TreeSet<String> outlets = new TreeSet<>();
            corpus.listDocuments(actor, slug).forEach(d -> outlets.add(d.meta().getOrDefault("outlet", d.title())));
            List<String> outletItems = new ArrayList<>(List.of(""));
            outletItems.addAll(outlets);
            outlet.setItems(outletItems);
            outlet.setValue("");
            refresh();
        } catch (NotFoundException | ForbiddenException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
        }
    }

    /** The clusters as shown now. */
    List<ClaimViews.Cluster> shown() {
        return shown;
    }

    void refresh() {
        if (slug == null) {
            return;
        }
        shown = claims.clusters(currentUser.require(), slug, new ClaimViews.Filter(blankToNull(conflict.getValue()),
                blankToNull(outlet.getValue()), blankToNull(attribute.getValue()), blankToNull(text.getValue())));
        cards.removeAll();
        long conflicting = shown.stream().filter(c -> !c.conflicts().isEmpty()).count();
        summary.setText(shown.size() + (shown.size() == 1 ? " cluster" : " clusters") + ", " + conflicting
                + " with conflicts");
        if (shown.isEmpty()) {
            Paragraph empty = new Paragraph(curator
                    ? "No clusters here yet. Start one with “New cluster…”: pick a claim, then add the claims that"
                            + " other articles make about the same fact from the suggestions."
                    : "No clusters to show: clusters appear here once the documents they draw on are curated.");
            empty.addClassName("fs-muted");
            cards.add(empty);
        }
        shown.forEach(c -> cards.add(card(c)));
    }

    private Component card(ClaimViews.Cluster c) {
        Div card = new Div();
        card.addClassName("fs-claim-card");
        card.getElement().setAttribute("data-cluster", String.valueOf(c.id()));
        H3 statement = new H3(c.statement());
        statement.addClassName("fs-claim-statement");
        HorizontalLayout badges = new HorizontalLayout(badge(c.outlets() + (c.outlets() == 1 ? " outlet" : " outlets"),
                "fs-badge-neutral"));
        badges.setSpacing(false);
        badges.addClassName("fs-claim-badges");
        if (c.hasConflict("numeric")) {
            badges.add(badge("numbers conflict", "fs-badge-numeric"));
        }
        if (c.hasConflict("attribution")) {
            badges.add(badge("sources conflict", "fs-badge-attribution"));
        }
        HorizontalLayout head = new HorizontalLayout(statement, badges);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.addClassName("fs-claim-head");
        if (curator) {
            Button rename = new Button("Edit", e -> openRename(c));
            Button add = new Button("Add claims…", e -> openSuggestions(c, null));
            add.getElement().setAttribute("data-add", String.valueOf(c.id()));
            Button delete = new Button("Delete", e -> act(() -> {
                claims.delete(currentUser.require(), slug, c.id(), c.version());
                return Boolean.TRUE;
            }, "Cluster deleted"));
            rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            HorizontalLayout actions = new HorizontalLayout(add, rename, delete);
            actions.addClassName("fs-claim-actions");
            head.add(actions);
        }
        card.add(head);
        for (ClaimViews.Conflict x : c.conflicts()) {
            Div line = new Div(new Span(x.kind().equals("numeric") ? "Numbers: " : "Sources: "), new Span(x.detail()));
            line.addClassNames("fs-claim-conflict", "fs-claim-conflict-" + x.kind());
            card.add(line);
        }
        for (ClaimViews.Member m : c.members()) {
            card.add(member(c, m));
        }
        if (c.members().isEmpty()) {
            card.add(new Paragraph("No claims yet."));
        }
        Span meta = new Span("changed by " + c.updatedBy());
        meta.addClassName("fs-muted");
        card.add(meta);
        return card;
    }

    private Component member(ClaimViews.Cluster c, ClaimViews.Member m) {
        Div row = new Div();
        row.addClassName("fs-claim-member");
        row.getElement().setAttribute("data-span", String.valueOf(m.spanId()));
        Span outletName = new Span(m.outlet());
        outletName.addClassName("fs-claim-outlet");
        Span stance = badge(m.stance() + (m.stanceSuggested() ? " (suggested)" : ""), "fs-stance-" + m.stance());
        Div left = new Div(outletName, stance);
        left.addClassName("fs-claim-member-left");
        if (!m.gold()) {
            Span owner = new Span(m.owner() + "'s span");
            owner.addClassName("fs-muted");
            left.add(owner);
        }
        Span mark = new Span(m.text());
        mark.addClassName("fs-claim-mark");
        Div quote = new Div(new Span(leading(m.before())), mark, new Span(trailing(m.after())));
        quote.addClassName("fs-claim-quote");
        Div details = new Div();
        details.addClassName("fs-claim-details");
        if (!m.sources().isEmpty()) {
            details.add(new Span("Source: " + String.join(", ", m.sources())
                    + (m.cues().isEmpty() ? "" : " (“" + String.join("”, “", m.cues()) + "”)")));
        } else {
            details.add(new Span("No source named"));
        }
        for (ClaimViews.Number n : m.numbers()) {
            Span chip = new Span(n.phrase() + " = " + n.interval() + (n.event() == null ? "" : " " + n.event()));
            chip.addClassName("fs-number-chip");
            details.add(chip);
        }
        Div middle = new Div(quote, details);
        middle.addClassName("fs-claim-member-middle");
        String href = (curator ? "projects/%s/documents/%d/curate?at=%d-%d" : "projects/%s/documents/%d?from=%d&to=%d")
                .formatted(slug, m.documentId(), m.start(), m.end());
        Anchor open = new Anchor(href, "Open");
        open.getElement().setAttribute("title", m.document());
        Div right = new Div(open);
        right.addClassName("fs-claim-member-right");
        if (curator) {
            Select<String> choose = new Select<>();
            choose.setItems(Stance.AGREES.id(), Stance.REFINES.id(), Stance.CONFLICTS.id());
            choose.setValue(m.stance());
            choose.addClassName("fs-stance-select");
            choose.setAriaLabel("Stance of " + m.outlet());
            choose.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    act(() -> claims.setStance(currentUser.require(), slug, c.id(), c.version(), m.id(), e.getValue()),
                            null);
                }
            });
            Button remove = new Button("Remove", e -> act(() -> claims.removeMember(currentUser.require(), slug, c.id(),
                    c.version(), m.id()), null));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            right.add(choose, remove);
        }
        row.add(left, middle, right);
        return row;
    }

    // ------------------------------------------------------------------ dialogs

    private void openNewCluster() {
        List<ClaimViews.ClaimChoice> choices = claims.claims(currentUser.require(), slug);
        Dialog d = new Dialog();
        d.setHeaderTitle("New cluster: pick a claim to start from");
        d.setWidth("min(70rem, 95vw)");
        TextField filter = new TextField();
        filter.setPlaceholder("Filter by text or outlet");
        filter.setWidthFull();
        filter.setValueChangeMode(ValueChangeMode.EAGER);
        Grid<ClaimViews.ClaimChoice> grid = new Grid<>();
        grid.setId("claims-choices");
        grid.addColumn(ClaimViews.ClaimChoice::outlet).setHeader("Outlet").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClaimViews.ClaimChoice::text).setHeader("Claim").setFlexGrow(1);
        grid.addColumn(x -> x.gold() ? "gold" : x.owner()).setHeader("Span of").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(choices);
        grid.setHeight("22rem");
        filter.addValueChangeListener(e -> {
            String q = e.getValue().toLowerCase(Locale.ROOT);
            grid.setItems(choices.stream().filter(x -> x.text().toLowerCase(Locale.ROOT).contains(q)
                    || x.outlet().toLowerCase(Locale.ROOT).contains(q)).toList());
        });
        TextArea statement = new TextArea("Statement: the fact, in a sentence");
        statement.setId("claims-statement");
        statement.setWidthFull();
        statement.setMaxLength(1000);
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(x -> {
            if (statement.getValue().isBlank()) {
                statement.setValue(x.text());
            }
        }));
        Button create = new Button("Create and find matching claims", e -> {
            var chosen = grid.getSelectedItems().stream().findFirst();
            ClaimViews.Cluster made = act(() -> claims.create(currentUser.require(), slug, statement.getValue(),
                    chosen.map(x -> List.of(x.spanId())).orElse(List.of())), null);
            if (made != null) {
                d.close();
                if (!made.members().isEmpty()) {
                    openSuggestions(made, made.members().get(0).spanId());
                }
            }
        });
        create.setId("claims-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        this.create = create;
        Paragraph hint = new Paragraph(choices.isEmpty() ? "There are no claim spans in this project yet."
                : "Gold claims where a document is curated, else the annotators' claims.");
        hint.addClassName("fs-muted");
        Button cancel = new Button("Cancel", e -> d.close());
        HorizontalLayout buttons = new HorizontalLayout(cancel, create);
        d.add(new VerticalLayout(filter, grid, statement, hint, buttons));
        dialog = d;
        d.open();
    }

    private void openRename(ClaimViews.Cluster c) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Statement of the cluster");
        TextArea statement = new TextArea();
        statement.setValue(c.statement());
        statement.setWidth("40rem");
        statement.setMaxLength(1000);
        Button save = new Button("Save", e -> {
            if (act(() -> claims.rename(currentUser.require(), slug, c.id(), c.version(), statement.getValue()),
                    "Statement saved") != null) {
                d.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(statement);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        dialog = d;
        d.open();
    }

    /** Suggestions for a member's claim: each can be added with its button, or with keys 1 to 9. */
    void openSuggestions(ClaimViews.Cluster c, Long basedOn) {
        if (c.members().isEmpty()) {
            Notification.show("Add a first claim to the cluster before asking for similar ones");
            return;
        }
        Dialog d = new Dialog();
        d.setHeaderTitle("Add claims to “" + c.statement() + "”");
        d.setWidth("min(70rem, 95vw)");
        Select<ClaimViews.Member> base = new Select<>();
        base.setLabel("Claims like the one of");
        base.setItems(c.members());
        base.setItemLabelGenerator(m -> m.outlet() + ": " + abbreviate(m.text(), 70));
        base.setWidthFull();
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setId("claims-suggestions");
        ClaimViews.Cluster[] current = {c};
        List<ClaimViews.Suggestion> suggestions = new ArrayList<>();
        Runnable[] load = new Runnable[1];
        load[0] = () -> {
            list.removeAll();
            suggestions.clear();
            ClaimViews.Member m = base.getValue();
            if (m == null) {
                return;
            }
            suggestions.addAll(claims.suggestions(currentUser.require(), slug, m.spanId(), current[0].id(), 9));
            if (suggestions.isEmpty()) {
                list.add(new Paragraph("No claims of other articles look alike."));
            }
            for (int i = 0; i < suggestions.size(); i++) {
                ClaimViews.Suggestion s = suggestions.get(i);
                Button add = new Button("Add", e -> {
                    ClaimViews.Cluster updated = act(() -> claims.addMember(currentUser.require(), slug,
                            current[0].id(), null, s.spanId(), null), null);
                    if (updated != null) {
                        current[0] = updated;
                        load[0].run();
                    }
                });
                add.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                add.getElement().setAttribute("data-suggestion", String.valueOf(s.spanId()));
                Span key = new Span(String.valueOf(i + 1));
                key.addClassName("fs-key");
                Span mark = new Span(s.text());
                mark.addClassName("fs-claim-mark");
                Div quote = new Div(new Span(leading(s.before())), mark, new Span(trailing(s.after())));
                quote.addClassName("fs-claim-quote");
                Span why = new Span(String.format(Locale.ROOT, "score %.2f · ", s.score())
                        + String.join(" · ", s.reasons()));
                why.addClassName("fs-muted");
                Div text = new Div(new Span(s.outlet()), quote, why);
                text.addClassName("fs-claim-suggestion-text");
                HorizontalLayout row = new HorizontalLayout(key, add, text);
                row.setAlignItems(FlexComponent.Alignment.START);
                row.addClassName("fs-claim-suggestion");
                list.add(row);
            }
        };
        base.addValueChangeListener(e -> load[0].run());
        base.setValue(c.members().stream().filter(m -> basedOn == null || m.spanId() == basedOn).findFirst()
                .orElse(c.members().get(0)));
        for (int i = 1; i <= 9; i++) {
            int n = i;
            Shortcuts.addShortcutListener(d, () -> {
                if (n <= suggestions.size()) {
                    list.getChildren().skip(n - 1).findFirst().flatMap(r -> r.getChildren().skip(1).findFirst())
                            .filter(Button.class::isInstance).map(Button.class::cast).ifPresent(Button::click);
                }
            }, Key.of(String.valueOf(n))).listenOn(d);
        }
        Paragraph hint = new Paragraph("Press 1–9 (or the Add button) to add a claim; stances are suggested and can be"
                + " changed on the card.");
        hint.addClassName("fs-muted");
        d.add(new VerticalLayout(base, hint, list));
        Button done = new Button("Done", e -> d.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(done);
        d.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refresh();
            }
        });
        dialog = d;
        d.open();
        Shortcuts.addShortcutListener(d, d::close, Key.ESCAPE, new KeyModifier[0]).listenOn(d);
    }

    // ------------------------------------------------------------------ helpers

    private <T> T act(Supplier<T> change, String done) {
        try {
            T result = change.get();
            if (done != null) {
                Notification.show(done, 2500, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
            refresh();
            return result;
        } catch (InvalidRequestException | ConflictException | ForbiddenException | NotFoundException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
            return null;
        }
    }

    private static Span badge(String text, String className) {
        Span b = new Span(text);
        b.addClassNames("fs-badge", className);
        return b;
    }

    /** Context before a claim: "…" marks text left out, unless the context starts its paragraph. */
    private static String leading(String before) {
        return before.isEmpty() || Character.isUpperCase(before.codePointAt(0)) ? before : "…" + before;
    }

    /** Context after a claim: "…" marks text left out, unless the context ends a sentence. */
    private static String trailing(String after) {
        return after.isEmpty() || after.strip().matches(".*[.!?\"”']$") ? after : after + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
