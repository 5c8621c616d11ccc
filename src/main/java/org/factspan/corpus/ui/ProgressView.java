package org.factspan.corpus.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.AssignmentService;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.MemberInfo;
import org.factspan.corpus.ProgressReport;
import org.factspan.corpus.ProgressReport.AnnotatorProgress;
import org.factspan.corpus.ProgressReport.DocumentProgress;
import org.factspan.corpus.ProgressService;
import org.factspan.corpus.ProjectAdminService;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.WorkState;
import org.factspan.security.CurrentUser;

/**
 * Assignments and progress of a project, for its curators and admins: a bar per annotator (finished, in progress,
 * not started), spans per label, the annotators and the documents with their assignees; assign automatically, or
 * per document by hand (assign, reassign, unassign, reopen).
 */
@Route("projects/:slug/progress")
@PageTitle("Assignments and progress · Factspan")
@PermitAll
public class ProgressView extends VerticalLayout implements BeforeEnterObserver {

    final H2 title = new H2();
    final Anchor back = new Anchor();
    final Paragraph summary = new Paragraph();
    final Button auto = new Button("Assign automatically");
    final Div annotatorChart = new Div();
    final Div labelChart = new Div();
    final Grid<AnnotatorProgress> annotators = new Grid<>();
    final Grid<DocumentProgress> documents = new Grid<>();
    Dialog dialog;

    private final CorpusService corpus;
    private final ProgressService progress;
    private final AssignmentService assignments;
    private final ProjectAdminService admin;
    private final CurrentUser currentUser;
    private String slug;
    private ProjectInfo project;
    ProgressReport report;

    public ProgressView(CorpusService corpus, ProgressService progress, AssignmentService assignments,
            ProjectAdminService admin, CurrentUser currentUser) {
        this.corpus = corpus;
        this.progress = progress;
        this.assignments = assignments;
        this.admin = admin;
        this.currentUser = currentUser;
        addClassName("fs-page");
        back.setId("back-to-documents");
        summary.setId("progress-summary");
        auto.setId("auto-assign");
        auto.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        auto.addClickListener(e -> Notify.run(() -> {
            AssignmentService.AutoAssignResult r = assignments.autoAssign(currentUser.require(), slug);
            refresh();
            return r.created() + (r.created() == 1 ? " assignment" : " assignments") + " made"
                    + (r.documentsShort() > 0 ? "; " + r.documentsShort() + " documents still lack annotators (too"
                            + " few annotators in the project)" : "");
        }));
        auto.getElement().setAttribute("title", "Fill every document up to the project's number of annotators,"
                + " giving each slot to the annotator with the fewest assignments");
        annotatorChart.setId("annotator-chart");
        annotatorChart.addClassName("fs-chart");
        labelChart.setId("label-chart");
        labelChart.addClassName("fs-chart");

        annotators.setId("annotator-progress");
        annotators.addColumn(AnnotatorProgress::username).setHeader("Annotator").setFlexGrow(2);
        annotators.addColumn(AnnotatorProgress::assigned).setHeader("Assigned").setFlexGrow(1);
        annotators.addColumn(AnnotatorProgress::notStarted).setHeader("Not started").setFlexGrow(1);
        annotators.addColumn(AnnotatorProgress::inProgress).setHeader("In progress").setFlexGrow(1);
        annotators.addColumn(AnnotatorProgress::finished).setHeader("Finished").setFlexGrow(1);
        annotators.addColumn(AnnotatorProgress::spans).setHeader("Spans").setFlexGrow(1);
        annotators.addColumn(a -> a.spansPerLabel().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(" · "))).setHeader("Spans per label").setFlexGrow(4);
        annotators.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        annotators.setAllRowsVisible(true);

        documents.setId("document-progress");
        documents.addColumn(DocumentProgress::title).setHeader("Document").setFlexGrow(5);
        documents.addComponentColumn(d -> badge(d.state())).setHeader("State").setFlexGrow(0).setWidth("9em");
        documents.addComponentColumn(this::assignees).setHeader("Annotators").setFlexGrow(4);
        documents.addColumn(DocumentProgress::spans).setHeader("Spans").setFlexGrow(0).setWidth("6em");
        documents.addComponentColumn(d -> {
            Button manage = Ui.small("Assign…", e -> openManage(d));
            manage.setId("manage-" + d.id());
            return manage;
        }).setFlexGrow(0).setWidth("8em");
        documents.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        documents.setAllRowsVisible(true);

