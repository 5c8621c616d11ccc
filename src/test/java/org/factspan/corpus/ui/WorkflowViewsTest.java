package org.factspan.corpus.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.ui.DocumentView;
import org.factspan.corpus.AssignmentService;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentImportService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectAdminService;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.WorkflowFixture;
import org.factspan.security.Role;
import org.factspan.security.UserService;
import org.factspan.security.ui.AccountView;
import org.factspan.security.ui.UsersView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The workflow views without a browser: the schema editor's rules, upload (good and bad files), assignment and the
 * annotator's queue with finishing, navigation by role, user and token management.
 */
@Tag("slow") // about 27 s on two cores: integration phase (decision 028)
@SpringBootTest
@ViewPackages(packages = "org.factspan")
@SuppressWarnings("unchecked")
class WorkflowViewsTest extends SpringBrowserlessTest {

    /** A fixed annotator (views tests log in by name) who joins each test's fresh project. */
    static final String ANNOTATOR = "views-annotator";

    @Autowired
    UserService users;
    @Autowired
    ProjectAdminService projects;
    @Autowired
    CorpusService corpus;
    @Autowired
    DocumentImportService imports;
    @Autowired
    AssignmentService assignments;
    @Autowired
    AnnotationService annotations;

    WorkflowFixture f;
    List<Long> docs;

    @BeforeEach
    void setUp() {
        f = new WorkflowFixture(users, projects, 3, 2);
        docs = f.importDocuments(imports, corpus);
        if (users.findActor(ANNOTATOR).isEmpty()) {
            users.createUser(f.admin, ANNOTATOR, "Views annotator", WorkflowFixture.PASSWORD, Role.ANNOTATOR);
        }
        projects.setMember(f.admin, f.slug, ANNOTATOR, ProjectRole.ANNOTATOR);
    }

    List<String> notifications() {
        return find(Notification.class).all().stream().map(n -> n.getElement().getProperty("text", "")
                + n.getChildren().map(c -> c.getElement().getText()).reduce("", String::concat)).toList();
    }

    List<String> labelNames() {
        return projects.details(f.admin, f.slug).labels().stream().map(LabelInfo::name).toList();
    }

