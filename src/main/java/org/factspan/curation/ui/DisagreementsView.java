package org.factspan.curation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.factspan.annotation.AnnotationService;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.corpus.ui.ProjectRoute;
import org.factspan.curation.CurationService;
import org.factspan.curation.Disagreement;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;

/**
 * Every place in a project where the annotators disagree, most important first (label conflicts, attribution
 * conflicts, boundary conflicts, then places only some annotators labeled; more annotators involved first), for the
 * project's curators and admins. Filters by document, label and annotator (also as URL parameters); each row opens
 * the curation view at that place.
 */
@Route("projects/:slug/disagreements")
@PageTitle("Disagreements · Factspan")
@PermitAll
public class DisagreementsView extends VerticalLayout implements BeforeEnterObserver {

    /** This view's URL for a project slug. */
    public static final String ROUTE = "projects/%s/disagreements";
    /** The curation view of a document. */
    public static final String CURATE_ROUTE = "projects/%s/documents/%d/curate";

    final Select<DocumentSummary> document = new Select<>();
    final Select<String> label = new Select<>();
    final Select<String> annotator = new Select<>();
    final Checkbox settled = new Checkbox("Show settled ones");
    final Checkbox anonymous = new Checkbox("Hide annotator names");
    final Grid<Disagreement> grid = new Grid<>();
    final Span summary = new Span();
    /** Triples that name a span that is gone (decision 016), each with a button to delete it; hidden when none. */
    final Div broken = new Div();

    private final CurationService curation;
    private final AnnotationService annotations;
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final H2 title = new H2("Disagreements");
    private String slug;
    private ProjectInfo project;
    private List<Disagreement> rows = List.of();
    private boolean loading;

    public DisagreementsView(CurationService curation, AnnotationService annotations, CorpusService corpus,
            CurrentUser currentUser) {
        this.curation = curation;
        this.annotations = annotations;
        this.corpus = corpus;
        this.currentUser = currentUser;
        addClassName("fs-page");
        addClassName("fs-disagreements");
        CurationStyles.attachTo(this);

        document.setId("filter-document");
        document.setLabel("Document");
        document.setEmptySelectionAllowed(true);
        document.setEmptySelectionCaption("All documents");
        document.setItemLabelGenerator(d -> d == null ? "All documents" : d.title());
        document.setWidth("17rem");
        label.setId("filter-label");
        label.setLabel("Label");
        label.setEmptySelectionAllowed(true);
        label.setEmptySelectionCaption("All labels");
        annotator.setId("filter-annotator");
        annotator.setLabel("Annotator");
        annotator.setEmptySelectionAllowed(true);
        annotator.setEmptySelectionCaption("Everyone");
        settled.setId("filter-settled");
        anonymous.setId("anonymous");
        document.addValueChangeListener(e -> refresh());
        label.addValueChangeListener(e -> refresh());
        annotator.addValueChangeListener(e -> refresh());
        settled.addValueChangeListener(e -> refresh());
        anonymous.addValueChangeListener(e -> {
            annotator.clear();
            refresh();
        });
        var filters = new HorizontalLayout(document, label, annotator, settled, anonymous);
        filters.addClassName("fs-cur-filters");
        filters.setAlignItems(Alignment.BASELINE);

        grid.setId("disagreements");
        grid.addComponentColumn(d -> kind(d.kind())).setHeader("Kind").setFlexGrow(0).setWidth("13.5rem");
        grid.addComponentColumn(this::where).setHeader("Where").setFlexGrow(5);
        grid.addComponentColumn(this::labels).setHeader("Labels").setFlexGrow(1);
        grid.addColumn(d -> String.join(", ", d.annotators()) + (d.missing().isEmpty() ? ""
                : " (not " + String.join(", ", d.missing()) + ")")).setHeader("Annotators").setFlexGrow(2);
        grid.addComponentColumn(d -> {
            Span s = new Span(d.settled() ? "settled" : "open");
            s.addClassName("fs-cur-chip");
            s.addClassName(d.settled() ? "fs-st-accepted" : "fs-st-open");
            return s;
        }).setHeader("Status").setFlexGrow(0).setWidth("7rem");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(link(e.getItem())));
        summary.setId("summary");
        summary.addClassName("fs-muted");
        broken.setId("broken-triples");
        broken.setVisible(false);
        add(title, new Paragraph("Where the annotators of a document do not agree, most important first: label"
                + " conflicts, then conflicting attributions, then boundary conflicts, then different attribute values,"
                + " then what only some annotators labeled or linked; more annotators involved first. Click a row to settle it in the curation view."),
                broken, filters, summary, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectRoute.enterAsCurator(event, corpus, currentUser, CurationView.CURATORS_ONLY, route -> {
            slug = route.slug();
            Actor actor = route.actor();
            project = route.project();
            title.setText("Disagreements · " + project.name());
            Map<String, List<String>> query = route.query();
            loading = true;
            List<DocumentSummary> documents = corpus.listDocuments(actor, slug);
            document.setItems(documents);
            label.setItems(project.labels().stream().map(LabelInfo::name).toList());
            first(query, "document").flatMap(id -> documents.stream().filter(d -> String.valueOf(d.id()).equals(id))
                    .findFirst()).ifPresent(document::setValue);
            first(query, "label").filter(l -> project.label(l).isPresent()).ifPresent(label::setValue);
            settled.setValue(first(query, "settled").map("true"::equals).orElse(false));
            anonymous.setValue(first(query, "anonymous").map("true"::equals).orElse(false));
            annotators();
            first(query, "annotator").filter(a -> annotatorItems.contains(a)).ifPresent(annotator::setValue);
            loading = false;
            refresh();
        });
    }

