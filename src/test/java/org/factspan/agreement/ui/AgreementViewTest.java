package org.factspan.agreement.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.factspan.TestUsers;
import org.factspan.agreement.MeasureResult;
import org.factspan.agreement.SpanF1ExactMeasure;
import org.factspan.agreement.service.AgreementService;
import org.factspan.agreement.service.DocumentAgreement;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The agreement view without a browser: access, background computation, tables, heatmap, filters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
class AgreementViewTest extends SpringBrowserlessTest {

    static final String URL = "projects/" + TestUsers.SEED_PROJECT + "/agreement";

    @Autowired
    AnnotationService annotations;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    AgreementService agreement;

    /** Spans this test created, deleted afterwards so that other tests see the seed project as before. */
    final List<Runnable> cleanUp = new java.util.ArrayList<>();

    @AfterEach
    void deleteCreatedSpans() {
        cleanUp.forEach(Runnable::run);
    }

    Actor actor(String name) {
        return users.findActor(name).orElseThrow();
    }

    void span(String user, long document, int start, int end, String label) {
        SpanInfo created = annotations.createSpan(actor(user), TestUsers.SEED_PROJECT, document, start, end, label);
        cleanUp.add(() -> annotations.deleteSpan(actor(user), TestUsers.SEED_PROJECT, new DocumentId(document), new SpanId(created.id())));
    }

