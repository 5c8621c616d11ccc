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
        fixture.annotations.linkSpans(alice, slug, doc2, List.of(claim.id()));
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
        assertThat(entries).containsKeys("doc-1.txt.txt", "doc-1.txt.ann", "annotation.conf", "README.md");
        String card = entries.get("README.md");
        assertThat(card).contains("## About this export", "Export test " + slug, "| annotation set | all |",
                "| Factspan version | ", "| exported at | 20", "## Schema", "verdict: supported\\|refuted",
                "| alice | 3 |", "| bob | 1 |", "| CLAIM | 2 |");
    }
}