    private static java.util.Optional<String> first(Map<String, List<String>> query, String key) {
        return query.getOrDefault(key, List.of()).stream().findFirst();
    }

    private List<String> annotatorItems = List.of();

    /** The annotators to filter by: everyone with spans, named as the list shows them. */
    private void annotators() {
        List<Disagreement> all = curation.disagreements(currentUser.require(), slug,
                new CurationService.DisagreementFilter(null, null, null, true), anonymous.getValue());
        TreeSet<String> names = new TreeSet<>();
        all.forEach(d -> {
            names.addAll(d.annotators());
            names.addAll(d.missing());
        });
        annotatorItems = new ArrayList<>(names);
        annotator.setItems(annotatorItems);
    }

    void refresh() {
        if (loading || slug == null) {
            return;
        }
        rows = Notify.call(() -> {
            if (annotatorItems.isEmpty() || (anonymous.getValue() != annotatorItems.stream()
                    .anyMatch(n -> n.startsWith("Annotator ")))) {
                loading = true;
                try {
                    annotators();
                } finally {
                    loading = false;
                }
            }
            return curation.disagreements(currentUser.require(), slug, new CurationService.DisagreementFilter(
                    document.getValue() == null ? null : document.getValue().id(), label.getValue(),
                    annotator.getValue(), settled.getValue()), anonymous.getValue());
        }).orElse(List.of());
        grid.setItems(rows);
        showBroken();
        long open = rows.stream().filter(d -> !d.settled()).count();
        long docs = rows.stream().map(Disagreement::documentId).distinct().count();
        summary.setText(rows.isEmpty() ? "Nothing to settle with these filters."
                : open + (open == 1 ? " open disagreement" : " open disagreements")
                        + (settled.getValue() ? ", " + (rows.size() - open) + " settled" : "") + " in " + docs
                        + (docs == 1 ? " document" : " documents"));
        Map<String, String> params = new LinkedHashMap<>();
        if (document.getValue() != null) {
            params.put("document", String.valueOf(document.getValue().id()));
        }
        if (label.getValue() != null) {
            params.put("label", label.getValue());
        }
        if (annotator.getValue() != null) {
            params.put("annotator", annotator.getValue());
        }
        if (settled.getValue()) {
            params.put("settled", "true");
        }
        if (anonymous.getValue()) {
            params.put("anonymous", "true");
        }
        UI.getCurrent().getPage().getHistory().replaceState(null,
                ROUTE.formatted(slug) + (params.isEmpty() ? "" : "?" + QueryParameters.simple(params).getQueryString()));
    }