    /** Waits for the background computation and runs the UI update it handed over. */
    void awaitResult(AgreementView view) throws Exception {
        view.pending.get(30, TimeUnit.SECONDS);
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    @Test
    @WithUserDetails("carol")
    void aCuratorSeesEveryMeasureTheHeatmapAndTheDocumentsWorstFirst() throws Exception {
        List<DocumentSummary> documents = corpus.listDocuments(actor("carol"), TestUsers.SEED_PROJECT);
        long doc = documents.get(2).id();
        span("alice", doc, 700, 720, "CLAIM");
        span("bob", doc, 700, 720, "CLAIM");
        span("bob", doc, 730, 740, "SOURCE");

        AgreementView view = navigate(URL, AgreementView.class);
        awaitResult(view);
        assertThat(view.compute.isEnabled()).isTrue();
        assertThat(view.progress.isVisible()).isFalse();
        assertThat(view.status.getText()).contains("computed in").contains("5 documents");
        assertThat(view.overall.getListDataView().getItems().map(MeasureResult::id).toList())
                .containsExactlyElementsOf(agreement.measureIds());
        assertThat(view.report().annotators()).contains("alice", "bob");

        assertThat(view.heatmapMeasure.getValue()).isEqualTo(SpanF1ExactMeasure.ID);
        // names in words, a one-line definition on hover, the id kept for tools
        var name = view.measureName(org.factspan.agreement.CohenKappaMeasure.ID);
        assertThat(name.getText()).isEqualTo("Cohen's κ");
        assertThat(name.getElement().getAttribute("title")).contains("chance");
        assertThat(name.getElement().getAttribute("data-measure")).isEqualTo("cohen_kappa");
        assertThat(view.heatmapMeasure.getItemLabelGenerator().apply(SpanF1ExactMeasure.ID))
                .isEqualTo("Span F1 (exact)");
        int n = view.report().annotators().size();
        List<String> cells = view.heatmap.cellTexts();
        assertThat(cells).hasSize(n * n);
        for (int i = 0; i < n; i++) {
            assertThat(cells.get(i * n + i)).isEqualTo("—");
        }
        assertThat(cells).anySatisfy(c -> assertThat(c).matches("-?\\d\\.\\d{3}"));

        List<DocumentAgreement> listed = view.documents.getListDataView().getItems().toList();
        assertThat(listed).hasSize(5);
        assertThat(listed).isEqualTo(view.report().worstFirst());
        assertThat(listed).filteredOn(DocumentAgreement::defined).extracting(DocumentAgreement::value).isSorted();

        // Filters: one document, alice and bob only; 2·1/(1+2) on it.
        view.documentFilter.asMultiSelect().select(documents.get(2));
        view.annotatorFilter.asMultiSelect().select("alice", "bob");
        assertThat(view.filters.getSummaryText()).isEqualTo("Filters: 1 of the documents, alice, bob");
        test(view.compute).click();
        assertThat(view.progress.isVisible()).isTrue();
        awaitResult(view);
        assertThat(view.report().annotators()).containsExactly("alice", "bob");
        assertThat(view.documents.getListDataView().getItems().toList()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(doc);
            assertThat(d.value()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        });
        assertThat(view.heatmap.cellTexts()).containsExactly("—", "0.667", "0.667", "—");
        var grid = test(view.documents);
        assertThat(((Anchor) grid.getCellComponent(0, 0)).getHref())
                .isEqualTo("projects/" + TestUsers.SEED_PROJECT + "/documents/" + doc + "/curate");
        assertThat(grid.getCellText(0, 1)).isEqualTo("0.667");
    }

    /** One annotator: said in words ("1 annotator"), why nothing compares, and no empty per-label table or picker. */
    @Test
    @WithUserDetails("carol")
    void oneAnnotatorIsSaidPlainlyAndEmptyWidgetsAreHidden() throws Exception {
        List<DocumentSummary> documents = corpus.listDocuments(actor("carol"), TestUsers.SEED_PROJECT);
        span("alice", documents.get(2).id(), 700, 720, "CLAIM");
        span("bob", documents.get(2).id(), 730, 740, "SOURCE");
        AgreementView view = navigate(URL, AgreementView.class);
        awaitResult(view);
        assertThat(view.report().annotators()).contains("alice", "bob");
        assertThat(view.tooFew.isVisible()).isFalse();
        assertThat(view.byLabel.isVisible()).isTrue();
        assertThat(view.heatmapMeasure.isVisible()).isTrue();

        view.annotatorFilter.asMultiSelect().select("bob");
        test(view.compute).click();
        awaitResult(view);
        assertThat(view.status.getText()).startsWith("1 annotator (bob), ").doesNotContain("annotators");
        assertThat(view.tooFew.isVisible()).isTrue();
        assertThat(view.tooFew.getText()).contains("at least two annotators").contains("only bob has labeled them");
        assertThat(view.byLabel.isVisible()).isFalse();
        assertThat(view.byLabelTitle.isVisible()).isFalse();
        assertThat(view.heatmapMeasure.isVisible()).isFalse();
        assertThat(view.heatmap.isVisible()).isFalse();
        assertThat(view.pairsTitle.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("carol")
    void aRefusedComputationIsSaidInTheSharedStyle() throws Exception {
        AgreementView view = navigate(URL, AgreementView.class);
        awaitResult(view);
        // a document deleted by someone else after the page was opened
        view.documentFilter.select(new DocumentSummary(987_654_321L, "gone.txt", "Gone", 0, "", java.util.Map.of(),
                null));
        test(view.compute).click();
        awaitResult(view);
        Notification said = find(Notification.class).last();
        assertThat(test(said).getText()).isEqualTo("No document 987654321 in project " + TestUsers.SEED_PROJECT);
        assertThat(said.getThemeNames()).contains("error");
        assertThat(said.getPosition()).as("where every view says it (Notify)")
                .isEqualTo(Notification.Position.BOTTOM_START);
        assertThat(view.compute.isEnabled()).isTrue();
        assertThat(view.progress.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("alice")
    void anAnnotatorIsNotShownTheView() {
        Component shown = navigate(URL, Component.class);
        assertThat(shown).isNotInstanceOf(AgreementView.class);
        assertThat(shown.getClass().getSimpleName()).contains("NotFound");
        navigate("projects/" + TestUsers.SEED_PROJECT, DocumentListView.class);
        assertThat(find(Anchor.class).withId("agreement-link").all()).as("no visible link").isEmpty();
    }

    @Test
    @WithUserDetails("carol")
    void theDocumentListLinksCuratorsToTheView() {
        navigate("projects/" + TestUsers.SEED_PROJECT, DocumentListView.class);
        Anchor link = find(Anchor.class).withId("agreement-link").single();
        assertThat(link.isVisible()).isTrue();
        assertThat(link.getHref()).isEqualTo(URL);
    }
}
