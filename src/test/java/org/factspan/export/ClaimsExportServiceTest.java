package org.factspan.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.SpanInfo;
import org.factspan.claims.ClaimService;
import org.factspan.corpus.CorpusService;
import org.factspan.security.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The claims format: one cluster per line with members, stances, sources, numbers and conflicts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClaimsExportServiceTest {

    static final String SLUG = TestUsers.SEED_PROJECT;

    @Autowired
    TestData data;
    @Autowired
    ExportService exports;
    @Autowired
    ClaimService claims;
    @Autowired
    CorpusService corpus;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void clustersAreExportedOnePerLine() throws Exception {
        FreshProject p = data.fresh("claimsexport");
        Actor alice = p.annotator;
        Actor carol = p.curator;
        SpanInfo a = p.label(alice, "001_df33a49b151eb0e2.txt",
                "317 people were wounded during the unrest across the country", "CLAIM");
        SpanInfo b = p.label(alice, "002_7de7c1baf47c190f.txt",
                "more than 1,000 people had been wounded in the unrest", "CLAIM");
        claims.create(carol, p.slug, "People wounded in the unrest", List.of(a.id(), b.id()));

        assertThat(exports.exportFormats()).contains("claims");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var export = exports.prepare(carol, p.slug, "claims", null, new AnnotationFilter(Set.of(), Set.of()));
        assertThat(export.fileName()).endsWith(".jsonl");
        export.writeTo(out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        JsonNode cluster = JsonMapper.builder().build().readTree(lines[0]);
        assertThat(cluster.get("statement").asString()).isEqualTo("People wounded in the unrest");
        assertThat(cluster.get("outlets").asInt()).isEqualTo(2);
        assertThat(cluster.get("members")).hasSize(2);
        JsonNode first = cluster.get("members").get(0);
        assertThat(first.get("text").asString()).isEqualTo("317 people were wounded during the unrest across the country");
        assertThat(first.get("start").asInt()).isEqualTo(a.start());
        assertThat(first.get("annotator").asString()).isEqualTo(alice.username());
        assertThat(first.get("numbers").get(0).get("interval").asString()).isEqualTo("317");
        assertThat(cluster.get("members").get(1).get("stance").asString()).isEqualTo("conflicts");
        // RFE/RL states no publication time (decision 019): 317 against more than 1,000 cannot be told apart
        assertThat(cluster.get("conflicts").get(0).get("kind").asString()).isEqualTo("unknown-time");
        assertThat(first.get("time").get("basis").asString()).isEqualTo("unknown");
        assertThat(cluster.get("members").get(1).get("time").get("local").asString()).isEqualTo("2022-01-06T18:31");
        assertThat(cluster.get("members").get(1).get("time").get("expression").asString())
                .isEqualTo("Published: 06:31 PM, 6 Jan, 2022");
    }
}
