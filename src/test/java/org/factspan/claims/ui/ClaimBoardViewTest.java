package org.factspan.claims.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.annotation.SpanInfo;
import org.factspan.claims.ClaimViews;
import org.factspan.corpus.CorpusService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The claim board without a browser: build a cluster from a claim and a suggestion, see its conflict, filter. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
class ClaimBoardViewTest extends SpringBrowserlessTest {

    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;

    FreshProject p;
    SpanInfo eight;
    SpanInfo thirteen;

    @BeforeEach
    void claims() {
        p = data.fresh("board");
        eight = p.label(p.annotator, "001_df33a49b151eb0e2.txt",
                "eight police and national guard troops were killed", "CLAIM");
        thirteen = p.label(p.annotator, "002_7de7c1baf47c190f.txt",
                "more than 350 security officers had been wounded and 13 killed", "CLAIM");
        p.label(p.annotator, "003_e83fa0ec37095518.txt",
                "The government has resigned in response to the unrest", "CLAIM");
    }

    @Test
    @WithUserDetails("admin")
    @SuppressWarnings("unchecked")
    void aCuratorBuildsAClusterFromAClaimAndASuggestionAndSeesTheConflict() {
        ClaimBoardView view = navigate("projects/" + p.slug + "/claims", ClaimBoardView.class);
        assertThat(view.shown()).isEmpty();
        assertThat(view.newCluster.isVisible()).isTrue();

        test(view.newCluster).click();
        roundTrip(); // the dialog attaches its content on the way to the client
        Grid<ClaimViews.ClaimChoice> choices = descendants(view.dialog, Grid.class).get(0);
        ClaimViews.ClaimChoice first = choices.getListDataView().getItems()
                .filter(c -> c.spanId() == eight.id()).findFirst().orElseThrow();
        choices.select(first);
        test(view.create).click();
        roundTrip();

        // the suggestions dialog opened for the new cluster; the 13-killed claim is among them
        List<Button> add = descendants(view.dialog, Button.class).stream()
                .filter(b -> b.getElement().hasAttribute("data-suggestion")).toList();
        assertThat(add).extracting(b -> Long.parseLong(b.getElement().getAttribute("data-suggestion")))
                .contains(thirteen.id());
        test(add.stream().filter(b -> b.getElement().getAttribute("data-suggestion").equals(
                String.valueOf(thirteen.id()))).findFirst().orElseThrow()).click();
        view.dialog.close();

        assertThat(view.shown()).singleElement().satisfies(c -> {
            assertThat(c.statement()).isEqualTo("eight police and national guard troops were killed");
            assertThat(c.members()).extracting(ClaimViews.Member::spanId).containsExactly(eight.id(), thirteen.id());
            assertThat(c.hasConflict("unknown-time")).as("RFE/RL states no publication time").isTrue();
            assertThat(c.members().get(0).stance()).isEqualTo("agrees");
            assertThat(c.members().get(1).stance()).isEqualTo("conflicts");
        });
        assertThat(view.summary.getText()).isEqualTo("1 cluster, 1 to review, 0 with updates, 0 with a verdict");
        assertThat(descendants(view.cards, com.vaadin.flow.component.html.Span.class))
                .anyMatch(s -> "unknown time".equals(s.getText()));
        assertThat(descendants(view.cards, com.vaadin.flow.component.html.Span.class))
                .anyMatch(s -> s.getText().startsWith("When: unknown (no time words, no publication time)"))
                .anyMatch(s -> s.getText().equals("When: 6 Jan 2022, 12:00 (UTC+6), from “As of midday Thursday”"));
        assertThat(descendants(view.cards, com.vaadin.flow.component.html.Div.class))
                .anyMatch(d -> d.getElement().getProperty("innerHTML", "").startsWith("<svg"));

        view.conflict.setValue("none");
        assertThat(view.shown()).isEmpty();
        view.conflict.setValue("unknown-time");
        assertThat(view.shown()).hasSize(1);
        view.conflict.setValue("update");
        assertThat(view.shown()).isEmpty();
        view.conflict.setValue("");

        // a curator sets RFE/RL's reference time: eight on Wednesday, 13 at midday Thursday is an update
        long eightMember = view.shown().get(0).members().get(0).id();
        view.openTime(view.shown().get(0).members().get(0));
        roundTrip();
        descendants(view.dialog, com.vaadin.flow.component.textfield.TextField.class).get(0).setValue("2022-01-05");
        test(view.confirm).click();
        assertThat(view.shown().get(0).hasConflict("update")).isTrue();
        assertThat(view.shown().get(0).member(eightMember).orElseThrow().time().basis()).isEqualTo("curator");

        // and records a verdict
        view.openVerdict(view.shown().get(0));
        roundTrip();
        descendants(view.dialog, com.vaadin.flow.component.textfield.TextField.class).get(0).setValue("13");
        descendants(view.dialog, com.vaadin.flow.component.textfield.TextArea.class).get(0)
                .setValue("Grew from eight to 13.");
        ((com.vaadin.flow.component.select.Select<String>) descendants(view.dialog,
                com.vaadin.flow.component.select.Select.class).get(1)).setValue("true");
        test(view.confirm).click();
        assertThat(view.shown().get(0).verdict()).isNotNull();
        assertThat(view.shown().get(0).verdict().status()).as("suggested from the update").isEqualTo("updated");
        assertThat(view.summary.getText()).isEqualTo("1 cluster, 0 to review, 1 with updates, 1 with a verdict");
    }

    @Test
    @WithUserDetails("alice")
    void anAnnotatorSeesNoClusterOfUncuratedDocumentsAndCannotBuildOne() {
        ClaimBoardView view = navigate("projects/" + TestUsers.SEED_PROJECT + "/claims", ClaimBoardView.class);
        assertThat(view.newCluster.isVisible()).isFalse();
        assertThat(view.shown()).isEmpty();
    }

    static <T extends Component> List<T> descendants(Component root, Class<T> type) {
        List<T> out = new ArrayList<>();
        walk(root, type, out);
        return out;
    }

    private static <T extends Component> void walk(Component c, Class<T> type, List<T> out) {
        if (type.isInstance(c)) {
            out.add(type.cast(c));
        }
        Stream<Component> children = c.getChildren();
        children.forEach(child -> walk(child, type, out));
    }
}
