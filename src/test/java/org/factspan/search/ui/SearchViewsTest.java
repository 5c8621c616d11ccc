package org.factspan.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Anchor;
import java.util.Set;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.search.SearchHit;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The search view without a browser (the recommenders view: {@code RecommendersViewTest}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
class SearchViewsTest extends SpringBrowserlessTest {

    static final String SEARCH = "projects/" + TestUsers.SEED_PROJECT + "/search";

    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    AnnotationService annotations;

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

    /** Opens the search view with {@code ?q=} as a link would. */
    SearchView search(String q) {
        com.vaadin.flow.component.UI.getCurrent().navigate(SearchView.class,
                new com.vaadin.flow.router.RouteParameters("slug", TestUsers.SEED_PROJECT),
                com.vaadin.flow.router.QueryParameters.of("q", q));
        return (SearchView) com.vaadin.flow.component.UI.getCurrent().getCurrentView();
    }

    @Test
    @WithUserDetails("alice")
    void annotatorsSearchTextAndTheirOwnSpans() {
        SearchView view = search("Pashinian");
        assertThat(view.query.getValue()).isEqualTo("Pashinian");
        assertThat(view.shown()).isNotEmpty();
        assertThat(view.summary.getText()).endsWith("hits");
        assertThat(view.annotators.isVisible()).isFalse();
        assertThat(view.rebuild.isVisible()).isFalse();
        SearchHit span = view.shown().stream().filter(h -> h.kind() == SearchHit.Kind.SPAN).findFirst().orElseThrow();
        assertThat(span.spanId()).isEqualTo(alicesSource.id());
        assertThat(view.link(span)).contains("?span=" + alicesSource.id());
        SearchHit text = view.shown().stream().filter(h -> h.kind() == SearchHit.Kind.DOCUMENT).findFirst().orElseThrow();
        assertThat(view.link(text)).matches(".*/documents/\\d+\\?from=\\d+&to=\\d+");
        Anchor card = (Anchor) view.results.getChildren().findFirst().orElseThrow();
        assertThat(card.getHref()).startsWith("projects/" + TestUsers.SEED_PROJECT + "/documents/");
        assertThat(card.getElement().getOuterHTML()).contains("<mark").contains("Pashinian");
    }

    @Test
    @WithUserDetails("alice")
    void filtersNarrowTheHitsAndBadQueriesSayWhy() {
        SearchView view = navigate(SEARCH, SearchView.class);
        view.labels.setValue(Set.of("SOURCE"));
        // other tests may have left spans of alice in the seed project: only hers, only sources
        assertThat(view.shown()).extracting(SearchHit::spanId).contains(alicesSource.id());
        assertThat(view.shown()).allSatisfy(h -> {
            assertThat(h.label()).isEqualTo("SOURCE");
            assertThat(h.annotator()).isEqualTo("alice");
        });
        view.labels.setValue(Set.of());
        view.query.setValue("\"unclosed");
        assertThat(view.query.isInvalid()).isTrue();
        assertThat(view.query.getErrorMessage()).contains("Cannot read the query");
    }

    @Test
    @WithUserDetails("carol")
    void curatorsFilterByAnnotatorAndOpenOthersSpansAsARange() {
        SearchView view = navigate(SEARCH, SearchView.class);
        assertThat(view.annotators.isVisible()).isTrue();
        view.annotators.setValue(Set.of("alice"));
        assertThat(view.shown()).extracting(SearchHit::spanId).contains(alicesSource.id());
        SearchHit hit = view.shown().stream().filter(h -> alicesSource.id() == h.spanId()).findFirst().orElseThrow();
        assertThat(view.link(hit)).endsWith("?from=" + alicesSource.start() + "&to=" + alicesSource.end());
    }

    @Test
    @WithUserDetails("admin")
    void adminsRebuildTheIndex() {
        SearchView view = search("Tokayev");
        int before = view.shown().size();
        assertThat(view.rebuild.isVisible()).isTrue();
        test(view.rebuild).click();
        assertThat(view.shown()).hasSize(before);
    }

    @Test
    @WithUserDetails("alice")
    void theDocumentListLinksToSearch() {
        DocumentListView list = navigate("projects/" + TestUsers.SEED_PROJECT, DocumentListView.class);
        Anchor link = find(Anchor.class).withId("search-link").single();
        assertThat(link.getHref()).isEqualTo(SEARCH);
        assertThat(find(Anchor.class).withId("recommenders-link").exists()).isFalse();
        assertThat(list).isNotNull();
    }
}
