package org.factspan.claims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.factspan.base.Version;
import org.factspan.base.ui.Notify;
import org.factspan.claims.ClaimService;
import org.factspan.claims.ClusterId;
import org.factspan.claims.TimelineChart;
import org.factspan.claims.ClaimViews;
import org.factspan.claims.Stance;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ui.ProjectRoute;
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
    final Select<String> verdict = new Select<>();
    final TextField text = new TextField();
    final Button newCluster = new Button("New cluster…");
    final Div cards = new Div();
    final Span summary = new Span();
    /** The open "new cluster" or "add claims" dialog, and the new cluster dialog's create button, for tests. */
    Dialog dialog;
    Button create;
    /** The primary button of the open time or verdict dialog, for tests. */
    Button confirm;

    private final ClaimService claims;
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final ClaimDialogs dialogs;
    private final H2 title = new H2("Claims across articles");
    private String slug;
    private boolean curator;
    private List<ClaimViews.Cluster> shown = List.of();

    public ClaimBoardView(ClaimService claims, CorpusService corpus, CurrentUser currentUser) {
        this.claims = claims;
        this.corpus = corpus;
        this.currentUser = currentUser;
        this.dialogs = new ClaimDialogs(this, claims, currentUser);
        addClassName("fs-page");
        addClassName("fs-claims");
        conflict.setId("claims-conflict");
        conflict.setLabel("Numbers and sources");
        conflict.setItems("", "any", "contradiction", "update", "revision-down", "unknown-time", "attribution", "none");
        conflict.setItemLabelGenerator(c -> switch (c) {
            case "any" -> "Anything to review";
            case "contradiction" -> "Contradictions";
            case "update" -> "Updates";
            case "revision-down" -> "Revisions down";
            case "unknown-time" -> "Unknown times";
            case "attribution" -> "Sources conflict";
            case "none" -> "Nothing to review";
            default -> "All clusters";
        });
        conflict.setValue("");
        outlet.setId("claims-outlet");
        outlet.setLabel("Outlet");
        outlet.setItemLabelGenerator(o -> o.isEmpty() ? "All outlets" : o);
        attribute.setId("claims-attribute");
        attribute.setLabel("Attribute");
        attribute.setItemLabelGenerator(a -> a.isEmpty() ? "Any" : a.replace("=", " = "));
        verdict.setId("claims-verdict");
        verdict.setLabel("Verdict");
        verdict.setItems("", "none", "any", "consistent", "updated", "contradicted", "unresolved");
        verdict.setItemLabelGenerator(v -> switch (v) {
            case "" -> "Any or none";
            case "none" -> "No verdict yet";
            case "any" -> "With a verdict";
            default -> v;
        });
        verdict.setValue("");
        verdict.addValueChangeListener(e -> refresh());
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
        var filters = new HorizontalLayout(conflict, verdict, outlet, attribute, text, newCluster);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("fs-claim-filters");
        add(title, new Paragraph("Claims from different articles that state the same fact, side by side: each"
                + " outlet's exact words, when they hold, who they are attributed to, and their numbers. Badges tell a"
                + " contradiction (values that cannot both be true at the same time) from an update (a later, higher"
                + " count), a revision down (a later, lower count) and an unknown time; a timeline shows the values"
                + " over time. Curators record a verdict, published as ClaimReview."),
                filters, summary, cards);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectRoute.enter(event, corpus, currentUser, route -> {
            slug = route.slug();
            Actor actor = route.actor();
            ProjectInfo project = route.project();
            curator = project.curatedBy(actor);
            title.setText("Claims across articles · " + project.name());
            newCluster.setVisible(curator);
            List<String> attributes = new ArrayList<>(List.of(""));
            project.contentLabel().map(LabelInfo::attributes).orElse(List.of()).stream()
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
        });
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
                blankToNull(outlet.getValue()), blankToNull(attribute.getValue()), blankToNull(text.getValue()),
                blankToNull(verdict.getValue())));
        cards.removeAll();
        long review = shown.stream().filter(ClaimViews.Cluster::needsReview).count();
        long updates = shown.stream().filter(c -> c.hasConflict("update")).count();
        long verdicts = shown.stream().filter(c -> c.verdict() != null).count();
        summary.setText(shown.size() + (shown.size() == 1 ? " cluster" : " clusters") + ", " + review
                + " to review, " + updates + " with updates, " + verdicts + " with a verdict");
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

    /** The words of a finding's kind, for badges and lines. */
    static String kindWords(String kind) {
        return switch (kind) {
            case "contradiction" -> "contradiction";
            case "update" -> "update";
            case "revision-down" -> "revision down";
            case "unknown-time" -> "unknown time";
            case "attribution" -> "sources conflict";
            default -> kind;
        };
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
        for (String kind : List.of("contradiction", "revision-down", "unknown-time", "update", "attribution")) {
            if (c.hasConflict(kind)) {
                badges.add(badge(kindWords(kind), "fs-badge-" + kind));
            }
        }
        if (c.verdict() != null) {
            badges.add(badge("verdict: " + c.verdict().status() + " · " + c.verdict().rating().replace('-', ' '),
                    "fs-badge-verdict"));
        }
        HorizontalLayout head = new HorizontalLayout(statement, badges);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.addClassName("fs-claim-head");
        if (curator) {
            Button rename = new Button("Edit", e -> openRename(c));
            Button add = new Button("Add claims…", e -> openSuggestions(c, null));
            add.getElement().setAttribute("data-add", String.valueOf(c.id()));
            Button judge = new Button(c.verdict() == null ? "Record verdict…" : "Change verdict…",
                    e -> openVerdict(c));
            judge.getElement().setAttribute("data-verdict", String.valueOf(c.id()));
            Button delete = new Button("Delete", e -> act(() -> {
                claims.delete(currentUser.require(), slug, new ClusterId(c.id()), new Version(c.version()));
                return Boolean.TRUE;
            }, "Cluster deleted"));
            rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            judge.addThemeVariants(ButtonVariant.LUMO_SMALL);
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            HorizontalLayout actions = new HorizontalLayout(add, judge, rename, delete);
            actions.addClassName("fs-claim-actions");
            head.add(actions);
        }
        card.add(head);
        if (c.verdict() != null) {
            card.add(verdict(c));
        }
        for (ClaimViews.Conflict x : c.conflicts()) {
            Span kind = new Span(capitalise(kindWords(x.kind())) + ": ");
            kind.addClassName("fs-claim-conflict-kind");
            Div line = new Div(kind, new Span(x.detail()));
            line.addClassNames("fs-claim-conflict", "fs-claim-conflict-" + x.kind());
            card.add(line);
        }
        ClaimViews.Timeline timeline = ClaimService.timeline(c);
        List<String> units = TimelineChart.units(timeline);
        if (!units.isEmpty()) {
            Div charts = new Div();
            charts.addClassName("fs-claim-timeline");
            for (String unit : units.subList(0, Math.min(2, units.size()))) {
                Div chart = new Div();
                chart.addClassName("fs-timeline-chart");
                chart.getElement().setAttribute("data-unit", unit);
                // server-drawn SVG: every text in it is escaped (TimelineChart.esc), no script
                chart.getElement().setProperty("innerHTML", TimelineChart.svg(timeline, unit));
                charts.add(chart);
            }
            card.add(charts);
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

    /** The verdict: status, rating, established value and as-of time, explanation, evidence, and its history. */
    private Component verdict(ClaimViews.Cluster c) {
        ClaimViews.Verdict v = c.verdict();
        Div box = new Div();
        box.addClassName("fs-claim-verdict");
        StringBuilder head = new StringBuilder("Verdict: " + v.status() + ", rated " + v.rating().replace('-', ' '));
        if (v.value() != null) {
            head.append(" · established ").append(v.value());
        }
        if (v.asOf().known()) {
            head.append(" as of ").append(v.asOf().display());
        }
        Span title = new Span(head.toString());
        title.addClassName("fs-claim-verdict-head");
        box.add(title, new Paragraph(v.explanation()));
        List<String> evidence = new ArrayList<>();
        for (long id : v.members()) {
            c.member(id).ifPresent(m -> evidence.add(m.outlet() + ": “" + abbreviate(m.text(), 60) + "”"));
        }
        Div sources = new Div();
        sources.addClassName("fs-claim-verdict-evidence");
        if (!evidence.isEmpty() || !v.urls().isEmpty()) {
            sources.add(new Span("Evidence: " + String.join("; ", evidence) + (evidence.isEmpty() ? "" : " ")));
            for (String url : v.urls()) {
                Anchor a = new Anchor(url, abbreviate(url, 60));
                a.setTarget("_blank");
                a.getElement().setAttribute("rel", "noopener noreferrer");
                sources.add(a, new Span(" "));
            }
            box.add(sources);
        }
        List<org.factspan.base.audit.AuditEvent> history = claims.history(currentUser.require(), slug, c.id());
        Span by = new Span("recorded by " + v.setBy() + " · " + history.size()
                + (history.size() == 1 ? " entry" : " entries") + " in the audit trail");
        by.addClassName("fs-muted");
        box.add(by);
        return box;
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
        Span when = new Span(when(m.time()));
        when.addClassNames("fs-claim-time", "fs-claim-time-" + m.time().basis());
        details.add(when);
        if (curator) {
            Button setTime = new Button("Set time…", e -> openTime(m));
            setTime.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            setTime.getElement().setAttribute("data-time", String.valueOf(m.spanId()));
            details.add(setTime);
        }
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
                    act(() -> claims.setStance(currentUser.require(), slug, new ClusterId(c.id()), new Version(c.version()), m.id(), e.getValue()),
                            null);
                }
            });
            Button remove = new Button("Remove", e -> act(() -> claims.removeMember(currentUser.require(), slug, new ClusterId(c.id()),
                    new Version(c.version()), m.id()), null));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            right.add(choose, remove);
        }
        row.add(left, middle, right);
        return row;
    }

    /** A member's reference time in words: when, and from which words or from the publication. */
    static String when(ClaimViews.Time t) {
        return switch (t.basis()) {
            case "text" -> "When: " + t.display() + ", from “" + t.expression() + "”";
            case "publication" -> "When: as of publication, " + t.display();
            case "curator" -> t.known() ? "When: " + t.display() + ", set by a curator (“" + t.expression() + "”)"
                    : "When: unknown (a curator's “" + t.expression() + "” cannot be placed without the publication"
                            + " time)";
            default -> t.expression() == null ? "When: unknown (no time words, no publication time)"
                    : "When: unknown (“" + t.expression() + "” needs the publication time, which is unknown)";
        };
    }

    // ------------------------------------------------------------------ dialogs (in ClaimDialogs)

    private void openNewCluster() {
        dialogs.openNewCluster();
    }

    private void openRename(ClaimViews.Cluster c) {
        dialogs.openRename(c);
    }

    void openTime(ClaimViews.Member m) {
        dialogs.openTime(m);
    }

    /** The verdict dialog: established value and as-of time, status, rating, explanation, evidence. */
    void openVerdict(ClaimViews.Cluster c) {
        dialogs.openVerdict(c);
    }

    /** Suggestions for a member's claim: each can be added with its button, or with keys 1 to 9. */
    void openSuggestions(ClaimViews.Cluster c, Long basedOn) {
        dialogs.openSuggestions(c, basedOn);
    }

    /** The project's slug, for the dialogs. */
    String slug() {
        return slug;
    }

    // ------------------------------------------------------------------ helpers

    <T> T act(Supplier<T> change, String done) {
        var result = new java.util.concurrent.atomic.AtomicReference<T>();
        Notify.run(() -> {
            result.set(change.get());
            return done;
        });
        refresh();
        return result.get();
    }

    static Span badge(String text, String className) {
        Span b = new Span(text);
        b.addClassNames("fs-badge", className);
        return b;
    }

    /** Context before a claim: "…" marks text left out, unless the context starts its paragraph. */
    static String leading(String before) {
        return before.isEmpty() || Character.isUpperCase(before.codePointAt(0)) ? before : "…" + before;
    }

    /** Context after a claim: "…" marks text left out, unless the context ends a sentence. */
    static String trailing(String after) {
        return after.isEmpty() || after.strip().matches(".*[.!?\"”']$") ? after : after + "…";
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
