package org.factspan.curation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Map;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.Provenance;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.curation.CurationService;
import org.factspan.curation.CurationStatus;
import org.factspan.curation.Disagreement;
import org.factspan.curation.DocumentCuration;
import org.factspan.curation.MergeMode;
import org.factspan.curation.ReviewStatus;
import org.factspan.curation.SeedCuration;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.factspan.corpus.DocumentId;
import org.factspan.base.Version;

/**
 * The curation view and the disagreement list without a browser. Each test logs in as the fixture's fresh curator
 * (see {@link SeedCuration}) by hand, since {@code @WithUserDetails} needs a user that exists before the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
class CurationViewTest extends SpringBrowserlessTest {

    @Autowired
    TestData testData;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CurationService curation;
    @Autowired
    javax.sql.DataSource data;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService details;

    SeedCuration s;

    @BeforeEach
    void fixture() {
        s = new SeedCuration(testData);
    }

    void loginAs(String username) {
        var user = details.loadUserByUsername(username);
        var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(user,
                user.getPassword(), user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    String url() {
        return "projects/" + s.slug + "/documents/" + s.doc + "/curate";
    }

    CurationView open() {
        loginAs(s.carol.username());
        return navigate(url(), CurationView.class);
    }

    long alice(String phrase) {
        return s.spans.get("alice " + phrase).id();
    }

    long bob(String phrase) {
        return s.spans.get("bob " + phrase).id();
    }

    @Test
    void startingMergesAndShowsGoldAndEveryVersion() {
        CurationView view = open();
        assertThat(view.startBox.isVisible()).isTrue();
        assertThat(view.workBox.isVisible()).isFalse();
        assertThat(view.status.getText()).isEqualTo("Not started");
        assertThat(view.startBox.mode.getValue()).isEqualTo(MergeMode.UNANIMOUS);
        assertThat(view.startBox.threshold.isEnabled()).isFalse();
        test(view.startBox.start).click();
        assertThat(view.workBox.isVisible()).isTrue();
        assertThat(view.status.getText()).isEqualTo("In progress");
        assertThat(view.gold.getSpans()).hasSize(3);
        assertThat(view.texts).hasSize(2).containsKeys(s.alice.username(), s.bob.username());
        assertThat(view.openCount.getText()).isEqualTo("5 open disagreements");
        assertThat(view.version.getText()).startsWith("version 1");
        assertThat(view.markCurated.isVisible()).isTrue();
        assertThat(curation.read(s.carol, s.slug, s.doc, false).gold()).allSatisfy(
                g -> assertThat(g.provenance().kind()).isEqualTo(Provenance.Kind.UNANIMOUS));
    }

    @Test
    void majorityStartAndAcceptRejectFromThePanelAndKeys() {
        CurationView view = open();
        test(view.startBox.mode).selectItem("also what a majority agrees on");
        assertThat(view.startBox.threshold.isEnabled()).isTrue();
        test(view.startBox.start).click();
        assertThat(view.state().merge().mode()).isEqualTo(MergeMode.MAJORITY);

        view.selectUnit(alice("terrorist groups"));
        assertThat(view.unit()).isEqualTo(alice("terrorist groups"));
        assertThat(view.state().positions().get(view.position()).spans())
                .containsExactlyInAnyOrder(alice("terrorist groups"), bob("terrorist groups"));
        Button accept = find(Button.class).withId("accept-" + bob("terrorist groups")).single();
        test(accept).click();
        DocumentCuration after = view.state();
        assertThat(after.span(bob("terrorist groups")).orElseThrow().status()).isEqualTo(ReviewStatus.ACCEPTED);
        assertThat(after.gold()).filteredOn(g -> g.text().equals("terrorist groups")).singleElement().satisfies(g -> {
            assertThat(g.label()).isEqualTo("SOURCE");
            assertThat(g.provenance().kind()).isEqualTo(Provenance.Kind.ADJUDICATED);
            assertThat(g.provenance().curator()).isEqualTo(s.carol.username());
        });
        assertThat(view.gold.getSpans()).hasSize(4);

        // Enter accepts the selected version (alice's label replaces bob's); Del rejects, again takes it back.
        view.selectUnit(alice("terrorist groups"));
        view.acceptSelected();
        assertThat(view.state().gold()).filteredOn(g -> g.text().equals("terrorist groups")).singleElement()
                .satisfies(g -> assertThat(g.label()).isEqualTo("CLAIM"));
        view.selectUnit(alice("protesters angry over rising fuel prices stormed government buildings"));
        view.toggleRejectSelected();
        assertThat(view.state().span(view.unit()).orElseThrow().status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(find(Button.class).withId("reject-" + view.unit()).single().getText()).isEqualTo("Undo reject");
        view.toggleRejectSelected();
        assertThat(view.state().span(view.unit()).orElseThrow().status()).isEqualTo(ReviewStatus.INCOMPLETE);

        // Attributions of the selected claim can be accepted too.
        view.selectUnit(alice("it would send peacekeepers to \"stabilize\" Kazakhstan"));
        long triple = view.state().attributions().stream()
                .filter(a -> a.content() == alice("it would send peacekeepers to \"stabilize\" Kazakhstan"))
                .findFirst().orElseThrow().id();
        test(find(Button.class).withId("accept-attribution-" + triple).single()).click();
        assertThat(view.state().goldAttributions()).singleElement()
                .satisfies(a -> assertThat(a.provenance().kind()).isEqualTo(Provenance.Kind.ADJUDICATED));
    }

    @Test
    void editingGoldDirectlyWithUndoAndTheSelectedGoldSpan() {
        CurationView view = open();
        test(view.startBox.start).click();
        int start = s.at("energy-rich Kazakhstan");
        view.gold.getElement().getNode(); // attached
        new org.factspan.annotation.ui.EditorClient(view.goldBinding).create(start,
                start + "energy-rich Kazakhstan".length(), "CLAIM");
        DocumentCuration c = view.state();
        var created = c.gold().stream().filter(g -> g.text().equals("energy-rich Kazakhstan")).findFirst()
                .orElseThrow();
        assertThat(created.provenance().kind()).isEqualTo(Provenance.Kind.CURATOR);
        assertThat(view.undo.isEnabled()).isTrue();

        view.selectGold(created.id());
        assertThat(find(Component.class).withId("gold-editor").single().isVisible()).isTrue();
        view.goldBinding.setAttribute(created.id(), "verdict", "refuted");
        assertThat(view.state().goldSpan(created.id()).orElseThrow().attributes()).containsEntry("verdict", "refuted");
        test(view.undo).click();
        assertThat(view.state().goldSpan(created.id()).orElseThrow().attributes()).doesNotContainKey("verdict");
        test(view.undo).click();
        assertThat(view.state().gold()).noneMatch(g -> g.text().equals("energy-rich Kazakhstan"));
        test(view.redo).click();
        assertThat(view.state().gold()).anyMatch(g -> g.text().equals("energy-rich Kazakhstan"));
    }

    @Test
    void anotherCuratorsChangeShowsUpLiveAndIsNeverOverwritten() {
        CurationView view = open();
        test(view.startBox.start).click();
        long before = view.state().version();
        // Another curator (an admin) changes the gold standard meanwhile: the view follows within a second.
        var admin = users.findActor("admin").orElseThrow();
        curation.createGoldSpan(admin, s.slug, new DocumentId(s.doc), new Version(before), 0, 7, "CLAIM", Map.of());
        VaadinSession session = VaadinSession.getCurrent();
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            return view.state().version() == before + 1;
        });
        assertThat(view.version.getText()).contains("last change by admin");
        assertThat(view.goldBinding.spans()).anyMatch(g -> g.start() == 0 && g.end() == 7);
        // A change based on what the view shows now is accepted, and the admin's span stays.
        view.selectUnit(alice("terrorist groups"));
        test(find(Button.class).withId("accept-" + alice("terrorist groups")).single()).click();
        assertThat(view.state().gold()).anyMatch(g -> g.text().equals("terrorist groups"));
        assertThat(view.state().gold()).anyMatch(g -> g.start() == 0 && g.end() == 7);
        assertThat(view.state().version()).isEqualTo(before + 2);
    }

    @Test
    void aChangeBasedOnAnOldVersionIsRefusedInWordsAndNothingIsOverwritten() {
        CurationView view = open();
        test(view.startBox.start).click();
        long before = view.state().version();
        var admin = users.findActor("admin").orElseThrow();
        // the admin's change lands between the view's last look and the curator's edit
        curation.createGoldSpan(admin, s.slug, new DocumentId(s.doc), new Version(before), 0, 7, "CLAIM", Map.of());
        int start = s.at("energy-rich Kazakhstan");
        new org.factspan.annotation.ui.EditorClient(view.goldBinding).create(start,
                start + "energy-rich Kazakhstan".length(), "CLAIM");
        // the test holds the session: the live update has not run yet, so the view's version is the old one
        assertThat(view.state().gold()).noneMatch(g -> g.text().equals("energy-rich Kazakhstan"));
        Notification shown = find(Notification.class).last();
        assertThat(test(shown).getText()).contains("changed by admin").contains("reloaded");
        assertThat(view.state().gold()).anyMatch(g -> g.start() == 0 && g.end() == 7);
        assertThat(view.goldBinding.spans()).anyMatch(g -> g.start() == 0 && g.end() == 7);
    }

    @Test
    void theKeyboardWalkVisitsExactlyTheOpenPlacesTheHeaderCountsAndRestLists() {
        CurationView view = open();
        test(view.startBox.start).click();
        long header = view.state().openPositions();
        assertThat(view.openCount.getText()).isEqualTo(header + " open disagreements");
        List<Disagreement> listed = curation.disagreements(s.carol, s.slug,
                new org.factspan.curation.CurationService.DisagreementFilter(s.doc, null, null, false), false);
        java.util.Set<Integer> visited = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 50; i++) {
            view.step(1);
            if (!visited.add(view.place().index())) {
                break;
            }
        }
        assertThat(visited).hasSize((int) header);
        assertThat(listed).hasSize((int) header);
        assertThat(visited.stream().map(i -> view.state().places().get(i).kind()).toList())
                .as("attribution places are walked too").contains(Disagreement.Kind.ATTRIBUTION_INCOMPLETE);
        // the walk backwards visits the same places
        java.util.Set<Integer> back = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 50; i++) {
            view.step(-1);
            if (!back.add(view.place().index())) {
                break;
            }
        }
        assertThat(back).containsExactlyInAnyOrderElementsOf(visited);
    }

    /** The walk reaches attribution places, where Enter and Del act on the triple: the keyboard settles every kind. */
    @Test
    void enterAndDelSettleAnAttributionPlaceTheWalkReached() {
        CurationView view = open();
        test(view.startBox.start).click();
        for (int i = 0; i < 50 && (view.place() == null || view.place().triple() < 0); i++) {
            view.step(1);
        }
        var place = view.place();
        assertThat(place.triple()).as("an attribution place").isNotNegative();
        Long attribution = view.navigation.attribution();
        assertThat(attribution).isEqualTo(view.state().triples().get(place.triple()).attributions().getFirst());
        view.toggleRejectSelected();
        assertThat(view.state().attributions()).filteredOn(a -> a.id() == attribution).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ReviewStatus.REJECTED));
        view.toggleRejectSelected();
        view.acceptSelected();
        assertThat(view.state().attributions()).filteredOn(a -> a.id() == attribution).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ReviewStatus.ACCEPTED));
        // a click on a span selects the span again: Enter then acts on the span, not on a triple
        view.selectUnit(view.state().spans().getFirst().id());
        assertThat(view.navigation.attribution()).isNull();
    }

    @Test
    void markingCuratedMakesGoldReadOnlyUntilReopened() {
        CurationView view = open();
        test(view.startBox.start).click();
        long open = view.state().openPositions();
        assertThat(open).isPositive();
        test(view.markCurated).click();
        assertThat(view.state().status()).as("refused while places are open").isEqualTo(CurationStatus.IN_PROGRESS);
        assertThat(view.actions.refusal).isNotNull();
        assertThat(find(Div.class).withId("open-places").single().getChildren().count()).isEqualTo(open);
        Button anyway = find(Button.class).withId("curate-anyway").single();
        assertThat(anyway.getText()).isEqualTo("Curate anyway, " + open + " open");
        test(anyway).click();
        assertThat(view.state().status()).isEqualTo(CurationStatus.CURATED);
        Notification said = find(Notification.class).last();
        assertThat(test(said).getText()).as("in its words").isEqualTo("Marked curated with open places (recorded)");
        assertThat(said.getThemeNames()).as("a success in the shared style (Notify)").contains("success");
        assertThat(said.getPosition()).isEqualTo(Notification.Position.BOTTOM_START);
        assertThat(view.curatedOpen.isVisible()).isTrue();
        assertThat(view.curatedOpen.getText()).isEqualTo("curated anyway with " + open + " places open");
        assertThat(view.status.getText()).startsWith("Curated by " + s.carol.username());
        assertThat(view.reopen.isVisible()).isTrue();
        assertThat(view.markCurated.isVisible()).isFalse();
        view.selectUnit(alice("terrorist groups"));
        assertThat(find(Button.class).withId("accept-" + alice("terrorist groups")).single().isEnabled()).isFalse();
        Button reject = find(Button.class).withId("reject-" + alice("terrorist groups")).single();
        assertThat(reject.isEnabled()).as("disabled, with the reason").isFalse();
        assertThat(reject.getElement().getAttribute("title")).contains("reopen");
        assertThat(find(Button.class).withId("panel-reopen").single().isEnabled()).isTrue();
        view.toggleRejectSelected();
        assertThat(view.state().span(alice("terrorist groups")).orElseThrow().status())
                .isNotEqualTo(org.factspan.curation.ReviewStatus.REJECTED);
        view.acceptSelected();
        assertThat(view.state().gold()).noneMatch(g -> g.text().equals("terrorist groups"));
        test(view.reopen).click();
        assertThat(view.state().status()).isEqualTo(CurationStatus.IN_PROGRESS);
        assertThat(find(Button.class).withId("accept-" + alice("terrorist groups")).single().isEnabled()).isTrue();
    }

    @Test
    void namesCanBeHiddenAndAPlaceSelectedByUrl() {
        CurationView view = open();
        test(view.startBox.start).click();
        test(view.anonymous).click();
        assertThat(view.state().annotators()).allSatisfy(a -> assertThat(a).startsWith("Annotator "));
        assertThat(view.texts.keySet()).allSatisfy(a -> assertThat(a).startsWith("Annotator "));

        int start = s.at("terrorist groups");
        com.vaadin.flow.component.UI.getCurrent().navigate(url(),
                com.vaadin.flow.router.QueryParameters.simple(Map.of("at", start + "-" + (start + 16))));
        CurationView at = (CurationView) com.vaadin.flow.component.UI.getCurrent().getCurrentView();
        assertThat(at.position()).isNotNegative();
        var p = at.state().positions().get(at.position());
        assertThat(p.start()).isEqualTo(start);
        assertThat(at.unit()).isIn(p.spans());
        assertThat(find(Component.class).withId("position-title").single()).isNotNull();
        at.step(1);
        assertThat(at.state().positions().get(at.position()).kind()).isNotEqualTo(
                org.factspan.diff.PositionKind.AGREE);
    }

    @Test
    void annotatorsAreNotShownTheViews() {
        loginAs(s.alice.username());
        Component shown = navigate(url(), Component.class);
        assertThat(shown).isNotInstanceOf(CurationView.class);
        assertThat(shown.getClass().getSimpleName()).contains("NotFound");
        Component list = navigate("projects/" + s.slug + "/disagreements", Component.class);
        assertThat(list).isNotInstanceOf(DisagreementsView.class);
        navigate("projects/" + s.slug, DocumentListView.class);
        assertThat(find(Anchor.class).withId("disagreements-link").all()).as("no visible link").isEmpty();
        assertThat(curation.read(s.carol, s.slug, s.doc, false).status()).isEqualTo(CurationStatus.NOT_STARTED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDisagreementListSortsFiltersAndLinksIntoCuration() {
        loginAs(s.carol.username());
        DocumentListView documents = navigate("projects/" + s.slug, DocumentListView.class);
        Anchor link = find(Anchor.class).withId("disagreements-link").single();
        assertThat(link.getHref()).isEqualTo("projects/" + s.slug + "/disagreements");
        Grid<?> docs = find(Grid.class).withId("documents").single();
        assertThat(((Anchor) test(docs).getCellComponent(0, 5)).getHref()).isEqualTo(url());
        assertThat(documents).isNotNull();

        DisagreementsView view = navigate("projects/" + s.slug + "/disagreements", DisagreementsView.class);
        List<Disagreement> rows = view.rows();
        assertThat(rows).extracting(Disagreement::kind).containsExactly(Disagreement.Kind.LABEL_CONFLICT,
                Disagreement.Kind.LABEL_CONFLICT, Disagreement.Kind.BOUNDARY_CONFLICT, Disagreement.Kind.INCOMPLETE,
                Disagreement.Kind.ATTRIBUTION_INCOMPLETE, Disagreement.Kind.ATTRIBUTION_INCOMPLETE);
        assertThat(view.summary.getText()).isEqualTo("6 open disagreements in 2 documents");
        Disagreement first = rows.stream().filter(d -> d.documentId() == s.doc).findFirst().orElseThrow();
        assertThat(view.link(first)).isEqualTo(url() + "?at=" + first.start() + "-" + first.end() + "&kind="
                + first.kind().id());

        test(view.label).selectItem("ATTRIBUTION");
        assertThat(view.rows()).singleElement().satisfies(d -> assertThat(d.documentId()).isEqualTo(s.other));
        view.label.clear();
        test(view.annotator).selectItem(s.alice.username());
        assertThat(view.rows()).allSatisfy(d -> assertThat(d.annotators()).contains(s.alice.username()));
        view.annotator.clear();
        view.document.setValue(corpus.listDocuments(s.carol, s.slug).stream().filter(d -> d.id() == s.doc)
                .findFirst().orElseThrow());
        assertThat(view.rows()).hasSize(5).allSatisfy(d -> assertThat(d.documentId()).isEqualTo(s.doc));
        test(view.anonymous).click();
        assertThat(view.rows()).allSatisfy(d -> assertThat(d.annotators()).allSatisfy(
                n -> assertThat(n).startsWith("Annotator ")));

        // Settled places leave the list unless asked for.
        curation.open(s.carol, s.slug, s.doc, org.factspan.curation.MergeOptions.unanimous(), false);
        long v = curation.read(s.carol, s.slug, s.doc, false).version();
        curation.accept(s.carol, s.slug, new DocumentId(s.doc), new Version(v), org.factspan.curation.Accept.span(alice("terrorist groups")));
        view.refresh();
        assertThat(view.rows()).hasSize(4);
        test(view.settled).click();
        assertThat(view.rows()).hasSize(5).filteredOn(Disagreement::settled).hasSize(1);
        assertThat(VaadinSession.getCurrent()).isNotNull();
        assertThat(TestUsers.SEED_PROJECT).isNotEmpty();
    }

    @Test
    void aBrokenTripleIsListedWithTheDisagreementsAndACuratorDeletesIt() throws Exception {
        // a triple whose content span is gone, as a create racing a delete left them on H2 (decision 016)
        long broken = org.factspan.BrokenRows.triple(data, s.doc, s.alice.userId(), null, null, 987_654_321L);
        loginAs(s.carol.username());
        DisagreementsView view = navigate("projects/" + s.slug + "/disagreements", DisagreementsView.class);
        assertThat(view.rows()).isNotEmpty();
        assertThat(view.broken.isVisible()).isTrue();
        assertThat(view.broken.getElement().getTextRecursively()).contains("Triple " + broken + " of "
                + s.alice.username()).contains("span 987654321 is gone");
        test(find(Button.class).withId("repair-" + broken).single()).click();
        assertThat(view.broken.isVisible()).isFalse();
        assertThat(annotations.brokenAttributions(s.carol, s.slug)).isEmpty();
    }
}
