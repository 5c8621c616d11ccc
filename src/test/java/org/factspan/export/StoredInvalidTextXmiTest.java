package org.factspan.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.CorpusService;
import org.factspan.export.format.ExportResult;
import org.factspan.export.format.XmiFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.factspan.corpus.DocumentId;
import org.factspan.annotation.SpanId;

/**
 * The XMI writer never fails on stored data: values stored before text was checked (H2 keeps NUL and lone
 * surrogates; PostgreSQL never stored them) are written with U+FFFD in their place, the export completes as XML that
 * parses, and the dataset card counts them. On main, such a value made the curator's XMI export answer 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoredInvalidTextXmiTest {

    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ExportService exports;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oldBadValuesAreReplacedCountedAndTheExportCompletes() throws Exception {
        FreshProject p = data.fresh("badxml");
        String file = p.documents.keySet().iterator().next();
        SpanInfo claim = p.label(p.annotator, file, "Kazakhstan", "CLAIM");
        annotations.setAttribute(p.annotator, p.slug, new DocumentId(claim.documentId()), new SpanId(claim.id()), "note", "fine");
        // as a value got in before the check: straight into the database
        jdbc.update("update span_attribute set val = ? where span_id = ? and name = 'note'", "a\u0000b \uD800x",
                claim.id());
        jdbc.update("update document set name = ? where id = ?", "bad\u0001name", claim.documentId());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportResult result = exports.export(p.curator, p.slug, "xmi", "all", AnnotationFilter.none(), out);

        assertThat(result.dropped()).containsEntry(XmiFormat.INVALID_TEXT, 2);
        Map<String, byte[]> entries = unzip(out.toByteArray());
        String xmi = entries.entrySet().stream().filter(e -> e.getKey().startsWith("bad"))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        assertThat(xmi).contains("a\uFFFDb \uFFFDx").contains("bad\uFFFDname").doesNotContain("\u0000");
        for (var e : entries.entrySet()) {
            if (e.getKey().endsWith(".xmi")) {
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(e.getValue()));
            }
        }
        assertThat(new String(entries.get("README.md"), StandardCharsets.UTF_8)).contains(XmiFormat.INVALID_TEXT);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
