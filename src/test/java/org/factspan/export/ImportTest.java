package org.factspan.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationImport;
import org.factspan.annotation.SpanId;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.ProjectRole;
import org.factspan.export.format.JsonlFormat;
import org.factspan.security.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Import through the database: round trips, permissions, and all-or-nothing rejection. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ExportFixture.CONTEXT)
class ImportTest {

    static final String SEED = TestUsers.SEED_PROJECT;

    @Autowired
    ExportFixture fixture;
    @Autowired
    ExportService exports;

    byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Each document as name, text and its spans and triples without ids (span ids replaced by their content). */
    static List<String> withoutIds(String jsonl) throws Exception {
        List<String> out = new ArrayList<>();
        for (ExportDocument d : new JsonlFormat().read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)))) {
            Map<Long, String> spans = d.spans().stream().collect(Collectors.toMap(ExportSpan::id,
                    s -> s.start() + ".." + s.end() + " " + s.label() + " \"" + s.text() + "\" " + s.annotator() + " "
                            + s.attributes()));
            out.add(d.name() + "|" + d.text() + "|" + d.meta() + "|" + spans.values().stream().sorted().toList() + "|"
                    + d.attributions().stream().map(a -> spans.get(a.source()) + " / " + spans.get(a.cue()) + " / "
                            + spans.get(a.content()) + " by " + a.annotator()).sorted().toList());
        }
        return out;
    }

    @Test
    void seedSpansSurviveExportImportExport() throws Exception {
        Actor admin = fixture.actor("admin");
        Actor alice = fixture.actor("alice");
        List<DocumentContent> seed = fixture.corpus.listDocuments(alice, SEED).stream()
                .map(d -> fixture.corpus.openDocument(alice, SEED, d.id())).toList();
        DocumentContent doc = seed.get(4);
        var source = fixture.span(alice, SEED, doc.id(), "stabilize", "SOURCE");
        var claim = fixture.span(alice, SEED, seed.get(4).id(), doc.text().substring(0, 20).strip(), "CLAIM");
        fixture.annotations.setAttribute(alice, SEED, new DocumentId(doc.id()), new SpanId(claim.id()), "verdict", "refuted");
        fixture.annotations.setAttribute(alice, SEED, new DocumentId(doc.id()), new SpanId(claim.id()), "note", "compare, with \"AFP\"");
        fixture.annotations.createAttribution(alice, SEED, doc.id(), source.id(), null, claim.id());
        fixture.span(alice, SEED, seed.get(0).id(), "Kazakhstan", "SOURCE");
        String first = fixture.export(alice, SEED, "jsonl", "alice", AnnotationFilter.none()).text();

        String copy = "copy-" + System.nanoTime();
        long project = fixture.setup.createProject(copy, "Copy", null, null,
                fixture.corpus.requireProject(admin, SEED).labels());
        fixture.setup.addMember(project, alice.userId(), ProjectRole.ANNOTATOR);
        for (DocumentContent d : seed) {
            fixture.setup.importDocument(project, d.name(), d.text(), d.meta());
        }
        AnnotationImport.Summary summary = exports.importAnnotations(admin, copy, "jsonl", bytes(first));
        assertThat(summary.documents()).isEqualTo(5);
        assertThat(summary.spans()).isEqualTo(3);
        assertThat(summary.attributions()).isEqualTo(1);

        String second = fixture.export(alice, copy, "jsonl", "alice", AnnotationFilter.none()).text();
        assertThat(withoutIds(second)).isEqualTo(withoutIds(first));
        assertThat(second).isNotEqualTo(first).as("ids are new");
    }

    @Test
    void documentsAreMatchedByNameOrTextAndBratWorksToo() throws Exception {
        String from = fixture.project(ExportFixture.TEXT_1, ExportFixture.TEXT_2);
        fixture.annotate(from);
        Actor carol = fixture.actor("carol");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exports.export(carol, from, "brat", "all", AnnotationFilter.none(), zip);
        String jsonl = fixture.export(carol, from, "jsonl", "all", AnnotationFilter.none()).text();

        // same texts under other names: matched by SHA-256 of the text
        String to = "renamed-" + System.nanoTime();
        long id = fixture.setup.createProject(to, "Renamed", null, null,
                fixture.corpus.requireProject(carol, from).labels());
        fixture.setup.importDocument(id, "other-2.txt", ExportFixture.TEXT_2, Map.of());
        fixture.setup.importDocument(id, "other-1.txt", ExportFixture.TEXT_1, Map.of());
        var summary = exports.importAnnotations(fixture.actor("admin"), to, "brat", zip.toByteArray());
        assertThat(summary.spans()).isEqualTo(4);
        assertThat(summary.attributions()).isEqualTo(1);
        assertThat(fixture.counts(to)).containsExactly(4, 1);
        String again = fixture.export(fixture.actor("admin"), to, "jsonl", "all", AnnotationFilter.none()).text();
        assertThat(withoutIds(again).stream().map(s -> s.substring(s.indexOf('|'))).sorted().toList())
                .isEqualTo(withoutIds(jsonl).stream().map(s -> s.substring(s.indexOf('|')).replaceAll("\\{outlet=[^}]*}",
                        "{}")).sorted().toList());
        assertThatThrownBy(() -> exports.importAnnotations(fixture.actor("admin"), to, "brat", zip.toByteArray()))
                .as("importing twice").isInstanceOf(ConflictException.class).hasMessageContaining("already");
        assertThat(fixture.counts(to)).containsExactly(4, 1);
    }

    static final String GOOD = """
            {"id":1,"name":"doc-1.txt","text":"%s","spans":[{"id":1,"start":2,"end":11,"label":"SOURCE"}],"attributions":[]}
            """;

    @Test
    void anyBadLineRejectsTheWholeFileAndNothingIsStored() throws Exception {
        String slug = fixture.project(ExportFixture.TEXT_1, ExportFixture.TEXT_2);
        String text1 = ExportFixture.TEXT_1.replace("\"", "\\\"");
        String text2 = ExportFixture.TEXT_2.replace("\n", "\\n");
        String good = GOOD.formatted(text1);
        Map<String, String> cases = Map.of(
                "line 2: span 1 (0..999) outside the text",
                "{\"id\":2,\"name\":\"doc-2.txt\",\"text\":\"" + text2
                        + "\",\"spans\":[{\"id\":1,\"start\":0,\"end\":999,\"label\":\"CLAIM\"}]}",
                "line 2, span 1: unknown label 'OPINION'",
                "{\"id\":9002,\"name\":\"doc-2.txt\",\"text\":\"" + text2
                        + "\",\"spans\":[{\"id\":1,\"start\":0,\"end\":7,\"label\":\"OPINION\"}]}",
                "line 2: attribution 1 refers to unknown span 9",
                "{\"id\":9002,\"name\":\"doc-2.txt\",\"text\":\"" + text2 + "\",\"spans\":[{\"id\":1,\"start\":0,\"end\":7,"
                        + "\"label\":\"SOURCE\"}],\"attributions\":[{\"id\":1,\"source\":1,\"cue\":null,\"content\":9}]}",
                "line 2: the text of 'doc-2.txt' does not match",
                "{\"id\":9002,\"name\":\"doc-2.txt\",\"text\":\"Tokayev said something else.\",\"spans\":[]}",
                "line 2: no document in the project matches 'unknown.txt'",
                "{\"id\":9002,\"name\":\"unknown.txt\",\"text\":\"Nobody said this.\",\"spans\":[]}",
                "line 2: span 1 text 'Tokayev' differs",
                "{\"id\":9002,\"name\":\"doc-2.txt\",\"text\":\"" + text2
                        + "\",\"spans\":[{\"id\":1,\"start\":1,\"end\":8,\"label\":\"SOURCE\",\"text\":\"Tokayev\"}]}",
                "line 2, span 1: 'maybe' is not one of",
                "{\"id\":9002,\"name\":\"doc-2.txt\",\"text\":\"" + text2 + "\",\"spans\":[{\"id\":1,\"start\":13,\"end\":36,"
                        + "\"label\":\"CLAIM\",\"attributes\":{\"verdict\":\"maybe\"}}]}",
                "line 2, attribution 1: the content must be a CLAIM span",
                "{\"id\":9002,\"name\":\"doc-2.txt\",\"text\":\"" + text2 + "\",\"spans\":[{\"id\":1,\"start\":0,\"end\":7,"
                        + "\"label\":\"SOURCE\"},{\"id\":2,\"start\":8,\"end\":12,\"label\":\"ATTRIBUTION\"}],"
                        + "\"attributions\":[{\"id\":1,\"source\":1,\"cue\":null,\"content\":2}]}");
        for (var c : cases.entrySet()) {
            assertThatThrownBy(() -> exports.importAnnotations(fixture.actor("alice"), slug, "jsonl",
                    bytes(good + c.getValue() + "\n")))
                    .as(c.getKey()).isInstanceOf(InvalidRequestException.class).hasMessageContaining(c.getKey());
            assertThat(fixture.counts(slug)).as("nothing stored after " + c.getKey()).containsExactly(0, 0);
        }
        assertThatThrownBy(() -> exports.importAnnotations(fixture.actor("alice"), slug, "conll", bytes(good)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("brat, doccano, jsonl, labelstudio");
        assertThatThrownBy(() -> exports.importAnnotations(fixture.actor("alice"), slug, "brat", bytes("not a zip")))
                .isInstanceOf(InvalidRequestException.class);
        var summary = exports.importAnnotations(fixture.actor("alice"), slug, "jsonl", bytes(good));
        assertThat(summary.spans()).isEqualTo(1);
        assertThat(fixture.counts(slug)).containsExactly(1, 0);
    }

    @Test
    void onlyAdminsImportForOthers() throws Exception {
        String slug = fixture.project(ExportFixture.TEXT_1);
        String text1 = ExportFixture.TEXT_1.replace("\"", "\\\"");
        String bobs = "{\"id\":9002,\"name\":\"doc-1.txt\",\"text\":\"" + text1
                + "\",\"spans\":[{\"id\":1,\"start\":2,\"end\":11,\"label\":\"SOURCE\",\"annotator\":\"bob\"}]}\n";
        assertThatThrownBy(() -> exports.importAnnotations(fixture.actor("alice"), slug, "jsonl", bytes(bobs)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("only admins");
        assertThatThrownBy(() -> exports.importAnnotations(fixture.actor("carol"), slug, "jsonl", bytes(bobs)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(fixture.counts(slug)).containsExactly(0, 0);
        assertThatThrownBy(() -> exports.importAnnotations(fixture.actor("admin"), slug, "jsonl",
                bytes(bobs.replace("\"bob\"", "\"nobody\"")))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("unknown annotator 'nobody'");
        exports.importAnnotations(fixture.actor("admin"), slug, "jsonl", bytes(bobs));
        var bob = fixture.export(fixture.actor("bob"), slug, "jsonl", "bob", AnnotationFilter.none());
        assertThat(bob.result().spans()).isEqualTo(1);
        exports.importAnnotations(fixture.actor("alice"), slug, "jsonl", bytes(bobs.replace("\"bob\"", "\"alice\"")));
        assertThat(fixture.counts(slug)).containsExactly(2, 0);
    }
}
