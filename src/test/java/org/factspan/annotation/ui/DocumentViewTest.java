package org.factspan.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import org.factspan.TestData;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ProjectSummary;
import com.vaadin.flow.component.notification.Notification;
import org.factspan.TestUsers;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.corpus.ui.ProjectsView;
import org.factspan.security.UserService;
import org.factspan.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;
import org.factspan.corpus.DocumentId;
import org.factspan.annotation.SpanId;

/** The views without a browser: access rules, and labeling through the view's server API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
@SuppressWarnings("unchecked")
class DocumentViewTest extends SpringBrowserlessTest {

    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    org.factspan.annotation.AnnotationService annotations;

    long seedDocument(int index) {
        return corpus.listDocuments(users.findActor("admin").orElseThrow(), TestUsers.SEED_PROJECT).get(index).id();
    }

    String documentUrl(long id) {
        return "projects/" + TestUsers.SEED_PROJECT + "/documents/" + id;
    }

    @Test
    @WithAnonymousUser
    void anonymousUsersAreSentToTheLoginView() {
        assertThat(navigate("", LoginView.class)).isInstanceOf(LoginView.class);
        assertThat(navigate("projects/" + TestUsers.SEED_PROJECT, LoginView.class)).isInstanceOf(LoginView.class);
        assertThat(navigate(documentUrl(seedDocument(0)), LoginView.class)).isInstanceOf(LoginView.class);
    }

    @Test
    @WithUserDetails("alice")
    void annotatorSeesTheProjectAndItsDocuments() {
        navigate(ProjectsView.class);
        Grid<ProjectSummary> projects = find(Grid.class).withId("projects").single();
        assertThat(projects.getListDataView().getItems().map(ProjectSummary::slug).toList())
                .containsExactly(TestUsers.SEED_PROJECT);
        navigate("projects/" + TestUsers.SEED_PROJECT, DocumentListView.class);
        Grid<DocumentSummary> documents = find(Grid.class).withId("documents").single();
        assertThat(documents.getListDataView().getItemCount()).isEqualTo(5);
    }

    @Test
    @WithUserDetails("alice")
    void anotherProjectIsNotShownToANonMember() {
        String slug = "closed-" + System.nanoTime();
        long doc = data.project(slug).name("Closed").labels(TestData.claimOnly()).document("c.txt", "Closed text.")
                .build().document("c.txt");
        Component shown = navigate("projects/" + slug, Component.class);
        assertThat(shown).isNotInstanceOf(DocumentListView.class);
        assertThat(shown.getClass().getSimpleName()).contains("NotFound");
        assertThat(navigate("projects/" + slug + "/documents/" + doc, Component.class)).isNotInstanceOf(DocumentView.class);
    }

    @Test
    @WithUserDetails("alice")
    void labelingThroughTheViewStoresAndShowsTheSpan() {
        long id = seedDocument(1);
        DocumentView view = navigate(documentUrl(id), DocumentView.class);
        int before = view.annotator.getSpans().size();
        new EditorClient(view.binding).create(0, 13, "CLAIM");
        assertThat(view.annotator.getSpans()).hasSize(before + 1);
        assertThat(view.spans()).anySatisfy(s -> {
            assertThat(s.text()).isEqualTo("Accessibility");
            assertThat(s.label()).isEqualTo("CLAIM");
        });

        // A new view of the same document (a reload) shows the stored span.
        DocumentView reloaded = navigate(documentUrl(id), DocumentView.class);
        assertThat(reloaded.annotator.getSpans()).anySatisfy(s -> assertThat(s.start()).isZero());

        // Selecting the span and pressing Del deletes it.
        long spanId = reloaded.annotator.getSpans().stream().filter(s -> s.start() == 0 && s.end() == 13)
                .findFirst().orElseThrow().id();
        EditorClient client = new EditorClient(reloaded.binding);
        client.select(spanId);
        client.delete(spanId, false);
        assertThat(reloaded.annotator.getSpans()).noneSatisfy(s -> assertThat(s.id()).isEqualTo(spanId));
    }

    @Test
    @WithUserDetails("alice")
    void aRefusedSpanShowsAMessageAndStoresNothing() {
        long id = seedDocument(2);
        DocumentView view = navigate(documentUrl(id), DocumentView.class);
        int before = view.spans().size();
        new EditorClient(view.binding).create(4, 2, "CLAIM");
        assertThat(view.spans()).hasSize(before);
        assertThat(find(Notification.class).all()).isNotEmpty();
    }

    @Test
    @WithUserDetails("bob")
    void anAnnotatorDoesNotSeeAnothersSpans() {
        long id = seedDocument(3);
        annotations.createSpan(users.findActor("alice").orElseThrow(), TestUsers.SEED_PROJECT, id, 0, 5, "SOURCE");
        DocumentView bobs = navigate(documentUrl(id), DocumentView.class);
        assertThat(bobs.annotator.getSpans()).isEmpty();
    }

    @Test
    @WithUserDetails("alice")
    void aStaleEditIsReconciledAndExplainedInWordsNeverNoSpanN() {
        long id = seedDocument(0);
        var alice = users.findActor("alice").orElseThrow();
        String text = corpus.openDocument(alice, TestUsers.SEED_PROJECT, id).text();
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z-]+").matcher(text);
        assertThat(first.find()).isTrue();
        String word = first.group();
        int start = text.codePointCount(0, first.start());
        int end = start + word.length();
        DocumentView view = navigate(documentUrl(id), DocumentView.class);
        EditorClient client = new EditorClient(view.binding);
        long span = client.create(start, end, "CLAIM");
        // the same span deleted in another window before this one heard of it
        annotations.deleteSpan(alice, TestUsers.SEED_PROJECT, new DocumentId(id), new SpanId(span));
        client.delete(span, false);
        assertThat(test(find(Notification.class).last()).getText()).contains("changed elsewhere")
                .doesNotContain("No span").doesNotContainPattern("\\d");
        assertThat(view.spans()).noneMatch(s -> s.id() == span);
        // a duplicate is refused and named by its words, not by offsets or ids
        long again = client.create(start, end, "CLAIM");
        client.create(start, end, "CLAIM");
        assertThat(test(find(Notification.class).last()).getText()).contains("‘" + word + "’")
                .doesNotContain(start + ".." + end);
        assertThat(view.spans()).filteredOn(s -> s.start() == start && s.end() == end).hasSize(1);
        annotations.deleteSpan(alice, TestUsers.SEED_PROJECT, new DocumentId(id), new SpanId(again));
    }
}
