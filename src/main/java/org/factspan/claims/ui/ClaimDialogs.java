package org.factspan.claims.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.factspan.annotation.SpanId;
import org.factspan.base.Version;
import org.factspan.base.ui.Notify;
import org.factspan.claims.ClaimService;
import org.factspan.claims.ClaimViews;
import org.factspan.claims.ClusterId;
import org.factspan.security.CurrentUser;

/**
 * The claim board's dialogs ({@link ClaimBoardView}'s dialogs section): a new cluster, its statement, a member's
 * reference time, the verdict, and suggestions of matching claims (keys 1 to 9). Each change runs through the board's
 * notification runner and refreshes the board.
 */
class ClaimDialogs {

    private final ClaimBoardView board;
    private final ClaimService claims;
    private final CurrentUser currentUser;

    ClaimDialogs(ClaimBoardView board, ClaimService claims, CurrentUser currentUser) {
        this.board = board;
        this.claims = claims;
        this.currentUser = currentUser;
    }

    void openNewCluster() {
        List<ClaimViews.ClaimChoice> choices = claims.claims(currentUser.require(), board.slug());
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
            ClaimViews.Cluster made = board.act(() -> claims.create(currentUser.require(), board.slug(), statement.getValue(),
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
        board.create = create;
        Paragraph hint = new Paragraph(choices.isEmpty() ? "There are no claim spans in this project yet."
                : "Gold claims where a document is curated, else the annotators' claims.");
        hint.addClassName("fs-muted");
        Button cancel = new Button("Cancel", e -> d.close());
        HorizontalLayout buttons = new HorizontalLayout(cancel, create);
        d.add(new VerticalLayout(filter, grid, statement, hint, buttons));
        board.dialog = d;
        d.open();
    }

    void openRename(ClaimViews.Cluster c) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Statement of the cluster");
        TextArea statement = new TextArea();
        statement.setValue(c.statement());
        statement.setWidth("40rem");
        statement.setMaxLength(1000);
        Button save = new Button("Save", e -> {
            if (board.act(() -> claims.rename(currentUser.require(), board.slug(), new ClusterId(c.id()), new Version(c.version()), statement.getValue()),
                    "Statement saved") != null) {
                d.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(statement);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        board.dialog = d;
        d.open();
    }

    void openTime(ClaimViews.Member m) {
        Dialog d = new Dialog();
        d.setHeaderTitle("When does " + m.outlet() + "'s claim hold?");
        TextField time = new TextField("Reference time");
        time.setId("claims-time-value");
        time.setWidth("28em");
        time.setMaxLength(100);
        time.setPlaceholder("2022-01-06 12:00, 2022-01-05 or as of midday Thursday");
        time.setValue(m.time().basis().equals("curator") && m.time().expression() != null ? m.time().expression()
                : "");
        Paragraph now = new Paragraph(ClaimBoardView.when(m.time()) + ". Words are read relative to the article's publication time;"
                + " a date or time without a zone is read in " + m.time().zone() + ".");
        now.addClassName("fs-muted");
        Button save = new Button("Save", e -> {
            if (board.act(() -> claims.setTime(currentUser.require(), board.slug(), m.spanId(), time.getValue()), "Time saved")
                    != null) {
                d.close();
            }
        });
        save.setId("claims-time-save");
        board.confirm = save;
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fromText = new Button("Read it from the text", e -> {
            if (board.act(() -> claims.setTime(currentUser.require(), board.slug(), m.spanId(), null), "Time read from the text")
                    != null) {
                d.close();
            }
        });
        d.add(new VerticalLayout(time, now));
        d.getFooter().add(new Button("Cancel", e -> d.close()), fromText, save);
        board.dialog = d;
        d.open();
    }

    /** The verdict dialog: established value and as-of time, status, rating, explanation, evidence. */
    void openVerdict(ClaimViews.Cluster c) {
        ClaimViews.Verdict v = c.verdict();
        Dialog d = new Dialog();
        d.setHeaderTitle("Verdict on “" + ClaimBoardView.abbreviate(c.statement(), 80) + "”");
        d.setWidth("min(46rem, 95vw)");
        TextField value = new TextField("Established value");
        value.setId("verdict-value");
        value.setPlaceholder("13, at least 13, 8 to 13");
        value.setMaxLength(100);
        TextField asOf = new TextField("As of");
        asOf.setId("verdict-asof");
        asOf.setPlaceholder("2022-01-06 12:00 or midday Thursday");
        asOf.setMaxLength(100);
        Select<String> status = new Select<>();
        status.setId("verdict-status");
        status.setLabel("Status");
        status.setItems("consistent", "updated", "contradicted", "unresolved");
        Select<String> rating = new Select<>();
        rating.setId("verdict-rating");
        rating.setLabel("Rating");
        rating.setItems("true", "mostly-true", "mixed", "false", "unverifiable");
        rating.setItemLabelGenerator(r -> r.replace('-', ' '));
        TextArea explanation = new TextArea("Explanation");
        explanation.setId("verdict-explanation");
        explanation.setWidthFull();
        explanation.setMaxLength(2000);
        com.vaadin.flow.component.checkbox.CheckboxGroup<ClaimViews.Member> evidence =
                new com.vaadin.flow.component.checkbox.CheckboxGroup<>("Evidence: member claims");
        evidence.setId("verdict-members");
        evidence.setItems(c.members());
        evidence.setItemLabelGenerator(m -> m.outlet() + ": “" + ClaimBoardView.abbreviate(m.text(), 70) + "”");
        TextArea urls = new TextArea("Evidence: outside URLs, one per line");
        urls.setId("verdict-urls");
        urls.setWidthFull();
        if (v != null) {
            value.setValue(v.value() == null ? "" : v.value());
            asOf.setValue(v.asOf().expression() == null ? "" : v.asOf().expression());
            status.setValue(v.status());
            rating.setValue(v.rating());
            explanation.setValue(v.explanation());
            evidence.setValue(new java.util.HashSet<>(c.members().stream().filter(m -> v.members().contains(m.id()))
                    .toList()));
            urls.setValue(String.join("\n", v.urls()));
        } else {
            status.setValue(c.hasConflict("contradiction") ? "contradicted" : c.hasConflict("update") ? "updated"
                    : c.needsReview() ? "unresolved" : "consistent");
        }
        Button save = new Button("Record verdict", e -> {
            ClaimViews.Cluster saved = board.act(() -> claims.setVerdict(currentUser.require(), board.slug(), new ClusterId(c.id()), new Version(c.version()),
                    new ClaimViews.VerdictInput(value.getValue(), asOf.getValue(), status.getValue(),
                            rating.getValue(), explanation.getValue(), c.members().stream()
                                    .filter(evidence.getValue()::contains).map(ClaimViews.Member::id).toList(),
                            urls.getValue().lines().map(String::strip).filter(l -> !l.isEmpty()).toList())),
                    "Verdict recorded");
            if (saved != null) {
                d.close();
            }
        });
        save.setId("verdict-save");
        board.confirm = save;
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout first = new HorizontalLayout(value, asOf);
        HorizontalLayout second = new HorizontalLayout(status, rating);
        VerticalLayout form = new VerticalLayout(first, second, explanation, evidence, urls);
        form.setPadding(false);
        d.add(form);
        Button cancel = new Button("Cancel", e -> d.close());
        if (v != null) {
            Button remove = new Button("Remove verdict", e -> {
                if (board.act(() -> claims.clearVerdict(currentUser.require(), board.slug(), new ClusterId(c.id()), new Version(c.version())),
                        "Verdict removed") != null) {
                    d.close();
                }
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            d.getFooter().add(remove);
        }
        d.getFooter().add(cancel, save);
        board.dialog = d;
        d.open();
    }

    /** Suggestions for a member's claim: each can be added with its button, or with keys 1 to 9. */
    void openSuggestions(ClaimViews.Cluster c, Long basedOn) {
        if (c.members().isEmpty()) {
            Notify.info("Add a first claim to the cluster before asking for similar ones");
            return;
        }
        Dialog d = new Dialog();
        d.setHeaderTitle("Add claims to “" + c.statement() + "”");
        d.setWidth("min(70rem, 95vw)");
        Select<ClaimViews.Member> base = new Select<>();
        base.setLabel("Claims like the one of");
        base.setItems(c.members());
        base.setItemLabelGenerator(m -> m.outlet() + ": " + ClaimBoardView.abbreviate(m.text(), 70));
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
            suggestions.addAll(claims.suggestions(currentUser.require(), board.slug(), m.spanId(), current[0].id(), 9));
            if (suggestions.isEmpty()) {
                list.add(new Paragraph("No claims of other articles look alike."));
            }
            for (int i = 0; i < suggestions.size(); i++) {
                ClaimViews.Suggestion s = suggestions.get(i);
                Button add = new Button("Add", e -> {
                    ClaimViews.Cluster updated = board.act(() -> claims.addMember(currentUser.require(), board.slug(),
                            new ClusterId(current[0].id()), null, new SpanId(s.spanId()), null), null);
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
                Div quote = new Div(new Span(ClaimBoardView.leading(s.before())), mark, new Span(ClaimBoardView.trailing(s.after())));
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
                board.refresh();
            }
        });
        board.dialog = d;
        d.open();
        Shortcuts.addShortcutListener(d, d::close, Key.ESCAPE, new KeyModifier[0]).listenOn(d);
    }
}
