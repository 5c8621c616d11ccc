package org.factspan.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationService;
import org.factspan.base.ForbiddenException;
import org.factspan.corpus.CorpusService;
import org.factspan.curation.CurationService;
import org.factspan.curation.MergeOptions;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gold set: the curated version of curated or in-progress documents, each span with its provenance. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GoldExportServiceTest {


    @Autowired
    TestData data;
    @Autowired
    ExportService exports;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CurationService curation;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void goldSpansCarryTheirProvenanceAndOnlyCuratorsExportThem() throws Exception {
        FreshProject p = data.fresh("goldexport");
        String slug = p.slug;
        Actor alice = p.annotator;
        Actor bob = p.annotator2;
        Actor carol = p.curator;
        long doc = corpus.listDocuments(carol, slug).get(1).id();
        annotations.createSpan(alice, slug, doc, 0, 9, "CLAIM");
        annotations.createSpan(bob, slug, doc, 0, 9, "CLAIM");
        annotations.createSpan(alice, slug, doc, 20, 30, "SOURCE");
        p.finish(doc, alice, bob); // only finished work is merged (decision 023)
        curation.open(carol, slug, doc, MergeOptions.unanimous(), false);

        assertThat(exports.sets(carol, slug)).contains("gold", "all");
        assertThat(exports.sets(alice, slug)).doesNotContain("gold");
        assertThatThrownBy(() -> exports.prepare(alice, slug, "jsonl", "gold", new AnnotationFilter(Set.of(), Set.of())))
                .isInstanceOf(ForbiddenException.class);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.prepare(carol, slug, "jsonl", "gold", new AnnotationFilter(Set.of(), Set.of())).writeTo(out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1); // only the document whose curation started
        JsonNode line = JsonMapper.builder().build().readTree(lines[0]);
        assertThat(line.get("id").asLong()).isEqualTo(doc);
        assertThat(line.get("spans")).hasSize(1);
        JsonNode span = line.get("spans").get(0);
        assertThat(span.get("provenance").asString()).isEqualTo("unanimous");
        assertThat(span.has("annotator")).isFalse();
        assertThat(span.get("start").asInt()).isZero();
        assertThat(span.get("end").asInt()).isEqualTo(9);
    }

    @Autowired
    org.factspan.corpus.ProgressService progress;

    @Test
    void curatorsExportGoldByDefaultOnceThereIsGoldAndTheGoldAccountIsNobody() throws Exception {
        FreshProject p = data.fresh("golddefault");
        long doc = corpus.listDocuments(p.curator, p.slug).get(1).id();
        annotations.createSpan(p.annotator, p.slug, doc, 0, 9, "CLAIM");
        annotations.createSpan(p.annotator2, p.slug, doc, 0, 9, "CLAIM");
        p.finish(doc, p.annotator, p.annotator2);
        assertThat(exports.defaultSet(p.curator, p.slug)).as("no gold yet").isEqualTo("all");
        assertThat(exports.defaultSet(p.annotator, p.slug)).isEqualTo(p.annotator.username());
        curation.open(p.curator, p.slug, doc, MergeOptions.unanimous(), false);
        assertThat(exports.defaultSet(p.curator, p.slug)).isEqualTo("gold");
        assertThat(exports.defaultSet(p.annotator, p.slug)).isEqualTo(p.annotator.username());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.prepare(p.curator, p.slug, "jsonl", null, new AnnotationFilter(Set.of(), Set.of())).writeTo(out);
        JsonNode line = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8).split("\n")[0]);
        assertThat(line.get("spans").get(0).get("provenance").asString()).as("the gold set").isEqualTo("unanimous");

        // the system account that owns the gold standard is no person: not in progress, not among users
        var report = progress.progress(p.curator, p.slug);
        assertThat(report.annotators()).extracting(a -> a.username()).doesNotContain("gold");
        assertThat(report.documents()).flatExtracting(d -> d.assignees()).extracting(a -> a.username())
                .doesNotContain("gold");
        assertThat(report.spans()).as("gold spans are not counted as work").isEqualTo(2);
        Actor admin = users.findActor("admin").orElseThrow();
        assertThat(users.listUsers(admin)).extracting(u -> u.username()).doesNotContain("gold");
    }
}
