package org.factspan.corpus.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;
import org.springframework.modulith.NamedInterface;

/** The documents of one project, with the user's own progress. */
@NamedInterface("ui")
@Route("projects/:slug")
@PageTitle("Documents · Factspan")
@PermitAll
public class DocumentListView extends VerticalLayout implements BeforeEnterObserver {

    /** Where a click on a document goes; the annotation feature registers its editor route here. */
    public static final String DOCUMENT_ROUTE = "projects/%s/documents/%d";
    /** Export and import of the project (a route of the export feature, linked by URL only). */
    public static final String EXPORT_ROUTE = "projects/%s/export";
    /** The agreement view of a project (shown to its curators and admins). */
    public static final String AGREEMENT_ROUTE = "projects/%s/agreement";
    /** The disagreement list of a project (curation feature, curators and admins). */
    public static final String DISAGREEMENTS_ROUTE = "projects/%s/disagreements";
    /** The curation view of a document (curation feature, curators and admins). */
    public static final String CURATION_ROUTE = "projects/%s/documents/%d/curate";
    /** Search in the project (a route of the search feature, linked by URL only). */
    public static final String SEARCH_ROUTE = "projects/%s/search";
    /** The project's recommenders (shown to its curators and admins). */
    public static final String RECOMMENDERS_ROUTE = "projects/%s/recommenders";

    final Grid<DocumentSummary> grid = new Grid<>();
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final H2 title = new H2();
    private final Paragraph about = new Paragraph();
    final Anchor export = new Anchor("", "Export / import");
    final Anchor agreement = new Anchor();
    final Anchor disagreements = new Anchor();
    private final Grid.Column<DocumentSummary> curate;
    /** Curators and admins: the project's settings, document import, assignments and progress. */
    final Anchor settings = new Anchor("", "Settings");
    final Anchor importDocuments = new Anchor("", "Import documents");
    final Anchor progress = new Anchor("", "Assignments and progress");
    /** Annotators with assignments: their next unfinished document. */
    final com.vaadin.flow.component.button.Button next = new com.vaadin.flow.component.button.Button("Next document →");
    private final org.factspan.corpus.AssignmentService assignments;
    final Anchor search = new Anchor("", "Search");
    /** Claims across articles (a route of the claims feature, linked by URL only). */
    final Anchor claims = new Anchor("", "Claims across articles");
    final Anchor recommenders = new Anchor("", "Recommenders");
    private Map<Long, Long> mySpans = Map.of();
    private Map<Long, org.factspan.corpus.AssignmentInfo> mine = Map.of();
    private String slug;

    private final org.factspan.corpus.ProjectAdminService admin;
    /** The published column, with an edit button for curators (decision 019). */
    private final Grid.Column<DocumentSummary> published;
    private boolean curator;
    /** The open publication time dialog and its save button, for tests. */
    com.vaadin.flow.component.dialog.Dialog dialog;
    com.vaadin.flow.component.button.Button publishedSave;

    public DocumentListView(CorpusService corpus, CurrentUser currentUser,
            org.factspan.corpus.AssignmentService assignments, org.factspan.corpus.ProjectAdminService admin) {
        this.admin = admin;
        this.corpus = corpus;
        this.currentUser = currentUser;
        this.assignments = assignments;
        addClassName("fs-page");
        grid.setId("documents");
        grid.addColumn(DocumentSummary::title).setHeader("Title").setFlexGrow(5);
        grid.addColumn(d -> d.meta().getOrDefault("outlet", "")).setHeader("Outlet").setFlexGrow(1);
        published = grid.addComponentColumn(this::published).setHeader("Published").setFlexGrow(0).setWidth("12em");
        grid.addColumn(DocumentSummary::length).setHeader("Length (chars)").setFlexGrow(0).setWidth("7em");
        grid.addColumn(d -> progress(mySpans.getOrDefault(d.id(), 0L), mine.get(d.id()))).setHeader("My progress")
                .setFlexGrow(0).setWidth("11em");
        curate = grid.addComponentColumn(d -> {
            Anchor link = new Anchor(CURATION_ROUTE.formatted(slug, d.id()), "Curate");
            link.getElement().setAttribute("data-curate", String.valueOf(d.id()));
            return link;
        }).setHeader("Curation").setFlexGrow(0).setWidth("7em");
        curate.setVisible(false);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> {
            if (e.getColumn() != curate && e.getColumn() != published) {
                UI.getCurrent().navigate(DOCUMENT_ROUTE.formatted(slug, e.getItem().id()));
            }
        });
        export.setId("export-link");
        agreement.setId("agreement-link");
        agreement.setText("Agreement between annotators");
        agreement.setVisible(false);
        disagreements.setId("disagreements-link");
        disagreements.setText("Disagreements to curate");
        disagreements.setVisible(false);
        settings.setId("settings-link");
        importDocuments.setId("import-link");
        progress.setId("progress-link");
        next.setId("next-document");
        next.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
        next.addClickListener(e -> assignments.next(currentUser.require(), slug, null).ifPresentOrElse(
                id -> UI.getCurrent().navigate(DOCUMENT_ROUTE.formatted(slug, id)),
                () -> Notify.info("You have finished all your documents in this project")));
        search.setId("search-link");
        claims.setId("claims-link");
        recommenders.setId("recommenders-link");
        recommenders.setVisible(false);
        var links = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(next, search, claims, export, agreement,
                disagreements, progress, importDocuments, recommenders, settings);
        links.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        links.addClassName("fs-project-links");
        add(title, about, links, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectRoute.enter(event, corpus, currentUser, route -> {
            slug = route.slug();
            Actor actor = route.actor();
            ProjectInfo project = route.project();
            title.setText(project.name());
            about.setText(project.description() == null ? "" : project.description());
            export.setHref(EXPORT_ROUTE.formatted(slug));
            agreement.setHref(AGREEMENT_ROUTE.formatted(slug));
            curator = project.curatedBy(actor) && !project.archived();
            agreement.setVisible(project.curatedBy(actor));
            disagreements.setHref(DISAGREEMENTS_ROUTE.formatted(slug));
            disagreements.setVisible(project.curatedBy(actor));
            curate.setVisible(project.curatedBy(actor));
            search.setHref(SEARCH_ROUTE.formatted(slug));
            claims.setHref("projects/" + slug + "/claims");
            recommenders.setHref(RECOMMENDERS_ROUTE.formatted(slug));
            recommenders.setVisible(project.curatedBy(actor));
            settings.setHref("projects/" + slug + "/settings");
            importDocuments.setHref("projects/" + slug + "/import");
            progress.setHref("projects/" + slug + "/progress");
            settings.setVisible(project.curatedBy(actor));
            importDocuments.setVisible(curator);
            progress.setVisible(project.curatedBy(actor));
            mine = assignments.myAssignments(actor, slug).stream().collect(java.util.stream.Collectors.toMap(
                    org.factspan.corpus.AssignmentInfo::documentId, a -> a));
            next.setVisible(mine.values().stream().anyMatch(a -> !a.finished()));
            if (project.archived()) {
                about.setText((project.description() == null ? "" : project.description() + " ")
                        + "(Archived: read-only.)");
            }
            mySpans = corpus.mySpanCounts(actor, slug);
            grid.setItems(corpus.listDocuments(actor, slug));
        });
    }

