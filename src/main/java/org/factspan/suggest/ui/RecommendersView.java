package org.factspan.suggest.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.corpus.ui.ProjectRoute;
import org.factspan.suggest.EvaluationReport;
import org.factspan.suggest.RecommenderStatus;
import org.factspan.suggest.Scores;
import org.factspan.suggest.SuggestionService;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;
import org.springframework.core.task.TaskExecutor;

/**
 * The project's recommenders: what each proposes and has learnt, an on/off switch per project (curators and admins),
 * and their precision and recall on held-back documents, computed in the background on request.
 */
@Route("projects/:slug/recommenders")
@PageTitle("Recommenders · Factspan")
@PermitAll
public class RecommendersView extends VerticalLayout implements BeforeEnterObserver {

    /** One row of the figures table: a recommender overall or for one label. */
    record Row(String recommender, String label, Scores.Counts counts) {
    }

    final Grid<RecommenderStatus> recommenders = new Grid<>();
    final Grid<Row> figures = new Grid<>();
    final Button evaluate = new Button("Evaluate now");
    final Div progress = new Div();
    final Span status = new Span();
    final Paragraph rights = new Paragraph();

    private final SuggestionService suggestions;
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final TaskExecutor executor;
    private final H2 title = new H2("Recommenders");
    private final Anchor back = new Anchor();
    private String slug;
    private boolean curator;
    /** The running evaluation including its hand-over to the UI (tests wait for it). */
    CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

    public RecommendersView(SuggestionService suggestions, CorpusService corpus, CurrentUser currentUser,
            TaskExecutor executor) {
        this.suggestions = suggestions;
        this.corpus = corpus;
        this.currentUser = currentUser;
        this.executor = executor;
        addClassNames("fs-page", "fs-recommenders");

        recommenders.setId("recommenders");
        recommenders.addComponentColumn(this::switchFor).setHeader("On").setFlexGrow(0).setWidth("5em");
        recommenders.addComponentColumn(r -> {
            Div d = new Div(new Span(r.title()));
            d.getElement().appendChild(new Element("br"));
            Span about = new Span(r.description());
            about.addClassName("fs-muted");
            d.add(about);
            return d;
        }).setHeader("Recommender").setFlexGrow(4);
        recommenders.addColumn(r -> String.join(", ", r.labels())).setHeader("Proposes").setFlexGrow(2);
        recommenders.addColumn(RecommendersView::learnt).setHeader("Learnt from").setFlexGrow(2);
        recommenders.addColumn(RecommenderStatus::accepted).setHeader("Accepted").setFlexGrow(0).setWidth("7em");
        recommenders.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        recommenders.setAllRowsVisible(true);

        evaluate.setId("evaluate");
        evaluate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        evaluate.addClickListener(e -> evaluate());
        progress.setId("progress");
        progress.getElement().appendChild(new Element("progress").setAttribute("aria-label", "Evaluating"));
        progress.setVisible(false);
        status.setId("status");
        status.addClassName("fs-muted");
        var working = new HorizontalLayout(evaluate, progress, status);
        working.setAlignItems(FlexComponent.Alignment.CENTER);

        figures.setId("figures");
        figures.addColumn(Row::recommender).setHeader("Recommender").setFlexGrow(2);
        figures.addColumn(Row::label).setHeader("Label").setFlexGrow(1);
        figures.addColumn(r -> percent(r.counts().precision())).setHeader("Precision").setFlexGrow(0).setWidth("8em");
        figures.addColumn(r -> percent(r.counts().recall())).setHeader("Recall").setFlexGrow(0).setWidth("8em");
        figures.addColumn(r -> percent(r.counts().f1())).setHeader("F1").setFlexGrow(0).setWidth("7em");
        figures.addColumn(r -> r.counts().truePositives() + " / " + r.counts().falsePositives() + " / "
                + r.counts().falseNegatives()).setHeader("Right / wrong / missed").setFlexGrow(1);
        figures.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        figures.setPartNameGenerator(r -> r.label().equals("all labels") ? "fs-overall" : null);
        figures.setAllRowsVisible(true);
        figures.setVisible(false);

        rights.addClassName("fs-muted");
        back.addClassName("fs-back");
        add(back, title, rights, recommenders, new H3("Precision and recall on held-back documents"),
                new Paragraph("The annotated documents are dealt into up to five groups; each group is held back once"
                        + " while the recommenders learn from the others, and what they propose there is compared with"
                        + " every annotator's spans (same start, end and label)."), working, figures);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectRoute.enter(event, corpus, currentUser, route -> {
            slug = route.slug();
            Actor actor = route.actor();
            ProjectInfo project = route.project();
            curator = project.curatedBy(actor);
            title.setText("Recommenders · " + project.name());
            back.setHref(DocumentListView.class.getAnnotation(Route.class).value().replace(":slug", slug));
            back.setText("← " + project.name());
            rights.setText(curator ? "Switch a recommender off and nobody in this project gets its suggestions."
                    : "Only curators of the project and admins switch recommenders and evaluate them.");
            evaluate.setEnabled(curator);
            showRecommenders();
            if (curator) {
                suggestions.lastEvaluation(actor, slug).ifPresent(this::show);
            }
        });
    }

