package org.factspan.corpus.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.factspan.FreshProject;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The document list shows when each document was published, and a curator (here: an admin) edits it. */
@Tag("slow") // about 12 s on two cores: integration phase (decision 028)
@SpringBootTest
@ViewPackages(packages = "org.factspan")
class PublicationTimeViewTest extends SpringBrowserlessTest {

    @Autowired
    CorpusService corpus;
    @Autowired
    ProjectSetupService setup;
    @Autowired
    UserService users;

    @Test
    @WithUserDetails("admin")
    void theListShowsThePublicationTimeAndACuratorEditsIt() {
        FreshProject p = new FreshProject("published", setup, corpus, users);
        DocumentListView view = navigate("projects/" + p.slug, DocumentListView.class);
        List<DocumentSummary> rows = view.grid.getListDataView().getItems().toList();
        assertThat(rows).extracting(d -> d.published().describe()).containsExactly("6 Jan 2022", "unknown",
                "6 Jan 2022, 18:31", "5 Jan 2022", "unknown");
        DocumentSummary rfe = rows.get(1);
        view.editPublished(rfe);
        roundTrip();
        List<TextField> fields = descendants(view.dialog, TextField.class);
        assertThat(fields.get(1).getValue()).isEqualTo("Asia/Almaty");
        fields.get(0).setValue("2022-01-05 23:40");
        test(view.publishedSave).click();
        assertThat(corpus.requireDocument(p.curator, p.slug, rfe.id()).published().describe())
                .isEqualTo("5 Jan 2022, 23:40");
        assertThat(view.grid.getListDataView().getItems().toList().get(1).published().source()).isEqualTo("curator");
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
        c.getChildren().forEach(child -> walk(child, type, out));
    }
}
