package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Set;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.ui.DocumentView;
import org.factspan.annotation.ui.TextAnnotator;
import org.factspan.claims.ClaimService;
import org.factspan.claims.ui.ClaimBoardView;
import org.factspan.corpus.CorpusService;
import org.factspan.curation.CurationService;
import org.factspan.export.ui.ExportView;
import org.factspan.search.ui.SearchView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Issue 8 in the UI: an annotator's editor shows her own spans only (not the other annotator's, not gold), the search
 * view finds no span of his, the claim board hides a cluster drawn from his span on a document not yet curated (and
 * shows the one on a curated document, without names), and the export dialog offers her own set only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnotatorsStayBlindViewTest extends SpringBrowserlessTest {

    static final String CURATOR = "blind-ui-curator";
    static final String ANNOTATOR = "blind-ui-annotator";
    static final String ANNOTATOR2 = "blind-ui-annotator2";
    static final String SPARE = "blind-ui-spare";

    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CurationService curation;
    @Autowired
    ClaimService claims;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserService users;

    MatrixWorld w;
    long bobsSource;

    @BeforeAll
    void world() {
        for (String name : List.of(CURATOR, ANNOTATOR, ANNOTATOR2, SPARE)) {
            data.userOnce(name, name, TestUsers.DEMO_PASSWORD, name.equals(CURATOR) ? Role.CURATOR : Role.ANNOTATOR);
        }
        Actor bob = actor(ANNOTATOR2);
        w = new MatrixWorld("blindui", new MatrixWorld.Services(data, curation, claims, tokens), new MatrixWorld.Team(actor(CURATOR), actor(ANNOTATOR), bob, actor(SPARE), actor("admin")));
        bobsSource = annotations.listMySpans(bob, w.slug, w.doc).stream().filter(s -> s.label().equals("SOURCE"))
                .findFirst().orElseThrow().id();
        // a cluster drawn from bob's claim on the first article, which is not curated yet
        claims.create(actor(CURATOR), w.slug, "Secret statement from an uncurated article", List.of(w.otherClaim));
    }

    Actor actor(String name) {
        return users.findActor(name).orElseThrow();
    }

    @Test
    @WithUserDetails(ANNOTATOR)
    void theEditorShowsHerOwnSpansOnly() {
        navigate("projects/" + w.slug + "/documents/" + w.doc, DocumentView.class);
        List<Long> shown = find(TextAnnotator.class).single().getSpans().stream().map(TextAnnotator.ClientSpan::id)
                .toList();
        assertThat(shown).containsExactlyInAnyOrder(w.annClaim, w.annSource);
    }

    @Test
    @WithUserDetails(ANNOTATOR)
    void searchShowsTheTextButNoSpanOfHis() {
        UI.getCurrent().navigate(SearchView.class, new RouteParameters("slug", w.slug),
                QueryParameters.of("q", "Kazakhstan"));
        String html = UI.getCurrent().getCurrentView().getElement().getOuterHTML();
        List<String> links = find(Anchor.class).all().stream().map(Anchor::getHref).toList();
        assertThat(links).as("hits").anyMatch(l -> l.contains("/documents/" + w.doc));
        for (long his : Set.of(w.otherClaim, bobsSource)) {
            assertThat(links).noneMatch(l -> l.contains("span=" + his));
        }
        assertThat(html).doesNotContain(ANNOTATOR2);
    }

    @Test
    @WithUserDetails(ANNOTATOR)
    void theClaimBoardShowsOnlyClustersOfCuratedDocuments() {
        ClaimBoardView view = navigate("projects/" + w.slug + "/claims", ClaimBoardView.class);
        String html = view.getElement().getOuterHTML();
        assertThat(html).contains("What the matrix says").doesNotContain("Secret statement").doesNotContain(ANNOTATOR2)
                .doesNotContain(CURATOR + "\"");
    }

    @Test
    @WithUserDetails(ANNOTATOR)
    @SuppressWarnings("unchecked")
    void theExportDialogOffersHerOwnSetOnly() {
        navigate("projects/" + w.slug + "/export", ExportView.class);
        Select<String> set = find(Select.class).withId("export-set").single();
        assertThat(set.getListDataView().getItems().toList()).containsExactly(ANNOTATOR);
    }

    @Test
    @WithUserDetails(CURATOR)
    @SuppressWarnings("unchecked")
    void aCuratorSeesBothInTheExportDialogAndTheClaimBoard() {
        navigate("projects/" + w.slug + "/export", ExportView.class);
        Select<String> set = find(Select.class).withId("export-set").single();
        assertThat(set.getListDataView().getItems().toList()).contains("all", ANNOTATOR, ANNOTATOR2);
        ClaimBoardView view = navigate("projects/" + w.slug + "/claims", ClaimBoardView.class);
        assertThat(view.getElement().getOuterHTML()).contains("Secret statement");
    }
}
