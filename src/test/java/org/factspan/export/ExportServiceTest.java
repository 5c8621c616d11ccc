package org.factspan.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.export.format.JsonlFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Export sets, permissions, filters and the dataset card, on a project of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ExportFixture.CONTEXT)
class ExportServiceTest {

    @Autowired
    ExportFixture fixture;
    @Autowired
    ExportService exports;

    String slug;

    @BeforeEach
    void setUp() {
        slug = fixture.project(ExportFixture.TEXT_1, ExportFixture.TEXT_2);
        fixture.annotate(slug);
    }

    List<ExportDocument> read(String jsonl) throws Exception {
        return new JsonlFormat().read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)));
    }

    Set<String> annotators(List<ExportDocument> docs) {
        return docs.stream().flatMap(d -> d.spans().stream()).map(ExportSpan::annotator)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void anAnnotatorExportsOnlyTheirOwnWork() throws Exception {
        var alice = fixture.actor("alice");
        assertThatThrownBy(() -> exports.prepare(alice, slug, "jsonl", "all", AnnotationFilter.none()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("curators");
        assertThatThrownBy(() -> exports.prepare(alice, slug, "jsonl", "bob", AnnotationFilter.none()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("only your own");
        var own = fixture.export(alice, slug, "jsonl", "alice", AnnotationFilter.none());
        List<ExportDocument> docs = read(own.text());
        assertThat(docs).hasSize(2);
        assertThat(annotators(docs)).containsExactly("alice");
        assertThat(own.result().spans()).isEqualTo(3);
        assertThat(own.result().attributions()).isEqualTo(1);
        ExportDocument first = docs.get(0);
        assertThat(first.text()).isEqualTo(ExportFixture.TEXT_1);
        assertThat(first.meta()).containsEntry("outlet", "Outlet 1");
        ExportSpan claim = first.spans().stream().filter(s -> s.label().equals("CLAIM")).findFirst().orElseThrow();
        assertThat(claim.start()).as("code points after the emoji").isEqualTo(19);
        assertThat(claim.attributes()).containsEntry("verdict", "supported");
        ExportAttribution triple = first.attributions().get(0);
        assertThat(triple.annotator()).isEqualTo("alice");
        assertThat(triple.content()).isEqualTo(claim.id());
        assertThat(fixture.export(alice, slug, "jsonl", null, AnnotationFilter.none()).text())
                .as("no set means one's own").isEqualTo(own.text());
    }

    @Test
    void curatorsAndAdminsExportEveryAnnotatorOrOne() throws Exception {
        var carol = fixture.actor("carol");
        assertThat(annotators(read(fixture.export(carol, slug, "jsonl", "all", AnnotationFilter.none()).text())))
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(annotators(read(fixture.export(carol, slug, "jsonl", "bob", AnnotationFilter.none()).text())))
                .containsExactly("bob");
        assertThat(annotators(read(fixture.export(fixture.actor("admin"), slug, "jsonl", "all",
                AnnotationFilter.none()).text()))).containsExactlyInAnyOrder("alice", "bob");
        assertThat(exports.sets(carol, slug)).contains("all", "alice", "bob", "carol");
        assertThat(exports.sets(fixture.actor("alice"), slug)).containsExactly("alice");
    }

    @Test
    void unknownFormatSetLabelOrDocumentIsRefusedWithTheValidChoices() {
        var carol = fixture.actor("carol");
        assertThatThrownBy(() -> exports.prepare(carol, slug, "xlsx", "all", AnnotationFilter.none()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("brat, conll, csv, doccano, jsonl, labelstudio");
        assertThatThrownBy(() -> exports.prepare(carol, slug, "jsonl", "nobody", AnnotationFilter.none()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("valid sets: all, alice, bob");
        assertThatThrownBy(() -> exports.prepare(carol, slug, "jsonl", "all",
                new AnnotationFilter(Set.of(), Set.of("OPINION"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("CLAIM, SOURCE");
        assertThatThrownBy(() -> exports.prepare(carol, slug, "jsonl", "all",
                new AnnotationFilter(Set.of(999_999L), Set.of())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exports.prepare(fixture.actor("alice"), "kazakhstan-2022-nope", "jsonl", null,
                AnnotationFilter.none())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void filtersKeepChosenDocumentsAndLabelsAndDropBrokenTriples() throws Exception {
        var carol = fixture.actor("carol");
        long second = fixture.document(carol, slug, 1);
        List<ExportDocument> docs = read(fixture.export(carol, slug, "jsonl", "all",
                new AnnotationFilter(Set.of(second), Set.of())).text());
        assertThat(docs).extracting(ExportDocument::id).containsExactly(second);
        docs = read(fixture.export(carol, slug, "jsonl", "all", new AnnotationFilter(Set.of(), Set.of("CLAIM"))).text());
        assertThat(docs.stream().flatMap(d -> d.spans().stream()).map(ExportSpan::label)).containsOnly("CLAIM")
                .hasSize(2);
        assertThat(docs.get(0).attributions()).as("a triple needs all its spans").isEmpty();
    }

    @Test
    void aTripleWithoutSourceAndCueTravelsInJsonlAndIsCountedWhereRelationsCannotCarryIt() throws Exception {
        var alice = fixture.actor("alice");
        long doc2 = fixture.document(alice, slug, 1);
        var claim = fixture.span(alice, slug, doc2, "order has been restored", "CLAIM");
        // none can be made since V9 (decision 016); one stored before stays and is exported as it is
        jdbc.update("insert into attribution (document_id, user_id, source_span_id, cue_span_id, content_span_id,"
                + " created_at) values (?, ?, null, null, ?, current_timestamp)", doc2, alice.userId(), claim.id());
        assertThatThrownBy(() -> fixture.annotations.linkSpans(alice, slug, doc2, List.of(claim.id())))
                .isInstanceOf(org.factspan.base.InvalidRequestException.class).hasMessageContaining("SOURCE span or a cue");
        var jsonl = fixture.export(alice, slug, "jsonl", "alice", AnnotationFilter.none());
        assertThat(jsonl.result().dropped()).doesNotContainKey("attribution without source and cue");
        assertThat(read(jsonl.text()).stream().flatMap(d -> d.attributions().stream()))
                .anySatisfy(a -> assertThat(a.content()).isEqualTo(claim.id()));
        var doccano = fixture.export(alice, slug, "doccano", "alice", AnnotationFilter.none());
        assertThat(doccano.result().dropped()).containsEntry("attribution without source and cue", 1);
    }

    @Test
    void bratZipCarriesADatasetCard() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var export = exports.prepare(fixture.actor("carol"), slug, "brat", "all", AnnotationFilter.none());
        assertThat(export.fileName()).startsWith(slug + "-all-").endsWith(".zip");
        assertThat(export.mediaType()).isEqualTo("application/zip");
        export.writeTo(out);
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKeys("doc-1.txt", "doc-1.ann", "annotation.conf", "README.md")
                .as("no double extension").doesNotContainKeys("doc-1.txt.txt", "doc-1.txt.ann");
        String card = entries.get("README.md");
        assertThat(card).contains("## About this export", "Export test " + slug, "| annotation set | all |",
                "| Factspan version | ", "| exported at | 20", "## Schema", "verdict: supported\\|refuted",
                "| alice | 3 |", "| bob | 1 |", "| CLAIM | 2 |");
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    byte[] bytes(ExportService.PreparedExport export) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void theCardShowsAgreementToCuratorsAndSaysWhyNotToAnnotators() throws Exception {
        var carol = fixture.actor("carol");
        // bob agrees with alice on one claim in document 1 (alice has 3 spans there, bob now 1)
        long doc1 = fixture.document(carol, slug, 0);
        fixture.span(fixture.actor("bob"), slug, doc1, "Prices rose by 5%.", "CLAIM");
        String card = new String(unzip(bytes(exports.prepare(carol, slug, "xmi", "all", AnnotationFilter.none())))
                .get("README.md"), StandardCharsets.UTF_8);
        // alice 3 spans, bob 2 (one in each document): one exact match -> F1 = 2 * 1 / (3 + 2) = 0.4
        assertThat(card).contains("## Agreement between annotators", "| span_f1_exact | 0.400 | 5 |",
                "| cohen_kappa | ", "Over the 2 exported document(s)");
        String own = new String(unzip(bytes(exports.prepare(fixture.actor("alice"), slug, "brat", "alice",
                AnnotationFilter.none()))).get("README.md"), StandardCharsets.UTF_8);
        assertThat(own).contains("Not shown: only curators of the project and admins see agreement.")
                .doesNotContain("span_f1_exact");
    }

    @Test
    void theCardLeavesAgreementOfHugeExportsToTheAgreementView() {
        var carol = fixture.actor("carol");
        List<Long> docs = List.of(fixture.document(carol, slug, 0));
        assertThat(exports.agreementSummary(carol, slug, docs, 10).values()).isNotEmpty();
        AgreementSummary huge = exports.agreementSummary(carol, slug, docs, ExportService.CARD_AGREEMENT_MAX_SPANS + 1);
        assertThat(huge.values()).isEmpty();
        assertThat(huge.note()).contains("Not computed", "250,001", "/api/v1/projects/" + slug + "/agreement");
    }

    @Test
    void singleFileFormatsCanBeZippedWithACardAndTheFileIsUnchanged() throws Exception {
        var carol = fixture.actor("carol");
        for (String format : List.of("jsonl", "doccano", "labelstudio", "conll", "csv")) {
            byte[] plain = bytes(exports.prepare(carol, slug, format, "all", AnnotationFilter.none()));
            var zipped = exports.prepare(carol, slug, format, "all", AnnotationFilter.none(), true);
            assertThat(zipped.fileName()).endsWith(".zip");
            assertThat(zipped.mediaType()).isEqualTo("application/zip");
            Map<String, byte[]> entries = unzip(bytes(zipped));
            String data = slug + "-all." + switch (format) {
                case "labelstudio" -> "json";
                case "doccano" -> "jsonl";
                default -> format;
            };
            assertThat(entries.keySet()).as(format).containsExactly(data, "README.md");
            assertThat(entries.get(data)).as(format).isEqualTo(plain);
            assertThat(new String(entries.get("README.md"), StandardCharsets.UTF_8)).as(format)
                    .contains("# Factspan dataset (" + format + ")", "| spans | 4 |", "## Agreement between annotators");
        }
        assertThat(exports.writesCard("brat")).isTrue();
        assertThat(exports.writesCard("jsonl")).isFalse();
    }

    @Test
    void xmiThroughTheServiceCountsUtf16AfterTheEmoji() throws Exception {
        Map<String, byte[]> entries = unzip(bytes(exports.prepare(fixture.actor("alice"), slug, "xmi", "alice",
                AnnotationFilter.none())));
        assertThat(entries).containsKeys("doc-1.xmi", "doc-2.xmi", "TypeSystem.xml", "README.md");
        String xmi = new String(entries.get("doc-1.xmi"), StandardCharsets.UTF_8);
        // "Prices rose by 5%." starts at code point 19, UTF-16 index 20 (after the emoji)
        assertThat(xmi).contains("begin=\"20\" end=\"38\" label=\"CLAIM\" annotator=\"alice\"",
                "verdict=\"supported\"", "collectionId=\"" + slug + "\"");
    }

    @Test
    void progressCountsDocumentsUpToTheTotal() throws Exception {
        var export = exports.prepare(fixture.actor("carol"), slug, "jsonl", "all", AnnotationFilter.none());
        List<String> seen = new java.util.ArrayList<>();
        export.writeTo(new ByteArrayOutputStream(), (written, total) -> seen.add(written + "/" + total));
        assertThat(export.documents()).isEqualTo(2);
        assertThat(seen).containsExactly("1/2", "2/2");
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /**
     * Streaming reads documents in batches: exporting 250 documents with spans, attributes and a triple each costs
     * a few dozen SQL statements (counted by H2 itself), not several per document; and every document arrives whole.
     */
    @Test
    void documentsAreReadInBatchesNotOneByOne() throws Exception {
        // counts statements with H2's query statistics: an H2 feature (the PostgreSQL run skips it)
        org.junit.jupiter.api.Assumptions.assumeFalse(org.factspan.PostgresTestDatabase.enabled());
        var admin = fixture.actor("admin");
        String[] texts = new String[250];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "😀 Doc " + i + ": Tokayev said order has been restored in city " + i + ".";
        }
        String big = fixture.project(texts);
        var alice = fixture.actor("alice");
        var docs = fixture.corpus.listDocuments(alice, big);
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int k = 0; k < docs.size(); k++) {
            // code points: the emoji is one, so the UTF-16 index of "Tokayev" minus one
            int at = texts[k].indexOf("Tokayev") - 1;
            long id = docs.get(k).id();
            rows.add(new Object[] {id, alice.userId(), "SOURCE", at, at + 7, now});
            rows.add(new Object[] {id, alice.userId(), "ATTRIBUTION", at + 8, at + 12, now});
            rows.add(new Object[] {id, alice.userId(), "CLAIM", at + 13, at + 36, now});
        }
        jdbc.batchUpdate("insert into span (document_id, user_id, label, start_cp, end_cp, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("insert into span_attribute (span_id, name, val) select id, 'verdict', 'supported' from span"
                + " where label = 'CLAIM' and document_id in (select id from document where project_id ="
                + " (select id from project where slug = ?))", big);
        jdbc.update("insert into attribution (document_id, user_id, source_span_id, cue_span_id, content_span_id,"
                + " created_at) select s.document_id, s.user_id, s.id, c.id, k.id, ? from span s"
                + " join span c on c.document_id = s.document_id and c.label = 'ATTRIBUTION'"
                + " join span k on k.document_id = s.document_id and k.label = 'CLAIM'"
                + " where s.label = 'SOURCE' and s.document_id in (select id from document where project_id ="
                + " (select id from project where slug = ?))", now, big);

        var export = exports.prepare(admin, big, "jsonl", "all", AnnotationFilter.none());
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        String text;
        long statements;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            export.writeTo(out);
            text = out.toString(StandardCharsets.UTF_8);
            statements = jdbc.queryForObject(
                    "select coalesce(sum(execution_count), 0) from information_schema.query_statistics", Long.class);
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }
        List<ExportDocument> read = read(text);
        assertThat(read).hasSize(250);
        assertThat(read).allSatisfy(d -> {
            assertThat(d.spans()).extracting(ExportSpan::text).containsExactly("Tokayev", "said",
                    "order has been restored");
            assertThat(d.spans().get(2).attributes()).containsEntry("verdict", "supported");
            assertThat(d.attributions()).hasSize(1);
        });
        assertThat(statements).as("SQL statements for 250 documents").isPositive().isLessThan(60);
    }
}
