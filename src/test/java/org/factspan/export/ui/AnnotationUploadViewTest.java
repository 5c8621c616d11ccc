package org.factspan.export.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import java.nio.charset.StandardCharsets;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.ProjectRole;
import org.factspan.ingest.Allocation;
import org.factspan.ingest.Zips;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import tools.jackson.databind.json.JsonMapper;

/**
 * One way in, in the browser: the export dialog's upload of annotations goes through the same bounded handler and the
 * same import as {@code POST .../annotations}, so a zip bomb, 2,001 entries, a nested zip, a file over the limit and
 * invalid text are refused with the REST answer's message, nothing is stored and the heap stays flat; a good file is
 * imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnotationUploadViewTest extends SpringBrowserlessTest {

    static final String ANNOTATOR = "upload-ui-annotator";

    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;
    @Autowired
    JdbcTemplate jdbc;

    FreshProject p;
    long doc;

    @BeforeAll
    void project() {
        Actor annotator = data.userOnce(ANNOTATOR, ANNOTATOR, TestUsers.DEMO_PASSWORD, Role.ANNOTATOR);
        p = data.fresh("uploadui");
        p.join(annotator, ProjectRole.ANNOTATOR);
        doc = p.documents.values().iterator().next();
    }

    long stored() {
        return jdbc.queryForObject("select count(*) from span s join document d on d.id = s.document_id"
                + " where d.project_id = ?", Long.class, p.id);
    }

    ExportView open() {
        return navigate("projects/" + p.slug + "/export", ExportView.class);
    }

    /** Uploads the file as {@code format}; expects the refusal, nothing stored, at most {@code maxAllocated}. */
    void refused(String format, String name, byte[] content, String message, long maxAllocated) {
        ExportView view = open();
        view.importFormat.setValue(format);
        long before = stored();
        Allocation allocation = Allocation.start();
        test(view.upload).upload(name, "application/octet-stream", content);
        long allocated = allocation.bytes();
        System.out.println("browser upload of annotations, " + name + ": allocated " + Allocation.mb(allocated) + ": "
                + view.status.getText());
        assertThat(view.status.getText()).as(name).startsWith("Nothing imported. ").contains(message);
        assertThat(stored()).as(name + ": nothing stored").isEqualTo(before);
        assertThat(allocated).as(name + ": bytes allocated").isLessThan(maxAllocated);
        assertThat(view.received).as("nothing left over").isEmpty();
    }

    @Test
    @WithUserDetails(ANNOTATOR)
    void hostileUploadsAreRefusedAsOverRestWithHeapFlat() {
        refused("brat", "bomb.zip", Zips.bomb(256), "The brat zip!doc.txt: the archive expands more than 100 times",
                64L << 20);
        refused("brat", "many.zip", Zips.many(2001), "The brat zip: has more than 2000 entries", 64L << 20);
        refused("brat", "nested.zip", Zips.zip("a.txt", "Text.", "a.ann", "", "inner.zip", Zips.zip("b.txt", "x")),
                "The brat zip!inner.zip: is an archive inside an archive", 64L << 20);
        refused("jsonl", "bad.jsonl", new byte[] {'{', '"', 'i', 'd', '"', ':', (byte) 0xFF, '}'},
                "line 1: not valid UTF-8 (byte 7)", 64L << 20);
        refused("jsonl", "surrogate.jsonl", "{\"id\":1,\"name\":\"x\",\"text\":\"hello \\ud800 world\",\"spans\":[]}"
                .getBytes(StandardCharsets.UTF_8), "line 1: 'text' holds a lone surrogate (U+D800", 64L << 20);
    }

    @Test
    @WithUserDetails(ANNOTATOR)
    void aFileOverTheLimitIsNotReadPastIt() {
        byte[] big = new byte[50_000_001];
        java.util.Arrays.fill(big, (byte) '\n');
        // the handler reads the limit and one byte more, whatever the browser was told about the size (that it reads
        // no further is BoundedUploadHandlerTest's; the test's upload tool copies the file in memory several times)
        refused("jsonl", "big.jsonl", big, "big.jsonl: is larger than 50000000 bytes; nothing was imported",
                Long.MAX_VALUE);
    }

    @Test
    @WithUserDetails(ANNOTATOR)
    void aGoodFileIsImported() {
        ExportView view = open();
        view.importFormat.setValue("jsonl");
        String text = corpus.textIndex(doc).text();
        String line = "{\"id\":" + doc + ",\"name\":\"x\",\"text\":" + JsonMapper.builder().build().writeValueAsString(
                text) + ",\"spans\":[{\"id\":1,\"start\":0,\"end\":3,\"label\":\"CLAIM\"}]}\n";
        long before = stored();
        test(view.upload).upload("good.jsonl", "application/jsonl", line.getBytes(StandardCharsets.UTF_8));
        assertThat(view.status.getText()).isEqualTo("Imported 1 spans, 0 attributions");
        assertThat(stored()).isEqualTo(before + 1);
    }
}
