package org.factspan.agreement.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
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
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.factspan.agreement.MeasureResult;
import org.factspan.agreement.service.AgreementOptions;
import org.factspan.agreement.service.AgreementReport;
import org.factspan.agreement.service.AgreementService;
import org.factspan.agreement.service.DocumentAgreement;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.corpus.ui.ProjectRoute;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;
import org.springframework.core.task.TaskExecutor;

/**
 * Inter-annotator agreement of one project, for its curators and admins: every measure overall and per label, a
 * pairwise heatmap of a chosen measure, and the documents worst first. Computing runs on a background thread
 * (results arrive through server push); the filters choose documents and annotators.
 */
@Route("projects/:slug/agreement")
@PageTitle("Agreement · Factspan")
@PermitAll
public class AgreementView extends VerticalLayout implements BeforeEnterObserver {

    final Grid<DocumentSummary> documentFilter = new Grid<>();
    final Grid<String> annotatorFilter = new Grid<>();
    final Details filters = new Details();
    final Button compute = new Button("Compute");
    /** A native indeterminate {@code <progress>} (no extra web component in the production bundle). */
    final Div progress = new Div();
    final Span status = new Span();
    final Grid<MeasureResult> overall = new Grid<>();
    final Grid<MeasureResult> byLabel = new Grid<>();
    final H3 byLabelTitle = new H3("Per label");
    final H3 pairsTitle = new H3("Pairs of annotators");
    /** Says plainly why there is nothing to compare when fewer than two annotators have work here. */
    final Paragraph tooFew = new Paragraph();
    final Select<String> heatmapMeasure = new Select<>();
    final PairHeatmap heatmap = new PairHeatmap();
    final Grid<DocumentAgreement> documents = new Grid<>();

    private final AgreementService agreement;
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final TaskExecutor executor;
    private final H2 title = new H2("Agreement");
    private String slug;
    private AgreementReport report;
    /** The running computation, including the hand-over to the UI (tests wait for it). */
    CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

