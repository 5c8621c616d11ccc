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
import org.factspan.base.ForbiddenException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;

/** The documents of one project, with the user's own progress. */
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

    public DocumentListView(CorpusService corpus, CurrentUser currentUser,
            org.factspan.corpus.AssignmentService assignments) {
        this.corpus = corpus;
        this.currentUser = currentUser;
        this.assignments = assignments;
        addClassName("fs-page");
        grid.setId("documents");
        grid.addColumn(DocumentSummary::title).setHeader("Title").setFlexGrow(5);
        grid.addColumn(d -> d.meta().getOrDefault("outlet", "")).setHeader("Outlet").setFlexGrow(1);
        grid.addColumn(d -> d.meta().getOrDefault("date", "")).setHeader("Date").setFlexGrow(0).setWidth("8em");
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
            if (e.getColumn() != curate) {
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
                () -> com.vaadin.flow.component.notification.Notification.show("You have finished all your documents"
                        + " in this project", 4000, com.vaadin.flow.component.notification.Notification.Position
                                .BOTTOM_START)));
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
        slug = event.getRouteParameters().get("slug").orElse("");
        try {
            Actor actor = currentUser.require();
            ProjectInfo project = corpus.requireProject(actor, slug);
            title.setText(project.name());
            about.setText(project.description() == null ? "" : project.description());
            export.setHref(EXPORT_ROUTE.formatted(slug));
            agreement.setHref(AGREEMENT_ROUTE.formatted(slug));
            boolean curator = project.curatedBy(actor);
            agreement.setVisible(curator);
            disagreements.setHref(DISAGREEMENTS_ROUTE.formatted(slug));
            disagreements.setVisible(curator);
            curate.setVisible(curator);
            search.setHref(SEARCH_ROUTE.formatted(slug));
            claims.setHref("projects/" + slug + "/claims");
            recommenders.setHref(RECOMMENDERS_ROUTE.formatted(slug));
            recommenders.setVisible(curator);
            settings.setHref("projects/" + slug + "/settings");
            importDocuments.setHref("projects/" + slug + "/import");
            progress.setHref("projects/" + slug + "/progress");
            settings.setVisible(curator);
            importDocuments.setVisible(curator && !project.archived());
            progress.setVisible(curator);
            mine = assignments.myAssignments(actor, slug).stream().collect(java.util.stream.Collectors.toMap(
                    org.factspan.corpus.AssignmentInfo::documentId, a -> a));
            next.setVisible(mine.values().stream().anyMatch(a -> !a.finished()));
            if (project.archived()) {
                about.setText((project.description() == null ? "" : project.description() + " ")
                        + "(Archived: read-only.)");
            }
            mySpans = corpus.mySpanCounts(actor, slug);
            grid.setItems(corpus.listDocuments(actor, slug));
        } catch (NotFoundException | ForbiddenException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
        }
    }

    private static String progress(long spans, org.factspan.corpus.AssignmentInfo assignment) {
        String count = spans == 0 ? "not started" : spans + (spans == 1 ? " span" : " spans");
        return assignment != null && assignment.finished() ? "finished · " + count : count;
    }
}