    /**
     * Lists the project's triples that name a span that is gone: left out of everything above, and deleted here
     * (one button each, with an audit entry) by a curator or admin.
     */
    void showBroken() {
        broken.removeAll();
        List<AnnotationService.BrokenAttribution> found = annotations.brokenAttributions(currentUser.require(), slug);
        broken.setVisible(!found.isEmpty());
        if (found.isEmpty()) {
            return;
        }
        Map<Long, String> titles = new LinkedHashMap<>();
        corpus.listDocuments(currentUser.require(), slug).forEach(d -> titles.put(d.id(), d.title()));
        broken.add(new Paragraph(found.size() + (found.size() == 1 ? " attribution triple names" : " attribution"
                + " triples name") + " a span that is gone (left over from before an integrity fix). Everything"
                + " here leaves them out; delete them to clean up."));
        for (AnnotationService.BrokenAttribution b : found) {
            String owner = anonymous.getValue() ? "an annotator" : b.annotator();
            Span text = new Span("Triple " + b.id() + " of " + owner + " in “" + titles.getOrDefault(b.documentId(),
                    "document " + b.documentId()) + "”: span" + (b.missing().size() == 1 ? " " : "s ")
                    + b.missing().stream().map(String::valueOf).reduce((x, y) -> x + ", " + y).orElse("")
                    + (b.missing().size() == 1 ? " is" : " are") + " gone");
            Button delete = new Button("Delete", e -> repair(b));
            delete.setId("repair-" + b.id());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(text, delete);
            row.setAlignItems(Alignment.BASELINE);
            broken.add(row);
        }
    }

    private void repair(AnnotationService.BrokenAttribution b) {
        Notify.run(() -> {
            annotations.repairAttribution(currentUser.require(), slug, new DocumentId(b.documentId()), b.id());
            return "Deleted broken triple " + b.id();
        });
        refresh();
    }

    List<Disagreement> rows() {
        return rows;
    }

    /** Where a row leads: the curation view at that place. */
    String link(Disagreement d) {
        return CURATE_ROUTE.formatted(slug, d.documentId()) + "?at=" + d.start() + "-" + d.end() + "&kind="
                + d.kind().id() + (anonymous.getValue() ? "&anonymous=true" : "");
    }

    private Div where(Disagreement d) {
        Anchor open = new Anchor(link(d), "“" + Chips.quote(d.text(), 90) + "”");
        open.addClassName("fs-cur-where-text");
        Span doc = new Span(d.documentTitle());
        doc.addClassName("fs-muted");
        Div where = new Div(open, doc);
        where.addClassName("fs-cur-where");
        Div says = new Div(new Span(d.description()));
        says.addClassName("fs-cur-description");
        where.add(says);
        if (d.kind() == Disagreement.Kind.BOUNDARY_CONFLICT || d.kind() == Disagreement.Kind.ATTRIBUTION_CONFLICT
                || d.kind() == Disagreement.Kind.ATTRIBUTE_CONFLICT || d.kind() == Disagreement.Kind.LABEL_CONFLICT) {
            where.add(versions(d.versions()));
        }
        return where;
    }

    /** Every annotator's version side by side: its own text (and label, attribute values or cue). */
    static Div versions(List<org.factspan.curation.DocumentCuration.Version> versions) {
        Div box = new Div();
        box.addClassName("fs-cur-versions");
        for (var v : versions) {
            Span who = new Span(v.annotator() + ": ");
            who.addClassName("fs-cur-name");
            Div row = new Div(who, new Span("“" + Chips.quote(v.text(), 90) + "”"));
            if (!v.label().isEmpty()) {
                row.add(new Span(" " + v.label()));
            }
            if (!v.detail().isEmpty()) {
                Span detail = new Span(" · " + v.detail());
                detail.addClassName("fs-muted");
                row.add(detail);
            }
            row.addClassName("fs-cur-version-text");
            box.add(row);
        }
        return box;
    }

    private Div labels(Disagreement d) {
        Div labels = new Div();
        labels.addClassName("fs-cur-labels");
        for (String name : d.labels()) {
            Span chip = new Span(project == null ? name : project.label(name).map(LabelInfo::title).orElse(name));
            chip.addClassName("fs-cur-label");
            if (project != null) {
                project.label(name).ifPresent(l -> chip.getStyle().set("--fs-color", l.color()));
            }
            labels.add(chip);
        }
        return labels;
    }

    static Span kind(Disagreement.Kind kind) {
        Span badge = new Span(kind.words());
        badge.addClassName("fs-cur-kind");
        badge.addClassName("fs-kind-" + kind.id().replace('_', '-'));
        return badge;
    }

    static String documentRoute(String slug) {
        return DocumentListView.class.getAnnotation(Route.class).value().replace(":slug", slug);
    }
}