    public AgreementView(AgreementService agreement, CorpusService corpus, CurrentUser currentUser,
            TaskExecutor executor) {
        this.agreement = agreement;
        this.corpus = corpus;
        this.currentUser = currentUser;
        this.executor = executor;
        addClassName("fs-page");

        // Filters: nothing selected means all documents and everyone with spans in them.
        documentFilter.setId("document-filter");
        documentFilter.setSelectionMode(Grid.SelectionMode.MULTI);
        documentFilter.addColumn(DocumentSummary::title).setHeader("Documents (none ticked: all)").setFlexGrow(1);
        documentFilter.addThemeVariants(GridVariant.LUMO_COMPACT);
        documentFilter.setWidth("34rem");
        documentFilter.setHeight("15rem");
        annotatorFilter.setId("annotator-filter");
        annotatorFilter.setSelectionMode(Grid.SelectionMode.MULTI);
        annotatorFilter.addColumn(a -> a).setHeader("Annotators (none ticked: all)").setFlexGrow(1);
        annotatorFilter.addThemeVariants(GridVariant.LUMO_COMPACT);
        annotatorFilter.setWidth("18rem");
        annotatorFilter.setHeight("15rem");
        documentFilter.addSelectionListener(e -> summarizeFilters());
        annotatorFilter.addSelectionListener(e -> summarizeFilters());
        var choices = new HorizontalLayout(documentFilter, annotatorFilter);
        choices.getStyle().set("flex-wrap", "wrap");
        filters.setId("filters");
        filters.add(choices);
        summarizeFilters();

        compute.setId("compute");
        compute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compute.addClickListener(e -> compute());
        progress.setId("progress");
        progress.getElement().appendChild(new Element("progress").setAttribute("aria-label", "Computing agreement"));
        progress.setVisible(false);
        status.setId("status");
        status.getStyle().set("color", "var(--lumo-secondary-text-color)");
        var working = new HorizontalLayout(compute, progress, status);
        working.setAlignItems(FlexComponent.Alignment.CENTER);

        overall.setId("overall");
        overall.addComponentColumn(m -> measureName(m.id())).setHeader("Measure").setFlexGrow(2);
        overall.addColumn(m -> value(m.overall())).setHeader("Value").setFlexGrow(0).setWidth("7em");
        overall.addColumn(MeasureResult::units).setHeader("Units").setFlexGrow(0).setWidth("6em");
        overall.addColumn(m -> m.defined() ? "" : nullToEmpty(m.nanReason())).setHeader("Why undefined")
                .setFlexGrow(3);
        overall.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        overall.setAllRowsVisible(true);

        byLabel.setId("by-label");
        byLabel.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        byLabel.setAllRowsVisible(true);

        heatmapMeasure.setId("heatmap-measure");
        heatmapMeasure.setLabel("Pairwise measure");
        heatmapMeasure.setItemLabelGenerator(agreement::title);
        heatmapMeasure.addValueChangeListener(e -> showHeatmap());

        documents.setId("documents");
        documents.addComponentColumn(d -> new Anchor(DocumentListView.CURATION_ROUTE.formatted(slug, d.id()), d.title()))
                .setHeader("Document").setFlexGrow(4);
        documents.addColumn(d -> d.defined() ? PairHeatmap.format(d.value()) : "—")
                .setHeader(AgreementService.BREAKDOWN_MEASURE).setFlexGrow(0).setWidth("9em");
        documents.addColumn(DocumentAgreement::spans).setHeader("Spans").setFlexGrow(0).setWidth("6em");
        documents.addColumn(d -> nullToEmpty(d.nanReason())).setHeader("Why undefined").setFlexGrow(2);
        documents.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        documents.setAllRowsVisible(true);

        tooFew.setId("too-few-annotators");
        tooFew.setVisible(false);
        add(title, filters, working, tooFew, new H3("Overall"), overall, byLabelTitle, byLabel,
                pairsTitle, heatmapMeasure, heatmap,
                new H3("Documents, worst first (" + AgreementService.BREAKDOWN_MEASURE + ")"), documents,
                new Paragraph("Values are between −1 and 1 for the kappas and alpha, 0 and 1 for the F1 scores; "
                        + "see the user guide (docs/user-guide.md), section Agreement, for the definitions."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectRoute.enterAsCurator(event, corpus, currentUser, "see its agreement", route -> {
            slug = route.slug();
            title.setText("Agreement · " + route.project().name());
            AgreementOptions options = agreement.options(route.actor(), slug);
            documentFilter.setItems(options.documents());
            annotatorFilter.setItems(options.annotators());
        }).ifPresent(opened -> compute());
    }

    /** Starts a computation with the current filters on a background thread; the button waits for it. */
    void compute() {
        Actor actor = currentUser.require();
        UI ui = UI.getCurrent();
        List<Long> documentIds = documentFilter.getSelectedItems().stream().map(DocumentSummary::id).toList();
        Set<String> annotators = new TreeSet<>(annotatorFilter.getSelectedItems());
        String project = slug;
        compute.setEnabled(false);
        progress.setVisible(true);
        status.setText("Computing…");
        long started = System.nanoTime();
        pending = CompletableFuture.supplyAsync(() -> agreement.compute(actor, project, documentIds, annotators), executor)
                .handle((result, error) -> {
                    try {
                        ui.access(() -> finish(result, error, (System.nanoTime() - started) / 1_000_000));
                    } catch (UIDetachedException gone) {
                        // The user left the view; nothing to show.
                    }
                    return null;
                });
    }

    private void summarizeFilters() {
        int documents = documentFilter.getSelectedItems().size();
        int annotators = annotatorFilter.getSelectedItems().size();
        filters.setSummaryText("Filters: " + (documents == 0 ? "all documents" : documents + " of the documents") + ", "
                + (annotators == 0 ? "everyone with spans" : String.join(", ", new TreeSet<>(annotatorFilter
                        .getSelectedItems()))));
    }

    private void finish(AgreementReport result, Throwable error, long millis) {
        compute.setEnabled(true);
        progress.setVisible(false);
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            status.setText("");
            if (cause instanceof RuntimeException e) {
                // a refusal, a lost race or a storage failure in words; a bug is thrown on to the session's error
                // handler, which logs it (its internals are no message for the user)
                Notify.refused(e);
                return;
            }
            throw new IllegalStateException("Computing agreement failed", cause);
        }
        show(result);
        int n = result.annotators().size();
        status.setText((n == 1 ? "1 annotator" : n + " annotators") + (n == 0 ? ", " : " (" + String.join(", ",
                result.annotators()) + "), ")
                + result.documents().size() + " documents, computed in " + millis + " ms");
    }

    void show(AgreementReport result) {
        this.report = result;
        overall.setItems(result.measures());

        Set<String> labels = new TreeSet<>();
        result.measures().forEach(m -> labels.addAll(m.byLabel().keySet()));
        byLabel.removeAllColumns();
        byLabel.addComponentColumn(m -> measureName(m.id())).setHeader("Measure").setFlexGrow(2);
        for (String label : labels) {
            byLabel.addColumn(m -> m.byLabel().containsKey(label) ? value(m.byLabel().get(label)) : "")
                    .setHeader(label).setFlexGrow(1);
        }
        List<MeasureResult> perLabel = result.measures().stream().filter(m -> !m.byLabel().isEmpty()).toList();
        byLabel.setItems(perLabel);
        boolean compared = result.annotators().size() >= 2;
        byLabelTitle.setVisible(compared && !perLabel.isEmpty());
        byLabel.setVisible(compared && !perLabel.isEmpty());

        List<String> pairwise = result.measures().stream().filter(m -> !m.pairs().isEmpty()).map(MeasureResult::id)
                .toList();
        String chosen = heatmapMeasure.getValue();
        heatmapMeasure.setItems(pairwise);
        heatmapMeasure.setValue(pairwise.contains(chosen) ? chosen
                : pairwise.contains(AgreementService.BREAKDOWN_MEASURE) ? AgreementService.BREAKDOWN_MEASURE
                : pairwise.isEmpty() ? null : pairwise.get(0));
        showHeatmap();
        pairsTitle.setVisible(compared && !pairwise.isEmpty());
        heatmapMeasure.setVisible(compared && !pairwise.isEmpty());
        heatmap.setVisible(compared && !pairwise.isEmpty());

        int n = result.annotators().size();
        tooFew.setText(n >= 2 ? "" : "Agreement compares annotators, so it needs at least two annotators with work on"
                + " these documents; " + (n == 0 ? "nobody has labeled them yet."
                        : "only " + result.annotators().getFirst() + " has labeled them.")
                + " Assign a second annotator to the same documents and let both finish.");
        tooFew.setVisible(n < 2);

        documents.setItems(result.worstFirst());
    }

    /** A measure by its name in words, its one-line definition on hover; the id stays in {@code data-measure}. */
    Span measureName(String id) {
        Span name = new Span(agreement.title(id));
        name.getElement().setAttribute("title", agreement.definition(id));
        name.getElement().setAttribute("data-measure", id);
        name.addClassName("fs-measure-name");
        return name;
    }

    private void showHeatmap() {
        if (report == null) {
            return;
        }
        String id = heatmapMeasure.getValue();
        heatmap.show(report.annotators(), id == null ? List.of()
                : report.measure(id).map(MeasureResult::pairs).orElse(List.of()));
    }

    AgreementReport report() {
        return report;
    }

    private static String value(Double value) {
        return value == null || value.isNaN() ? "—" : PairHeatmap.format(value);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