    /** When the document was published, where that came from on hover, and an edit button for curators. */
    private com.vaadin.flow.component.Component published(DocumentSummary d) {
        org.factspan.corpus.PublicationTime p = d.published();
        com.vaadin.flow.component.html.Span when = new com.vaadin.flow.component.html.Span(
                p == null || !p.known() ? "unknown" : p.describe());
        when.getElement().setAttribute("title", p == null || !p.known()
                ? "No publication time in the text or metadata" + (curator ? ": set it" : "")
                : "From " + switch (p.source()) {
                    case "curator" -> "a curator";
                    case "metadata" -> "the metadata";
                    default -> "the text";
                } + ": “" + p.expression() + "”; times read in " + (p.zone() == null ? "UTC" : p.zone()));
        when.getElement().setAttribute("data-published", String.valueOf(d.id()));
        com.vaadin.flow.component.html.Div cell = new com.vaadin.flow.component.html.Div(when);
        if (curator) {
            com.vaadin.flow.component.button.Button edit = new com.vaadin.flow.component.button.Button("Edit",
                    e -> editPublished(d));
            edit.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE,
                    com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
            edit.getElement().setAttribute("aria-label", "Edit when “" + d.title() + "” was published");
            edit.getElement().setAttribute("data-edit-published", String.valueOf(d.id()));
            edit.getStyle().set("margin-left", "0.4em");
            cell.add(edit);
        }
        return cell;
    }

    void editPublished(DocumentSummary d) {
        var dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle("When was “" + d.title() + "” published?");
        var value = new com.vaadin.flow.component.textfield.TextField("Published (blank: unknown)");
        value.setId("published-value");
        value.setPlaceholder("2022-01-05, 2022-01-06 18:31 or 2022-01-06T18:31+05:00");
        value.setWidth("24em");
        value.setMaxLength(40);
        var zone = new com.vaadin.flow.component.textfield.TextField("Time zone of its times");
        zone.setId("published-zone");
        zone.setPlaceholder("Asia/Almaty, UTC or +06:00");
        zone.setMaxLength(64);
        if (d.published() != null) {
            value.setValue(d.published().value() == null ? "" : d.published().value().replace('T', ' '));
            zone.setValue(d.published().zone() == null ? "" : d.published().zone());
        }
        var hint = new Paragraph("Claims without time words of their own are as of this time, and words such as “on"
                + " Wednesday” are read relative to it.");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("max-width", "30em");
        var save = new com.vaadin.flow.component.button.Button("Save", e -> {
            if (Notify.attempt(() -> admin.setPublicationTime(currentUser.require(), slug, d.id(), value.getValue(),
                    zone.getValue()))) {
                dialog.close();
                grid.setItems(corpus.listDocuments(currentUser.require(), slug));
            }
        });
        save.setId("published-save");
        publishedSave = save;
        save.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(value, zone, hint));
        dialog.getFooter().add(new com.vaadin.flow.component.button.Button("Cancel", e -> dialog.close()), save);
        this.dialog = dialog;
        dialog.open();
    }

    private static String progress(long spans, org.factspan.corpus.AssignmentInfo assignment) {
        String count = spans == 0 ? "not started" : spans + (spans == 1 ? " span" : " spans");
        return assignment != null && assignment.finished() ? "finished · " + count : count;
    }
}
