package org.factspan.suggest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentId;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.factspan.suggest.PatternRecommender;
import org.factspan.suggest.SuggestionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The recommenders view without a browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
class RecommendersViewTest extends SpringBrowserlessTest {

    static final String RECOMMENDERS = "projects/" + TestUsers.SEED_PROJECT + "/recommenders";

    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    AnnotationService annotations;
    @Autowired
    SuggestionService suggestions;

    DocumentContent doc;
    SpanInfo alicesSource;

    @BeforeEach
    void labelOne() {
        Actor alice = users.findActor("alice").orElseThrow();
        doc = corpus.openDocument(alice, TestUsers.SEED_PROJECT, corpus.listDocuments(alice, TestUsers.SEED_PROJECT)
                .get(1).id());
        int start = doc.text().indexOf("Nikol Pashinian");
        alicesSource = annotations.createSpan(alice, TestUsers.SEED_PROJECT, doc.id(), start, start + 15, "SOURCE");
    }

    @AfterEach
    void removeIt() {
        annotations.deleteSpan(users.findActor("alice").orElseThrow(), TestUsers.SEED_PROJECT, new DocumentId(doc.id()),
                new SpanId(alicesSource.id()));
    }

    @Test
    @WithUserDetails("carol")
    void curatorsSwitchRecommendersAndSeeTheirFigures() throws Exception {
        RecommendersView view = navigate(RECOMMENDERS, RecommendersView.class);
        assertThat(view.recommenders.getListDataView().getItems().map(r -> r.id()).toList())
                .containsExactly(PatternRecommender.ID, "opennlp-name-finder");
        view.setEnabled(PatternRecommender.ID, false);
        Actor carol = users.findActor("carol").orElseThrow();
        assertThat(suggestions.recommenders(carol, TestUsers.SEED_PROJECT).getFirst().enabled()).isFalse();
        view.setEnabled(PatternRecommender.ID, true);
        assertThat(suggestions.recommenders(carol, TestUsers.SEED_PROJECT).getFirst().enabled()).isTrue();

        // how many documents have spans depends on the other tests in this context: a table, or the reason for none
        test(view.evaluate).click();
        view.pending.get(60, TimeUnit.SECONDS);
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
        assertThat(view.evaluate.isEnabled()).isTrue();
        if (view.figures.isVisible()) {
            assertThat(view.status.getText()).matches("\\d+ documents in \\d+ groups, .*");
            assertThat(view.figures.getListDataView().getItems().map(RecommendersView.Row::recommender).distinct()
                    .toList()).containsExactly("Attribution patterns", "Learnt from the team (OpenNLP)");
        } else {
            assertThat(view.status.getText()).contains("at least two documents");
        }
    }

    @Test
    @WithUserDetails("alice")
    void annotatorsSeeRecommendersButCannotSwitchThem() {
        RecommendersView view = navigate(RECOMMENDERS, RecommendersView.class);
        assertThat(view.evaluate.isEnabled()).isFalse();
        assertThat(view.rights.getText()).contains("Only curators");
        view.setEnabled(PatternRecommender.ID, false);
        assertThat(suggestions.recommenders(users.findActor("alice").orElseThrow(), TestUsers.SEED_PROJECT)
                .getFirst().enabled()).isTrue();
        List<?> items = view.recommenders.getListDataView().getItems().toList();
        assertThat(items).hasSize(2);
    }
}
