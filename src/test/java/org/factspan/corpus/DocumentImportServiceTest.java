package org.factspan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.factspan.TestData;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.ingest.ImportLimits;
import org.factspan.ingest.UploadedFile;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/** Document import: good files, and every rejection with its message, nothing stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentImportServiceTest {

    @Autowired
    TestData data;
    @Autowired
    UserService users;
    @Autowired
    ProjectAdminService projects;
    @Autowired
    CorpusService corpus;
    @Autowired
    DocumentImportService imports;
    @Autowired
    ProjectSetupService setup;
    @Autowired
    DocumentRepository documents;
    @Autowired
    JsonMapper json;

    @Autowired
    org.factspan.base.audit.AuditLog audit;
    WorkflowFixture f;
    /** The same service with small limits, to reach them cheaply. */
    DocumentImportService small;

    @BeforeEach
    void setUp() {
        f = new WorkflowFixture(data, 0, 2);
        small = new DocumentImportService(corpus, setup, documents, new ImportLimits(100, 1000, 2000, 5, 50, 100, 10_000), json, audit);
    }

    static UploadedFile file(String name, String content) {
        return new UploadedFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] zip(String... nameThenContent) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameThenContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry(nameThenContent[i]));
                zip.write(nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    int count() {
        return corpus.listDocuments(f.admin, f.slug).size();
    }

    void refused(List<UploadedFile> files, String... messageParts) {
        refused(imports, files, messageParts);
    }

    void refused(DocumentImportService service, List<UploadedFile> files, String... messageParts) {
        int before = count();
        assertThatThrownBy(() -> service.importFiles(f.admin, f.slug, files))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContainingAll(messageParts);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void importsTextJsonlAndZipsOfThem() throws Exception {
        byte[] archive = zip("folder/", "", "folder/b.txt", "Text B from the archive.", "c.jsonl",
                "{\"text\": \"Text C\", \"meta\": {\"outlet\": \"Z\", \"page\": 3}}\r\n\r\n{\"text\": \"Text D\"}\n",
                "__MACOSX/._b.txt", "resource fork", ".DS_Store", "junk");
        ImportReport report = imports.importFiles(f.curator, f.slug, List.of(
                new UploadedFile("a.txt", "\uFEFFText A with a BOM.\r\nSecond line.".getBytes(StandardCharsets.UTF_8)),
                new UploadedFile("more.zip", archive)));
        assertThat(report.imported()).extracting(ImportReport.Imported::name)
                .containsExactly("a.txt", "b.txt", "c.jsonl:1", "c.jsonl:3");
        assertThat(report.duplicates()).isEmpty();
        var docs = corpus.listDocuments(f.admin, f.slug);
        assertThat(corpus.openDocument(f.admin, f.slug, docs.get(0).id()).text())
                .isEqualTo("Text A with a BOM.\r\nSecond line.");
        assertThat(docs.get(2).meta()).containsEntry("outlet", "Z").containsEntry("page", "3")
                .containsEntry("file", "more.zip!c.jsonl, line 1");
        assertThat(docs.get(1).meta()).containsEntry("file", "more.zip!folder/b.txt");
    }

    @Test
    void duplicatesAreReportedAndSkipped() {
        imports.importFiles(f.admin, f.slug, List.of(file("one.txt", "Same text.")));
        ImportReport report = imports.importFiles(f.admin, f.slug, List.of(file("again.txt", "Same text."),
                file("new.jsonl", "{\"text\": \"New text.\"}\n{\"text\": \"New text.\"}")));
        assertThat(report.imported()).extracting(ImportReport.Imported::name).containsExactly("new.jsonl:1");
        assertThat(report.duplicates()).extracting(ImportReport.Duplicate::source)
                .containsExactly("again.txt", "new.jsonl, line 2");
        assertThat(report.duplicates().get(0).sameAs()).contains("one.txt");
        assertThat(report.duplicates().get(1).sameAs()).isEqualTo("new.jsonl, line 1 in this upload");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void badTextIsRefusedWithFileAndLine() {
        byte[] invalid = "Line one\nLine two \u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(invalid, invalid.length - 1);
        refused(List.of(file("fine.txt", "A fine text."), new UploadedFile("bad.txt", broken)), "bad.txt, line 2",
                "not valid UTF-8");
        refused(List.of(file("empty.txt", " \n\t ")), "empty.txt", "no text");
        refused(List.of(file("nul.txt", "text\nwith\0nul")), "nul.txt, line 2", "NUL");
        refused(List.of(file("doc.pdf", "%PDF-1.4")), "doc.pdf", "unsupported type");
        refused(List.of(file("noext", "text")), "noext", "unsupported type");
    }

    @Test
    void textXmlCannotHoldIsRefusedWithFileLineAndField() {
        // the repro: this line was imported (201) and stored as "hello ? world" on PostgreSQL
        refused(List.of(file("b.jsonl", "{\"text\": \"ok\"}\n{\"text\":\"hello \\ud800 world\"}")), "b.jsonl, line 2",
                "\"text\" that holds a lone surrogate (U+D800", "at character 7");
        refused(List.of(file("odd.txt", "Line one\nbell \u0007 here")), "odd.txt, line 2", "U+0007");
        refused(List.of(file("b.jsonl", "{\"text\": \"ok\", \"name\": \"n\\u0000\"}")), "b.jsonl, line 1",
                "\"name\" that holds NUL");
        refused(List.of(file("b.jsonl", "{\"text\": \"ok\", \"meta\": {\"k\\uffff\": \"v\"}}")), "b.jsonl, line 1",
                "\"meta key\" that holds the character U+FFFF");
        refused(List.of(file("b.jsonl", "{\"text\": \"ok\", \"meta\": {\"outlet\": \"" + "o".repeat(2001) + "\"}}")),
                "b.jsonl, line 1", "\"meta value\" that may have at most 2000 characters; it has 2001");
        refused(List.of(file("n".repeat(300) + ".txt", "A text.")), "The file name 'nnn", "(304 characters)",
                "may have at most 255 characters");
    }

    @Test
    void badJsonlIsRefusedWithFileAndLine() {
        refused(List.of(file("b.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"cut")), "b.jsonl, line 2", "not valid JSON");
        refused(List.of(file("b.jsonl", "[1, 2]")), "b.jsonl, line 1", "not a JSON object");
        refused(List.of(file("b.jsonl", "{\"name\": \"x\"}")), "b.jsonl, line 1", "no \"text\"");
        refused(List.of(file("b.jsonl", "{\"text\": 5}")), "b.jsonl, line 1", "no \"text\"");
        refused(List.of(file("b.jsonl", "{\"text\": \"ok\"}\n\n{\"text\": \"  \"}")), "b.jsonl, line 3",
                "empty \"text\"");
        refused(List.of(file("b.jsonl", "{\"text\": \"ok\", \"meta\": {\"a\": {\"b\": 1}}}")), "b.jsonl, line 1",
                "meta 'a'");
        refused(List.of(file("b.jsonl", "{\"text\": \"ok\", \"meta\": [1]}")), "b.jsonl, line 1", "\"meta\"");
        refused(List.of(file("b.jsonl", "{\"text\": \"ok\", \"name\": 7}")), "b.jsonl, line 1", "\"name\"");
    }

    @Test
    void contentIsCheckedNotTrustedFromNames() throws Exception {
        refused(List.of(new UploadedFile("sneaky.txt", zip("a.txt", "x"))), "sneaky.txt", "is a zip archive");
        refused(List.of(file("fake.zip", "just text")), "fake.zip", "not a zip archive");
        byte[] damaged = java.util.Arrays.copyOf(zip("a.txt", "Some text that is long enough to deflate."), 30);
        refused(List.of(new UploadedFile("cut.zip", damaged)), "cut.zip");
        refused(List.of(new UploadedFile("nested.zip", zipOfBytes("inner.zip", zip("a.txt", "x")))), "inner.zip",
                "nested");
    }

    static byte[] zipOfBytes(String name, byte[] content) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void zipSlipPathsAreRefused() throws Exception {
        refused(List.of(new UploadedFile("slip.zip", zip("ok.txt", "fine text", "../../etc/evil.txt", "evil"))),
                "slip.zip", "unsafe path: '../../etc/evil.txt'");
        refused(List.of(new UploadedFile("abs.zip", zip("/etc/passwd.txt", "evil"))), "abs.zip", "unsafe path");
        refused(List.of(new UploadedFile("win.zip", zip("C:\\evil.txt", "evil"))), "win.zip", "unsafe path");
    }

    @Test
    void limitsStopBombsAndBigTexts() throws Exception {
        // a highly compressible entry: small on the wire, big when unpacked
        String zeros = "0".repeat(5000);
        byte[] bomb = zip("bomb.txt", zeros);
        assertThat(bomb.length).isLessThan(200);
        refused(small, List.of(new UploadedFile("bomb.zip", bomb)), "bomb.zip!bomb.txt", "unpacks to more than");
        // many small entries over the total budget
        String[] many = new String[10];
        for (int i = 0; i < 10; i += 2) {
            many[i] = "f" + i + ".txt";
            many[i + 1] = "x" + "y".repeat(600) + i;
        }
        var budget = new DocumentImportService(corpus, setup, documents, new ImportLimits(1000, 1000, 2000, 50, 50, 100, 10_000),
                json, audit);
        refused(budget, List.of(new UploadedFile("budget.zip", zip(many))), "budget.zip!f6.txt",
                "2000 bytes an import may");
        String[] entries = new String[12];
        for (int i = 0; i < 12; i += 2) {
            entries[i] = "e" + i + ".txt";
            entries[i + 1] = "entry " + i;
        }
        refused(small, List.of(new UploadedFile("entries.zip", zip(entries))), "entries.zip", "more than 5 entries");
        refused(small, List.of(file("big.txt", "a".repeat(101))), "big.txt", "at most 100");
        refused(small, List.of(file("big.jsonl", "{\"text\": \"" + "b".repeat(101) + "\"}")), "big.jsonl, line 1",
                "at most 100");
        refused(small, List.of(file("huge.txt", "c".repeat(1001))), "huge.txt", "larger than 1000 bytes");
    }

    @Test
    void onlyCuratorsAndAdminsImportIntoWritableProjects() {
        assertThatThrownBy(() -> imports.importFiles(f.annotators.get(0), f.slug, List.of(file("a.txt", "Text."))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> imports.importFiles(users.findActor("carol").orElseThrow(), f.slug,
                List.of(file("a.txt", "Text.")))).isInstanceOf(ForbiddenException.class);
        refused(List.of(), "No file");
        projects.update(f.admin, f.slug, null, null, null, null, true);
        assertThatThrownBy(() -> imports.importFiles(f.admin, f.slug, List.of(file("a.txt", "Text."))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("archived");
        assertThat(count()).isZero();
    }
}