    private void showRecommenders() {
        recommenders.setItems(suggestions.recommenders(currentUser.require(), slug));
    }

    private Checkbox switchFor(RecommenderStatus r) {
        Checkbox on = new Checkbox(r.enabled());
        on.setId("on-" + r.id());
        on.setAriaLabel("Suggestions from " + r.title());
        on.setEnabled(curator);
        on.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            setEnabled(r.id(), e.getValue());
        });
        return on;
    }

    void setEnabled(String id, boolean enabled) {
        Notify.attempt(() -> suggestions.setEnabled(currentUser.require(), slug, id, enabled));
        showRecommenders();
    }

    /** Runs the evaluation on a background thread; the figures arrive through server push. */
    void evaluate() {
        Actor actor = currentUser.require();
        UI ui = UI.getCurrent();
        String project = slug;
        evaluate.setEnabled(false);
        progress.setVisible(true);
        status.setText("Training and measuring…");
        pending = CompletableFuture.supplyAsync(() -> suggestions.evaluate(actor, project), executor)
                .handle((report, error) -> {
                    try {
                        ui.access(() -> finish(report, error));
                    } catch (UIDetachedException gone) {
                        // the user left
                    }
                    return null;
                });
    }

    private void finish(EvaluationReport report, Throwable error) {
        evaluate.setEnabled(curator);
        progress.setVisible(false);
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            status.setText("");
            Notify.error(Notify.words(cause).orElseGet(() -> "Evaluation failed: " + cause));
            return;
        }
        show(report);
        showRecommenders();
    }

    void show(EvaluationReport report) {
        String when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
                .format(report.at().atZone(ZoneId.systemDefault()));
        if (report.note() != null) {
            status.setText(report.note() + " (" + when + ")");
            figures.setVisible(false);
            return;
        }
        status.setText(report.documents() + " documents in " + report.folds() + " groups, " + when);
        List<Row> rows = new ArrayList<>();
        for (EvaluationReport.RecommenderScores r : report.recommenders()) {
            rows.add(new Row(r.title(), "all labels", r.scores().overall()));
            r.scores().byLabel().forEach((label, c) -> rows.add(new Row(r.title(), label, c)));
        }
        figures.setItems(rows);
        figures.setVisible(true);
    }

    private static String learnt(RecommenderStatus r) {
        if (r.trainedAt() == null) {
            return "not trained yet";
        }
        if (r.trainedOn().isEmpty()) {
            return r.id().equals("patterns") ? "rules, no training" : "nothing yet (a label needs 3 spans)";
        }
        List<String> parts = new ArrayList<>();
        r.trainedOn().forEach((label, n) -> parts.add(n + " " + label));
        return String.join(", ", parts);
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.1f %%", value * 100);
    }
}
