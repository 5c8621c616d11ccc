package org.factspan.corpus.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectAdminService;
import org.factspan.corpus.ProjectSpec;
import org.factspan.corpus.ProjectSummary;
import org.factspan.security.CurrentUser;

/** Admins: every project, archived ones too; create, archive, delete (typing the name), open the settings. */
@Route("admin/projects")
@PageTitle("Manage projects · Factspan")
@RolesAllowed("ADMIN")
public class ProjectAdminView extends VerticalLayout {

    /** The labels a new project starts with, when asked: claim, source, attribution cue (Okabe-Ito colours). */
    static final List<LabelInfo> STARTER_LABELS = List.of(
            new LabelInfo("CLAIM", "Claim", "1", "c", "#0072B2", LabelKind.CONTENT, List.of()),
            new LabelInfo("SOURCE", "Source", "2", "s", "#E69F00", LabelKind.SOURCE, List.of()),
            new LabelInfo("ATTRIBUTION", "Attribution", "3", "a", "#009E73", LabelKind.CUE, List.of()));

    final Grid<ProjectSummary> grid = new Grid<>();
    final Button create = new Button("New project");
    Dialog dialog;

    private final CorpusService corpus;
    private final ProjectAdminService admin;
    private final CurrentUser currentUser;

    public ProjectAdminView(CorpusService corpus, ProjectAdminService admin, CurrentUser currentUser) {
        this.corpus = corpus;
        this.admin = admin;
        this.currentUser = currentUser;
        addClassName("fs-page");
        grid.setId("admin-projects");
        grid.addColumn(ProjectSummary::name).setHeader("Project").setFlexGrow(3);
        grid.addColumn(ProjectSummary::slug).setHeader("Slug").setFlexGrow(2);
        grid.addColumn(ProjectSummary::documents).setHeader("Documents").setFlexGrow(0).setWidth("8em");
        grid.addComponentColumn(p -> {
            Span state = new Span(p.archived() ? "archived" : "active");
            state.addClassNames("fs-badge", p.archived() ? "fs-badge-off" : "fs-badge-ok");
            return state;
        }).setHeader("State").setFlexGrow(0).setWidth("8em");
        grid.addComponentColumn(this::actions).setFlexGrow(0).setWidth("21em");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        create.setId("new-project");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate());
        var header = new HorizontalLayout(new H2("Manage projects"), create);
        header.setAlignItems(Alignment.BASELINE);
        var help = new Paragraph("Archived projects are read-only and hidden from their members' project list."
                + " Labels, guidelines, members and settings are on each project's Settings page.");
        help.addClassName("fs-muted");
        add(header, help, grid);
        refresh();
    }

    private HorizontalLayout actions(ProjectSummary p) {
        Button settings = Ui.small("Settings", e -> UI.getCurrent().navigate(SETTINGS.formatted(p.slug())));
        settings.setId("settings-" + p.slug());
        Button archive = Ui.small(p.archived() ? "Unarchive" : "Archive", e -> Notify.run(() -> {
            admin.update(currentUser.require(), p.slug(), null, null, null, null, !p.archived());
            refresh();
            return p.name() + (p.archived() ? " is active again" : " archived");
        }));
        archive.setId("archive-" + p.slug());
        Button delete = Ui.small("Delete", e -> openDelete(p));
        delete.setId("delete-" + p.slug());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(settings, archive, delete);
    }

    static final String SETTINGS = "projects/%s/settings";

    void openCreate() {
        TextField slug = new TextField("Slug (in URLs)");
        slug.setId("project-slug");
        slug.setHelperText("lower case letters, digits and -");
        TextField name = new TextField("Name");
        name.setId("project-name");
        TextArea description = new TextArea("Description");
        Checkbox starter = new Checkbox("Start with Claim, Source and Attribution labels", true);
        starter.setId("starter-labels");
        FormLayout form = new FormLayout(slug, name, description, starter);
        form.setColspan(description, 2);
        dialog = Ui.dialog("New project", form, "Create", () -> {
            var created = admin.create(currentUser.require(), new ProjectSpec(slug.getValue().strip(), name.getValue(),
                    description.getValue(), null, null, starter.getValue() ? STARTER_LABELS : List.of()));
            refresh();
            return "Project " + created.name() + " created; add members and documents in its settings";
        });
    }

    void openDelete(ProjectSummary p) {
        TextField typed = new TextField("Type the project's name to confirm");
        typed.setId("confirm-name");
        typed.setWidthFull();
        typed.setPlaceholder(p.name());
        var warning = new Paragraph("This deletes " + p.name() + " with its " + p.documents()
                + " documents and every annotation in them. It cannot be undone.");
        dialog = Ui.dialog("Delete " + p.name() + "?", new VerticalLayout(warning, typed), "Delete project", "Cancel",
                true, () -> {
            admin.delete(currentUser.require(), p.slug(), typed.getValue());
            refresh();
            return "Project " + p.name() + " deleted";
        });
    }

    private void refresh() {
        grid.setItems(corpus.listProjects(currentUser.require()));
    }
}
