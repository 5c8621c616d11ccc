package org.factspan.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentId;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The editor's side panel and schema rules, without a browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
@SuppressWarnings("unchecked")
class SpanPanelTest extends SpringBrowserlessTest {

    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    AnnotationService annotations;

    DocumentView view;
    DocumentContent doc;

    @BeforeEach
    void open() {
        var alice = users.findActor("alice").orElseThrow();
        doc = corpus.openDocument(alice, TestUsers.SEED_PROJECT, corpus.listDocuments(alice, TestUsers.SEED_PROJECT)
                .get(2).id());
        for (SpanInfo s : annotations.listMySpans(alice, TestUsers.SEED_PROJECT, doc.id())) {
            annotations.deleteSpan(alice, TestUsers.SEED_PROJECT, new DocumentId(doc.id()), new SpanId(s.id()));
        }
    }

    DocumentView openView() {
        return navigate("projects/" + TestUsers.SEED_PROJECT + "/documents/" + doc.id(), DocumentView.class);
    }

    long create(DocumentView v, String phrase, String label) {
        int u16 = doc.text().indexOf(phrase);
        int start = doc.text().codePointCount(0, u16);
        new EditorClient(v.binding).create(start, start + phrase.codePointCount(0, phrase.length()), label);
        return v.spans().stream().filter(s -> s.text().equals(phrase) && s.label().equals(label)).findFirst()
                .orElseThrow().id();
    }

    @Test
    @WithUserDetails("alice")
    void theLinkHintFollowsTheSelectedSpansRole() {
        view = openView();
        create(view, "police said dozens were killed", "CLAIM");
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("span-links").single().getElement()
                .getTextRecursively()).contains("click its source (and cue) and press Enter");
        create(view, "police", "SOURCE");
        assertThat(find(com.vaadin.flow.component.html.Div.class).withId("span-links").single().getElement()
                .getTextRecursively()).contains("click the cue if any, then the claim");
    }

    @Test
    @WithUserDetails("alice")
    void selectingASpanShowsItsDetailsAndTheSchemasAttributes() {
        view = openView();
        assertThat(find(com.vaadin.flow.component.html.H3.class).all()).anySatisfy(h -> assertThat(h.getText())
                .isEqualTo("No span selected"));
        long id = create(view, "police said dozens were killed", "CLAIM");
        // A new span is selected at once.
        assertThat(view.binding.selected()).isEqualTo(id);
        Paragraph quote = find(Paragraph.class).withId("span-text").single();
        assertThat(quote.getText()).isEqualTo("police said dozens were killed");
        Select<String> verdict = find(Select.class).withId("attr-verdict").single();
        assertThat(verdict.getListDataView().getItems().toList())
                .containsExactly("", "supported", "refuted", "unverifiable", "not checked");
        assertThat(find(Select.class).withId("attr-check-worthy").exists()).isTrue();
        assertThat(find(Select.class).withId("attr-type").exists()).as("SOURCE's attribute").isFalse();
    }

    @Test
    @WithUserDetails("alice")
    void attributesAndRelabelAreSavedAndUndoable() {
        view = openView();
        long id = create(view, "police said dozens were killed", "CLAIM");
        test(find(Select.class).withId("attr-verdict").single()).selectItem("unverifiable");
        assertThat(view.spans().get(0).attributes()).containsEntry("verdict", "unverifiable");

        test(find(Select.class).withId("span-label").single()).selectItem("2  Source");
        assertThat(view.spans().get(0).label()).isEqualTo("SOURCE");
        assertThat(view.spans().get(0).attributes()).doesNotContainKey("verdict");
        assertThat(find(Select.class).withId("attr-type").exists()).isTrue();

        new EditorClient(view.binding).undo();
        assertThat(view.spans().get(0).label()).isEqualTo("CLAIM");
        assertThat(view.spans().get(0).attributes()).containsEntry("verdict", "unverifiable");
        new EditorClient(view.binding).redo();
        assertThat(view.spans().get(0).label()).isEqualTo("SOURCE");
        assertThat(view.binding.selected()).isEqualTo(id);
    }

    @Test
    @WithUserDetails("alice")
    void aLinkedSpanIsDeletedOnlyAfterConfirmation() {
        view = openView();
        long source = create(view, "police", "SOURCE");
        long cue = create(view, "said", "ATTRIBUTION");
        long claim = create(view, "dozens were killed trying to storm government buildings", "CLAIM");
        new EditorClient(view.binding).link(List.of(cue, source, claim));
        assertThat(view.links()).hasSize(1);
        assertThat(view.annotator.getLinks()).hasSize(1);

        new EditorClient(view.binding).delete(source, true);
        assertThat(view.spans()).hasSize(3).as("asks first");
        test(find(Button.class).withId("confirm-delete").single()).click();
        assertThat(view.spans()).extracting(SpanInfo::id).containsExactlyInAnyOrder(cue, claim);
        assertThat(view.links()).isEmpty();

        test(find(Button.class).withId("undo").single()).click();
        assertThat(view.spans()).hasSize(3);
        assertThat(view.links()).hasSize(1);
    }

    @Test
    @WithUserDetails("alice")
    void aBooleanAttributeIsACheckbox() {
        view = openView();
        create(view, "said", "ATTRIBUTION");
        test(find(Checkbox.class).withId("attr-direct-quote").single()).click();
        assertThat(view.spans().get(0).attributes()).containsEntry("direct-quote", "true");
    }
}
