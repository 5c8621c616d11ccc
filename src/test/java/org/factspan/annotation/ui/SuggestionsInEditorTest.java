package org.factspan.annotation.ui;

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
import org.factspan.suggest.SuggestionService;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Suggestions in the editor without a browser: they arrive in the background as ghosts; accepting one makes the
 * user's own span recorded as accepted, rejecting one removes it for good; both through the annotator's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
class SuggestionsInEditorTest extends SpringBrowserlessTest {

    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    AnnotationService annotations;
    @Autowired
    SuggestionService suggestionService;

    Actor carol;
    DocumentContent doc;

    @BeforeEach
    void pickDocument() {
        carol = users.findActor("carol").orElseThrow();
        doc = corpus.openDocument(carol, TestUsers.SEED_PROJECT,
                corpus.listDocuments(carol, TestUsers.SEED_PROJECT).get(4).id());
        clearSpans();
    }

    @AfterEach
    void clearSpans() {
        for (SpanInfo s : annotations.listMySpans(carol, TestUsers.SEED_PROJECT, doc.id())) {
            annotations.deleteSpan(carol, TestUsers.SEED_PROJECT, new DocumentId(doc.id()), new SpanId(s.id()));
        }
    }

    DocumentView open() throws Exception {
        DocumentView view = navigate("projects/" + TestUsers.SEED_PROJECT + "/documents/" + doc.id(), DocumentView.class);
        awaitSuggestions(view);
        return view;
    }

    /** Waits for the background computation and runs the UI update it handed over. */
    void awaitSuggestions(DocumentView view) throws Exception {
        view.suggestions.pending.get(30, TimeUnit.SECONDS);
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    String covered(TextAnnotator.ClientGhost g) {
        return doc.text().substring(doc.text().offsetByCodePoints(0, g.start()), doc.text().offsetByCodePoints(0, g.end()));
    }

    TextAnnotator.ClientGhost ghost(DocumentView view, String label, String text) {
        return view.annotator.getGhosts().stream().filter(g -> g.label().equals(label) && covered(g).equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no ghost " + label + " '" + text + "' in "
                        + view.annotator.getGhosts().stream().map(this::covered).toList()));
    }

    @Test
    @WithUserDetails("carol")
    void suggestionsArriveAsGhostsWithACount() throws Exception {
        DocumentView view = open();
        List<TextAnnotator.ClientGhost> ghosts = view.annotator.getGhosts();
        assertThat(ghosts).isNotEmpty();
        assertThat(ghosts).extracting(TextAnnotator.ClientGhost::label).contains("ATTRIBUTION", "SOURCE");
        // the patterns propose it; the statistical model may too (spans of other tests), and the surer one names it
        assertThat(ghost(view, "SOURCE", "Kassym-Jomart Tokayev").recommender()).isIn("patterns",
                "opennlp-name-finder");
        assertThat(view.suggestions.status.isVisible()).isTrue();
        assertThat(view.suggestions.status.getText()).isEqualTo(ghosts.size() + " suggestions");
    }

    @Test
    @WithUserDetails("carol")
    void acceptingAGhostMakesTheUsersOwnSpanRecordedAsAccepted() throws Exception {
        DocumentView view = open();
        TextAnnotator.ClientGhost tokayev = ghost(view, "SOURCE", "Kassym-Jomart Tokayev");
        int before = view.annotator.getGhosts().size();
        new EditorClient(view.binding).accept(tokayev.key());
        awaitSuggestions(view);

        List<SpanInfo> mine = annotations.listMySpans(carol, TestUsers.SEED_PROJECT, doc.id());
        assertThat(mine).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("SOURCE");
            assertThat(s.text()).isEqualTo("Kassym-Jomart Tokayev");
            assertThat(suggestionService.acceptedFrom(carol, TestUsers.SEED_PROJECT, new DocumentId(doc.id()), new SpanId(s.id())))
                    .contains(tokayev.recommender());
        });
        assertThat(view.annotator.getSpans()).extracting(TextAnnotator.ClientSpan::id).containsExactly(mine.getFirst()
                .id());
        assertThat(view.binding.spans()).extracting(SpanInfo::id).containsExactly(mine.getFirst().id());
        assertThat(view.annotator.getGhosts()).extracting(TextAnnotator.ClientGhost::key).doesNotContain(tokayev.key());
        assertThat(view.annotator.getGhosts()).hasSize(before - 1);
        // an accepted suggestion is an ordinary span: undo takes it away again
        view.undo();
        assertThat(annotations.listMySpans(carol, TestUsers.SEED_PROJECT, doc.id())).isEmpty();
    }

    @Test
    @WithUserDetails("carol")
    void rejectingAGhostRemovesItForGood() throws Exception {
        DocumentView view = open();
        TextAnnotator.ClientGhost cue = view.annotator.getGhosts().stream()
                .filter(g -> g.label().equals("ATTRIBUTION")).reduce((a, b) -> b).orElseThrow();
        new EditorClient(view.binding).reject(cue.key());
        assertThat(view.suggestions.current()).doesNotContainKey(cue.key());
        assertThat(annotations.listMySpans(carol, TestUsers.SEED_PROJECT, doc.id())).isEmpty();

        DocumentView again = open();
        assertThat(again.annotator.getGhosts()).extracting(TextAnnotator.ClientGhost::key).doesNotContain(cue.key())
                .isNotEmpty();
        assertThat(suggestionService.suggest(carol, TestUsers.SEED_PROJECT, doc.id()))
                .noneMatch(s -> s.key().equals(cue.key()));
    }

    @Test
    @WithUserDetails("carol")
    void anUnknownGhostChangesNothing() throws Exception {
        DocumentView view = open();
        new EditorClient(view.binding).accept("SOURCE:0:1");
        new EditorClient(view.binding).reject("nope");
        awaitSuggestions(view);
        assertThat(annotations.listMySpans(carol, TestUsers.SEED_PROJECT, doc.id())).isEmpty();
    }
}