    @Test
    @WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void removingAUsedLabelShowsTheCountAndMapsOnRequest() {
        annotations.createSpan(f.admin, f.slug, docs.get(0), 0, 8, "OTHER");
        ProjectSettingsView view = navigate("projects/" + f.slug + "/settings", ProjectSettingsView.class);
        view.tabs.setSelectedIndex(1);
        view.openRemove(projects.details(f.admin, f.slug).labels().get(3));
        roundTrip();
        assertThat(view.removeDialog.isOpened()).isTrue();
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("label-usage").single().getText())
                .startsWith("1 span uses OTHER");
        // confirming without a target is refused; nothing changes
        test(find(com.vaadin.flow.component.button.Button.class).withId("dialog-ok").single()).click();
        assertThat(labelNames()).contains("OTHER");
        test(find(com.vaadin.flow.component.select.Select.class).withId("map-to").single()).selectItem("Source (SOURCE)");
        test(find(com.vaadin.flow.component.button.Button.class).withId("dialog-ok").single()).click();
        assertThat(labelNames()).containsExactly("CLAIM", "SOURCE", "CUE");
        assertThat(annotations.listMySpans(f.admin, f.slug, docs.get(0)).get(0).label()).isEqualTo("SOURCE");
        assertThat(view.labels.getListDataView().getItemCount()).isEqualTo(3);
    }

    @Test
    @WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theLabelEditorRefusesADuplicateKeyAndSavesAGoodLabel() {
        ProjectSettingsView view = navigate("projects/" + f.slug + "/settings", ProjectSettingsView.class);
        view.tabs.setSelectedIndex(1);
        view.openLabel(null);
        roundTrip();
        LabelEditor editor = view.labelEditor;
        test(editor.name).setValue("QUOTE");
        test(editor.title).setValue("Quote");
        test(editor.key).selectItem("1");
        test(find(com.vaadin.flow.component.button.Button.class).withId("dialog-ok").single()).click();
        assertThat(notifications()).anyMatch(n -> n.contains("same key 1"));
        assertThat(labelNames()).doesNotContain("QUOTE");
        assertThat(editor.dialog.isOpened()).isTrue();

        test(editor.key).selectItem("5");
        test(editor.addAttribute).click();
        LabelEditor.AttributeRow row = editor.rows.get(0);
        test(row.name).setValue("tone");
        test(row.options).setValue("neutral, loaded");
        test(find(com.vaadin.flow.component.button.Button.class).withId("dialog-ok").single()).click();
        LabelInfo saved = projects.details(f.admin, f.slug).labels().get(4);
        assertThat(saved.name()).isEqualTo("QUOTE");
        assertThat(saved.key()).isEqualTo("5");
        assertThat(saved.attributes().get(0).options()).containsExactly("neutral", "loaded");
    }

    @Test
    @WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void guidelinesAreEditedWithASanitizedPreview() {
        ProjectSettingsView view = navigate("projects/" + f.slug + "/settings", ProjectSettingsView.class);
        view.tabs.setSelectedIndex(2);
        roundTrip();
        test(view.guidelines).setValue("## Claims\n\n<b onclick=x>raw</b> and **bold**");
        String preview = view.preview.getElement().getChild(0).getOuterHTML();
        assertThat(preview).contains("<h2>Claims</h2>").contains("<strong>bold</strong>")
                .doesNotContain("<b onclick");
        test(view.saveGuidelines).click();
        assertThat(projects.details(f.admin, f.slug).guidelines()).startsWith("## Claims");
    }

    @Test
    @WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void uploadGoodFilesThenImportThem() {
        ImportView view = navigate("projects/" + f.slug + "/import", ImportView.class);
        test(view.upload).upload("new.txt", "text/plain", "A brand new text.".getBytes(StandardCharsets.UTF_8));
        test(view.upload).upload("more.jsonl", "application/jsonl",
                "{\"text\": \"Another new text.\"}\n{\"text\": \"Document number 1 says the minister resigned.\"}\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(view.pending.getListDataView().getItemCount()).isEqualTo(2);
        assertThat(view.importButton.getText()).isEqualTo("Import 2 files");
        test(view.importButton).click();
        assertThat(view.result.getElement().getAttribute("data-state")).isEqualTo("ok");
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("import-summary").single().getText())
                .isEqualTo("2 documents imported; 1 skipped as duplicates:");
        assertThat(corpus.listDocuments(f.admin, f.slug)).hasSize(5);
        assertThat(view.pending.getListDataView().getItemCount()).isZero();
    }

    @Test
    @WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aBadFileStopsTheWholeUpload() {
        ImportView view = navigate("projects/" + f.slug + "/import", ImportView.class);
        test(view.upload).upload("good.txt", "text/plain", "A good text.".getBytes(StandardCharsets.UTF_8));
        test(view.upload).upload("bad.jsonl", "application/jsonl",
                "{\"text\": \"fine\"}\n{\"text\": }\n".getBytes(StandardCharsets.UTF_8));
        test(view.importButton).click();
        assertThat(view.result.getElement().getAttribute("data-state")).isEqualTo("error");
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withId("import-error").single().getText())
                .contains("bad.jsonl, line 2").contains("Nothing was imported");
        assertThat(corpus.listDocuments(f.admin, f.slug)).hasSize(3);
        // the files stay listed, to fix and try again or clear
        assertThat(view.pending.getListDataView().getItemCount()).isEqualTo(2);
        test(view.clear).click();
        assertThat(view.pending.getListDataView().getItemCount()).isZero();
    }

    @Test
    @WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void automaticAssignmentFromTheDashboard() {
        ProgressView view = navigate("projects/" + f.slug + "/progress", ProgressView.class);
        assertThat(view.summary.getText()).startsWith("3 documents: 0 finished, 0 in progress, 3 not started (3 without");
        test(view.auto).click();
        // four annotators, k = 2: six assignments, the fixed annotator gets some
        assertThat(assignments.assignments(f.admin, f.slug)).hasSize(6);
        assertThat(view.report.documents()).allMatch(d -> d.assignees().size() == 2);
        assertThat(view.summary.getText()).doesNotContain("without");
        assertThat(view.annotatorChart.getChildren().count()).isEqualTo(5);
    }

    @Test
    @WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void assignByHandAndReopenFromTheDashboard() {
        assignments.assign(f.admin, f.slug, docs.get(0), ANNOTATOR);
        var annotator = users.findActor(ANNOTATOR).orElseThrow();
        assignments.finish(annotator, f.slug, docs.get(0));
        ProgressView view = navigate("projects/" + f.slug + "/progress", ProgressView.class);
        view.openManage(view.report.documents().get(0));
        roundTrip();
        test(find(com.vaadin.flow.component.button.Button.class).withId("reopen-" + ANNOTATOR).single()).click();
        assertThat(assignments.mine(annotator, f.slug, docs.get(0)).finished()).isFalse();
        view.openManage(view.report.documents().get(1));
        roundTrip();
        test(find(com.vaadin.flow.component.select.Select.class).withId("assign-user").single())
                .selectItem(f.annotators.get(1).username());
        test(find(com.vaadin.flow.component.button.Button.class).withId("assign").single()).click();
        assertThat(assignments.assignments(f.admin, f.slug)).extracting(a -> a.documentId() + " " + a.username())
                .contains(docs.get(1) + " " + f.annotators.get(1).username());
    }

    @Test
    @WithUserDetails(value = ANNOTATOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theQueueLeadsThroughAssignedDocumentsAndFinishedOnesAreReadOnly() {
        assignments.assign(f.admin, f.slug, docs.get(1), ANNOTATOR);
        assignments.assign(f.admin, f.slug, docs.get(2), ANNOTATOR);
        DocumentListView list = navigate("projects/" + f.slug, DocumentListView.class);
        assertThat(list.grid.getListDataView().getItems().map(DocumentSummary::id).toList())
                .containsExactly(docs.get(1), docs.get(2));
        assertThat(list.settings.isVisible()).isFalse();
        assertThat(list.progress.isVisible()).isFalse();
        test(list.next).click();
        DocumentView doc = (DocumentView) getCurrentView();
        assertThat(doc.getElement().getAttribute("data-readonly")).isEqualTo("false");
        test(find(com.vaadin.flow.component.button.Button.class).withId("finish").single()).click();
        assertThat(doc.getElement().getAttribute("data-readonly")).isEqualTo("true");
        assertThat(find(com.vaadin.flow.component.Component.class).withId("annotator").single().getElement()
                .getProperty("readonly", false)).isTrue();
        assertThat(assignments.mine(users.findActor(ANNOTATOR).orElseThrow(), f.slug, docs.get(1)).finished())
                .isTrue();
        // next goes on to the last unfinished one; opening the finished one again shows it read-only
        test(find(com.vaadin.flow.component.button.Button.class).withId("next-document").single()).click();
        assertThat(getCurrentView().getElement().getAttribute("data-readonly")).isEqualTo("false");
        navigate("projects/" + f.slug + "/documents/" + docs.get(1), DocumentView.class);
        assertThat(getCurrentView().getElement().getAttribute("data-readonly")).isEqualTo("true");
    }

    @Test
    @WithUserDetails(value = ANNOTATOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void annotatorsGetNoAdminLinksNorPages() {
        navigate(org.factspan.corpus.ui.ProjectsView.class);
        assertThat(find(Anchor.class).withId("nav-users").all()).isEmpty();
        assertThat(find(Anchor.class).withId("current-user").single().getHref()).isEqualTo("account");
        Component settings = navigate("projects/" + f.slug + "/settings", Component.class);
        assertThat(settings).isNotInstanceOf(ProjectSettingsView.class);
        Component progress = navigate("projects/" + f.slug + "/progress", Component.class);
        assertThat(progress).isNotInstanceOf(ProgressView.class);
        Component usersPage = navigate("admin/users", Component.class);
        assertThat(usersPage).isNotInstanceOf(UsersView.class);
    }

    /**
     * The one project-route helper ({@link ProjectRoute}): every project page answers an unknown project, a page only
     * curators open and a document that is not a number with the not-found page and the refusal's reason.
     */
    @Test
    @WithUserDetails(value = ANNOTATOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void everyProjectPageReroutesARefusalToTheNotFoundPageWithItsReason() {
        for (String page : List.of("", "/settings", "/import", "/progress", "/export", "/search", "/claims",
                "/recommenders", "/documents/1", "/documents/1/curate", "/disagreements", "/agreement")) {
            Component shown = navigate("projects/no-such-project" + page, Component.class);
            assertThat(shown).as(page).isInstanceOf(org.factspan.base.ui.NotFoundView.class);
            assertThat(reason()).as(page).contains("no-such-project");
        }
        navigate("projects/" + f.slug + "/settings", Component.class);
        assertThat(reason()).isEqualTo("Only curators of project '" + f.slug + "' and admins change its settings");
        navigate("projects/" + f.slug + "/import", Component.class);
        assertThat(reason()).isEqualTo("Only curators of project '" + f.slug + "' and admins import documents");
        navigate("projects/" + f.slug + "/documents/abc", Component.class);
        assertThat(reason()).isEqualTo("No such document");
        navigate("projects/" + f.slug + "/documents/1/curate", Component.class);
        assertThat(reason()).isEqualTo("Only curators of project '" + f.slug + "' and admins curate its documents");
        navigate("projects/" + f.slug + "/disagreements", Component.class);
        assertThat(reason()).isEqualTo("Only curators of project '" + f.slug + "' and admins curate its documents");
        navigate("projects/" + f.slug + "/agreement", Component.class);
        assertThat(reason()).isEqualTo("Only curators of project '" + f.slug + "' and admins see its agreement");
        // the project is asked for first, then the document: an unknown project is named as such
        navigate("projects/no-such-project/documents/abc/curate", Component.class);
        assertThat(reason()).contains("no-such-project");
    }

    private String reason() {
        return find(com.vaadin.flow.component.html.Paragraph.class).withId("error-reason").single().getText();
    }

    @Test
    @WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void adminsSeeAdminLinksAndCreateUsers() {
        navigate(UsersView.class);
        assertThat(find(Anchor.class).withId("nav-users").single().getHref()).isEqualTo("admin/users");
        String name = "v" + Long.toString(System.nanoTime(), 36);
        test(find(com.vaadin.flow.component.button.Button.class).withId("new-user").single()).click();
        test(find(com.vaadin.flow.component.textfield.TextField.class).withId("user-username").single()).setValue(name);
        test(find(com.vaadin.flow.component.textfield.PasswordField.class).withId("user-password").single())
                .setValue("short");
        test(find(com.vaadin.flow.component.button.Button.class).withId("dialog-ok").single()).click();
        assertThat(users.findUser(name)).isEmpty();
        test(find(com.vaadin.flow.component.textfield.PasswordField.class).withId("user-password").single())
                .setValue("long-enough-9");
        test(find(com.vaadin.flow.component.button.Button.class).withId("dialog-ok").single()).click();
        assertThat(users.findActor(name)).isPresent();
        Grid<org.factspan.security.UserInfo> grid = find(Grid.class).withId("users").single();
        assertThat(grid.getListDataView().getItems().map(org.factspan.security.UserInfo::username)).contains(name);
    }

    @Test
    @WithUserDetails(value = ANNOTATOR, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void tokensAreShownOnceAndRevoked() {
        navigate(AccountView.class);
        Grid<org.factspan.security.ApiTokenInfo> grid = find(Grid.class).withId("tokens").single();
        java.util.function.Supplier<List<org.factspan.security.ApiTokenInfo>> listed = () -> grid.getListDataView()
                .getItems().toList();
        int before = listed.get().size();
        test(find(com.vaadin.flow.component.textfield.TextField.class).withId("token-name").single())
                .setValue("notebook");
        test(find(com.vaadin.flow.component.button.Button.class).withId("create-token").single()).click();
        String shown = find(com.vaadin.flow.component.html.Pre.class).withId("new-token").single().getText();
        assertThat(shown).startsWith("fsp_");
        assertThat(listed.get()).hasSize(before + 1);
        var token = listed.get().get(0);
        assertThat(token.prefix()).isEqualTo(shown.substring(0, 10));
        var revoke = (com.vaadin.flow.component.button.Button) test(grid).getCellComponent(0, 5); // name, prefix, created, last used, expires, revoke
        assertThat(revoke.getId()).contains("revoke-" + token.id());
        test(revoke).click();
        assertThat(listed.get()).hasSize(before);
    }
}
