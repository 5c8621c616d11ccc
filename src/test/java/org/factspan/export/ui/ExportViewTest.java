package org.factspan.export.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.factspan.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The export dialog without a browser: the background export, its progress bar, the zip option and the result. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
class ExportViewTest extends SpringBrowserlessTest {

    static final String URL = "projects/" + TestUsers.SEED_PROJECT + "/export";

    void await(ExportView view) throws Exception {
        view.pending.get(60, TimeUnit.SECONDS);
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    @WithUserDetails("carol")
    void aCuratorExportsXmiInTheBackgroundAndGetsAFileWithACard() throws Exception {
        ExportView view = navigate(URL, ExportView.class);
        assertThat(view.set.getValue()).as("a curator's default: gold when the project has gold, else all")
                .isIn("gold", "all");
        view.set.setValue("all");
        view.format.setValue("xmi");
        assertThat(view.zip.isEnabled()).as("xmi is a zip with a card already").isFalse();
        test(view.export).click();
        assertThat(view.export.isEnabled()).as("one export at a time").isFalse();
        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.status.getText()).startsWith("Exporting 5 documents");
        await(view);
        assertThat(view.progress.isVisible()).isFalse();
        assertThat(view.export.isEnabled()).isTrue();
        assertThat(view.status.getText()).startsWith("Exported 5 documents");
        assertThat(view.download.isVisible()).isTrue();
        assertThat(view.download.getText()).startsWith("Download " + TestUsers.SEED_PROJECT + "-all-").contains(".zip (");
        Map<String, String> entries = unzip(Files.readAllBytes(view.exported()));
        assertThat(entries).containsKeys("TypeSystem.xml", "README.md");
        assertThat(entries.keySet().stream().filter(n -> n.endsWith(".xmi"))).hasSize(5);
        assertThat(entries.get("README.md")).contains("## Agreement between annotators");
    }

    @Test
    @WithUserDetails("alice")
    void anAnnotatorZipsHerJsonlWithACardAndANewExportReplacesTheOldFile() throws Exception {
        ExportView view = navigate(URL, ExportView.class);
        assertThat(view.set.getListDataView().getItems()).containsExactly("alice");
        view.format.setValue("jsonl");
        assertThat(view.zip.isEnabled()).isTrue();
        test(view.export).click();
        await(view);
        var first = view.exported();
        assertThat(Files.readString(first)).as("plain jsonl, one line per document").hasLineCount(5);
        test(view.zip).click();
        test(view.export).click();
        await(view);
        assertThat(Files.exists(first)).as("the previous file is deleted").isFalse();
        Map<String, String> entries = unzip(Files.readAllBytes(view.exported()));
        assertThat(entries).containsOnlyKeys(TestUsers.SEED_PROJECT + "-alice.jsonl", "README.md");
        assertThat(entries.get("README.md")).contains("Not shown: only curators");
    }
}
