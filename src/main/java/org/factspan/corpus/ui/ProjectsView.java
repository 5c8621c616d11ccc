package org.factspan.corpus.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.ProjectSummary;
import org.factspan.security.CurrentUser;

/** Home: the projects the user works in. */
@Route("")
@PageTitle("Projects · Factspan")
@PermitAll
public class ProjectsView extends VerticalLayout {

    final Grid<ProjectSummary> grid = new Grid<>();

    public ProjectsView(CorpusService corpus, CurrentUser currentUser) {
        addClassName("fs-page");
        grid.setId("projects");
        grid.addColumn(ProjectSummary::name).setHeader("Project").setFlexGrow(2);
        grid.addColumn(ProjectSummary::description).setHeader("About").setFlexGrow(4);
        grid.addColumn(ProjectSummary::documents).setHeader("Documents").setFlexGrow(0).setWidth("8em");
        grid.addColumn(ProjectSummary::mySpans).setHeader("My spans").setFlexGrow(0).setWidth("8em");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(corpus.listProjects(currentUser.require()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(DocumentListView.class,
                new RouteParameters("slug", e.getItem().slug()))));
        add(new H2("Projects"), grid);
    }
}