        var charts = new HorizontalLayout(chartBox("Annotators", annotatorChart), chartBox("Spans per label",
                labelChart));
        charts.setWidthFull();
        charts.addClassName("fs-charts");
        var header = new HorizontalLayout(summary, auto);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(summary);
        add(back, title, header, charts, new H3("Documents"), documents, new H3("Annotators"), annotators);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectRoute.enter(event, corpus, currentUser, route -> {
            slug = route.slug();
            project = route.project();
            title.setText("Assignments and progress · " + project.name());
            back.setText("← Documents of " + project.name());
            back.setHref("projects/" + slug);
            auto.setEnabled(!project.archived());
            refresh();
        });
    }

    void refresh() {
        report = progress.progress(currentUser.require(), slug);
        documents.setItems(report.documents());
        annotators.setItems(report.annotators());
        long finished = count(WorkState.FINISHED);
        long started = count(WorkState.IN_PROGRESS);
        long unassigned = report.documents().stream().filter(d -> d.assignees().isEmpty()).count();
        summary.setText(report.documents().size() + " documents: " + finished + " finished, " + started
                + " in progress, " + count(WorkState.NOT_STARTED) + " not started" + (unassigned > 0 ? " ("
                + unassigned + " without annotators)" : "") + " · " + report.annotatorsPerDocument()
                + " annotators per document · " + report.spans() + " spans");
        drawAnnotators();
        drawLabels();
    }

    private long count(WorkState state) {
        return report.documents().stream().filter(d -> d.state() == state).count();
    }

    private void drawAnnotators() {
        annotatorChart.removeAll();
        int max = report.annotators().stream().mapToInt(AnnotatorProgress::assigned).max().orElse(0);
        if (max == 0) {
            annotatorChart.add(new Paragraph("No assignments yet. Assign automatically, or per document."));
            return;
        }
        for (AnnotatorProgress a : report.annotators()) {
            Div bar = new Div();
            bar.addClassName("fs-bar");
            bar.add(segment("finished", a.finished(), max), segment("in-progress", a.inProgress(), max),
                    segment("not-started", a.notStarted(), max));
            Span name = new Span(a.username());
            name.addClassName("fs-bar-name");
            Span value = new Span(a.finished() + "/" + a.assigned());
            value.addClassName("fs-bar-value");
            Div row = new Div(name, bar, value);
            row.addClassName("fs-bar-row");
            row.getElement().setAttribute("data-annotator", a.username());
            annotatorChart.add(row);
        }
        Div legend = new Div(legend("finished", "finished"), legend("in-progress", "in progress"),
                legend("not-started", "not started"));
        legend.addClassName("fs-chart-legend");
        annotatorChart.add(legend);
    }

    private void drawLabels() {
        labelChart.removeAll();
        long max = report.spansPerLabel().values().stream().mapToLong(Long::longValue).max().orElse(0);
        Map<String, String> colours = project.labels().stream()
                .collect(Collectors.toMap(LabelInfo::name, LabelInfo::color));
        for (Map.Entry<String, Long> e : report.spansPerLabel().entrySet()) {
            Div fill = new Div();
            fill.addClassName("fs-bar-fill");
            fill.getStyle().set("width", max == 0 ? "0" : pct(e.getValue(), max))
                    .set("background", colours.getOrDefault(e.getKey(), "var(--lumo-contrast-50pct)"));
            Div bar = new Div(fill);
            bar.addClassName("fs-bar");
            Span name = new Span(e.getKey());
            name.addClassName("fs-bar-name");
            Span value = new Span(Long.toString(e.getValue()));
            value.addClassName("fs-bar-value");
            Div row = new Div(name, bar, value);
            row.addClassName("fs-bar-row");
            row.getElement().setAttribute("data-label", e.getKey());
            labelChart.add(row);
        }
    }

    private static Div segment(String kind, int n, int max) {
        Div s = new Div();
        s.addClassNames("fs-seg", "fs-seg-" + kind);
        s.getStyle().set("width", pct(n, max));
        s.getElement().setAttribute("title", n + " " + kind.replace('-', ' '));
        return s;
    }

    private static Span legend(String kind, String text) {
        Span swatch = new Span();
        swatch.addClassNames("fs-seg-swatch", "fs-seg-" + kind);
        Span item = new Span(swatch, new Span(text));
        item.addClassName("fs-legend-entry");
        return item;
    }

    private static String pct(long n, long max) {
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * n / max);
    }

    private static VerticalLayout chartBox(String heading, Div chart) {
        var box = new VerticalLayout(new H3(heading), chart);
        box.addClassName("fs-chart-box");
        box.setPadding(false);
        return box;
    }

    static Span badge(WorkState state) {
        Span s = new Span(switch (state) {
            case NOT_STARTED -> "not started";
            case IN_PROGRESS -> "in progress";
            case FINISHED -> "finished";
        });
        s.addClassNames("fs-badge", "fs-state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return s;
    }

    private HorizontalLayout assignees(DocumentProgress d) {
        HorizontalLayout chips = new HorizontalLayout();
        chips.setSpacing(false);
        chips.addClassName("fs-chips");
        for (var a : d.assignees()) {
            Span chip = new Span(a.username() + (a.state() == WorkState.FINISHED ? " ✓" : ""));
            chip.addClassNames("fs-chip", "fs-state-" + a.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            chip.getElement().setAttribute("title", a.username() + ": " + a.state().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ", " + a.spans() + " spans");
            chips.add(chip);
        }
        if (d.assignees().size() < d.required()) {
            Span missing = new Span((d.required() - d.assignees().size()) + " missing");
            missing.addClassName("fs-missing");
            chips.add(missing);
        }
        return chips;
    }

    void openManage(DocumentProgress d) {
        List<String> annotatorNames = admin.members(currentUser.require(), slug).stream()
                .filter(m -> m.role() == ProjectRole.ANNOTATOR && m.enabled()).map(MemberInfo::username).toList();
        dialog = new Dialog();
        dialog.setHeaderTitle(d.title());
        dialog.setWidth("38rem");
        VerticalLayout rows = new VerticalLayout();
        rows.setPadding(false);
        if (d.assignees().isEmpty()) {
            rows.add(new Paragraph("Nobody is assigned yet."));
        }
        for (var a : d.assignees()) {
            Span who = new Span(a.username());
            who.addClassName("fs-assignee");
            Select<String> to = new Select<>();
            to.setPlaceholder("reassign to…");
            to.setItems(annotatorNames.stream().filter(n -> d.assignees().stream()
                    .noneMatch(x -> x.username().equals(n))).toList());
            to.setId("reassign-to-" + a.username());
            to.addValueChangeListener(e -> {
                if (e.getValue() != null && change(() -> {
                    assignments.reassign(currentUser.require(), slug, d.id(), a.username(), e.getValue());
                    return a.username() + "'s assignment given to " + e.getValue();
                })) {
                    dialog.close();
                }
            });
            Button reopen = Ui.small("Reopen", e -> {
                if (change(() -> {
                    assignments.reopen(currentUser.require(), slug, d.id(), a.username());
                    return "Reopened for " + a.username();
                })) {
                    dialog.close();
                }
            });
            reopen.setId("reopen-" + a.username());
            reopen.setVisible(a.state() == WorkState.FINISHED);
            Button remove = Ui.small("Unassign", e -> {
                if (change(() -> {
                    assignments.unassign(currentUser.require(), slug, d.id(), a.username());
                    return a.username() + " unassigned (their spans stay)";
                })) {
                    dialog.close();
                }
            });
            remove.setId("unassign-" + a.username());
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            var row = new HorizontalLayout(who, badge(a.state()), to, reopen, remove);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            rows.add(row);
        }
        Select<String> add = new Select<>();
        add.setId("assign-user");
        add.setLabel("Assign an annotator");
        add.setItems(annotatorNames.stream().filter(n -> d.assignees().stream()
                .noneMatch(x -> x.username().equals(n))).toList());
        Button assign = new Button("Assign", e -> {
            if (add.getValue() == null) {
                Notify.error("Choose an annotator");
                return;
            }
            if (change(() -> {
                assignments.assign(currentUser.require(), slug, d.id(), add.getValue());
                return add.getValue() + " assigned";
            })) {
                dialog.close();
            }
        });
        assign.setId("assign");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var addRow = new HorizontalLayout(add, assign);
        addRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        dialog.add(rows, addRow);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private boolean change(java.util.function.Supplier<String> action) {
        boolean ok = Notify.run(action);
        if (ok) {
            refresh();
        }
        return ok;
    }
}
