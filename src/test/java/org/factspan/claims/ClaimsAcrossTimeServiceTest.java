package org.factspan.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.base.Version;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ProjectAdminService;
import org.factspan.curation.CurationService;
import org.factspan.curation.MergeOptions;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims across time on the seed articles (decision 019): the reviewed kinds of every pair of killed, wounded and
 * detained counts, reference times set by hand, publication times, verdicts in the audit trail, the timeline, the
 * ClaimReview, and who sees what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClaimsAcrossTimeServiceTest {

    @Autowired
    TestData data;
    @Autowired
    ClaimService claims;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CorpusService corpus;
    @Autowired
    CurationService curation;
    @Autowired
    UserService users;
    @Autowired
    ProjectAdminService admin;
    @Autowired
    JdbcTemplate jdbc;

    FreshProject p;
    String slug;
    Actor carol;
    Actor alice;

    @BeforeEach
    void freshProject() {
        p = data.fresh("time");
        slug = p.slug;
        carol = p.curator;
        alice = p.annotator;
    }

    SpanInfo claim(String file, String text) {
        return p.label(alice, file, text, "CLAIM");
    }

    /** Every pair of the reviewed file, in clusters per fact built on the board as a curator would. */
    @Test
    void everyPairOfKilledWoundedAndDetainedCountsHasTheReviewedKind() throws IOException {
        record Pair(String fact, String fileA, String a, String fileB, String b, String kind) {
        }
        List<Pair> pairs = new ArrayList<>();
        Map<String, Map<String, String>> facts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/claims/seed-count-pairs.tsv"),
                StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            pairs.add(new Pair(f[0], f[1], f[2], f[3], f[4], f[5]));
            facts.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1] + "|" + f[2], f[1]);
            facts.get(f[0]).put(f[3] + "|" + f[4], f[3]);
        }
        Map<String, Long> spanOf = new LinkedHashMap<>();
        Map<String, ClaimViews.Cluster> clusterOf = new LinkedHashMap<>();
        for (var fact : facts.entrySet()) {
            List<Long> spans = new ArrayList<>();
            for (String key : fact.getValue().keySet()) {
                String[] fileAndText = key.split("\\|", 2);
                long id = claim(fileAndText[0], fileAndText[1]).id();
                spanOf.put(key, id);
                spans.add(id);
            }
            clusterOf.put(fact.getKey(), claims.create(carol, slug, fact.getKey(), spans));
        }
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (Pair pair : pairs) {
            ClaimViews.Cluster c = clusterOf.get(pair.fact());
            long a = member(c, spanOf.get(pair.fileA() + "|" + pair.a()));
            long b = member(c, spanOf.get(pair.fileB() + "|" + pair.b()));
            String kind = c.conflicts().stream().filter(x -> !x.kind().equals("attribution"))
                    .filter(x -> x.memberA() == a && x.memberB() == b || x.memberA() == b && x.memberB() == a)
                    .map(ClaimViews.Conflict::kind).findFirst().orElse("consistent");
            String id = pair.fact() + ": " + pair.a() + " / " + pair.b() + " = ";
            expected.add(id + pair.kind());
            actual.add(id + kind);
        }
        long same = java.util.stream.IntStream.range(0, expected.size())
                .filter(i -> expected.get(i).equals(actual.get(i))).count();
        System.out.printf("count pairs of the seed articles: %d of %d as reviewed%n", same, expected.size());
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(pairs).hasSize(17);
        assertThat(actual).anyMatch(s -> s.endsWith("= update")).anyMatch(s -> s.endsWith("= unknown-time"));
        // the words of the update between 8 and 13
        ClaimViews.Cluster killed = clusterOf.get("killed");
        assertThat(killed.conflicts()).filteredOn(x -> x.kind().equals("update")).singleElement()
                .satisfies(x -> assertThat(x.detail()).isEqualTo("24 News HD's “13” killed (13, 6 Jan 2022, 12:00"
                        + " (UTC+6)) is later than Vision Times' “eight” killed (8, 5 Jan 2022 (UTC+6)) and higher: the"
                        + " cumulative count grew (an update, not a contradiction)"));
        assertThat(killed.members()).filteredOn(m -> m.outlet().equals("24 News HD")).singleElement()
                .satisfies(m -> {
                    assertThat(m.time().expression()).isEqualTo("As of midday Thursday");
                    assertThat(m.time().local()).isEqualTo("2022-01-06T12:00");
                    assertThat(m.time().basis()).isEqualTo("text");
                });
        assertThat(claims.clusters(carol, slug, new ClaimViews.Filter("update", null, null, null)))
                .extracting(ClaimViews.Cluster::statement).containsExactlyInAnyOrder("killed", "wounded");
        assertThat(claims.clusters(carol, slug, new ClaimViews.Filter("unknown-time", null, null, null)))
                .extracting(ClaimViews.Cluster::statement).containsExactlyInAnyOrder("killed", "wounded");
        assertThat(claims.clusters(carol, slug, new ClaimViews.Filter("contradiction", null, null, null))).isEmpty();
        assertThat(claims.clusters(carol, slug, new ClaimViews.Filter("none", null, null, null)))
                .extracting(ClaimViews.Cluster::statement).containsExactlyInAnyOrder("detained", "killed-2011");
    }

    static long member(ClaimViews.Cluster c, long spanId) {
        return c.members().stream().filter(m -> m.spanId() == spanId).findFirst().orElseThrow().id();
    }

    @Test
    void aPublicationTimeSetByACuratorTurnsUnknownTimesIntoUpdatesOrContradictions() {
        SpanInfo rfe = claim("001_df33a49b151eb0e2.txt", "eight police and national guard troops were killed");
        SpanInfo news24 = claim("002_7de7c1baf47c190f.txt", "13 killed, including two who had their heads cut off");
        ClaimViews.Cluster c = claims.create(carol, slug, "Police and troops killed", List.of(rfe.id(), news24.id()));
        assertThat(c.conflicts()).extracting(ClaimViews.Conflict::kind).containsExactly("unknown-time");
        assertThat(c.members().get(0).time().display()).isEqualTo("time unknown");

        DocumentSummary doc = admin.setPublicationTime(carol, slug, rfe.documentId(), "2022-01-05 23:40", "Asia/Almaty");
        assertThat(doc.published().describe()).isEqualTo("5 Jan 2022, 23:40");
        assertThat(doc.published().source()).isEqualTo("curator");
        c = claims.cluster(carol, slug, c.id());
        assertThat(c.conflicts()).extracting(ClaimViews.Conflict::kind).containsExactly("update");
        // the same publication time with a late offset: after midday Thursday Almaty time, 8 then reads as a revision
        admin.setPublicationTime(carol, slug, rfe.documentId(), "2022-01-06T10:00+01:00", "Asia/Almaty");
        assertThat(claims.cluster(carol, slug, c.id()).conflicts()).extracting(ClaimViews.Conflict::kind)
                .containsExactly("revision-down");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'document.published'"
                + " and document_id = ?", Long.class, rfe.documentId())).isEqualTo(2L);
        assertThatThrownBy(() -> admin.setPublicationTime(carol, slug, rfe.documentId(), "Thursday", null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("2022-01-05");
        assertThatThrownBy(() -> admin.setPublicationTime(carol, slug, rfe.documentId(), "2022-01-05", "Mars/Olympus"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("time zone");
        assertThatThrownBy(() -> admin.setPublicationTime(alice, slug, rfe.documentId(), "2022-01-05", null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(corpus.requireDocument(carol, slug, rfe.documentId()).published().value())
                .isEqualTo("2022-01-06T10:00+01:00");
    }

    @Test
    void aCuratorSetsAClaimsReferenceTimeAndItIsRecorded() {
        SpanInfo vt = claim("003_e83fa0ec37095518.txt", "eight police and national guard troops have died");
        SpanInfo news24 = claim("002_7de7c1baf47c190f.txt", "13 killed, including two who had their heads cut off");
        ClaimViews.Cluster c = claims.create(carol, slug, "Killed", List.of(vt.id(), news24.id()));
        assertThat(c.conflicts()).extracting(ClaimViews.Conflict::kind).containsExactly("update");
        long version = c.version();

        assertThat(claims.setTime(carol, slug, vt.id(), "as of midday Wednesday").local())
                .as("words are read relative to the publication, Wednesday 5 January").isEqualTo("2022-01-05T12:00");
        ClaimViews.Time t = claims.setTime(carol, slug, vt.id(), "2022-01-06 12:00");
        assertThat(t.local()).isEqualTo("2022-01-06T12:00");
        assertThat(t.basis()).isEqualTo("curator");
        c = claims.cluster(carol, slug, c.id());
        assertThat(c.conflicts()).extracting(ClaimViews.Conflict::kind).containsExactly("contradiction");
        assertThat(c.version()).as("the cluster counts up").isGreaterThan(version);
        assertThat(c.member(member(c, news24.id())).orElseThrow().stance()).isEqualTo("conflicts");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'claims.time' and span_id = ?",
                Long.class, vt.id())).isEqualTo(2L);

        assertThat(claims.setTime(carol, slug, vt.id(), "  ").basis()).isEqualTo("text");
        assertThat(claims.cluster(carol, slug, c.id()).conflicts()).extracting(ClaimViews.Conflict::kind)
                .containsExactly("update");

        long rows = count("claim_time");
        assertThatThrownBy(() -> claims.setTime(carol, slug, vt.id(), "whenever it suits"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Cannot place");
        assertThatThrownBy(() -> claims.setTime(carol, slug, vt.id(), "x".repeat(101)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> claims.setTime(alice, slug, vt.id(), "2022-01-05"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> claims.setTime(carol, slug, 987654321L, "2022-01-05"))
                .isInstanceOf(NotFoundException.class);
        assertThat(count("claim_time")).isEqualTo(rows);
    }

    @Test
    void aVerdictIsRecordedInTheAuditTrailPublishedAsClaimReviewAndRefusedWhenBad() {
        SpanInfo vt = claim("003_e83fa0ec37095518.txt", "eight police and national guard troops have died");
        SpanInfo news24 = claim("002_7de7c1baf47c190f.txt", "13 killed, including two who had their heads cut off");
        ClaimViews.Cluster c = claims.create(carol, slug, "Police and troops killed in the unrest",
                List.of(vt.id(), news24.id()));
        assertThatThrownBy(() -> claims.claimReview(carol, slug, c.id())).isInstanceOf(ConflictException.class);
        long thirteen = member(c, news24.id());
        ClaimViews.Cluster after = claims.setVerdict(carol, slug, new ClusterId(c.id()), new Version(c.version()), new ClaimViews.VerdictInput(
                "at least 13", "midday Thursday", "updated", "mostly-true",
                "The count grew from eight on Wednesday to 13 by midday Thursday.", List.of(thirteen),
                List.of("https://example.org/ministry-statement")));
        ClaimViews.Verdict v = after.verdict();
        assertThat(v.low()).isEqualTo(13.0);
        assertThat(v.high()).isNull();
        assertThat(v.asOf().local()).isEqualTo("2022-01-06T12:00");
        assertThat(v.status()).isEqualTo("updated");
        assertThat(v.rating()).isEqualTo("mostly-true");
        assertThat(v.members()).containsExactly(thirteen);
        assertThat(v.setBy()).isEqualTo(carol.username());
        assertThat(claims.history(carol, slug, c.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("claims.verdict");
            assertThat(e.username()).isEqualTo(carol.username());
            assertThat(e.after()).contains("\"rating\":\"mostly-true\"", "at least 13");
            assertThat(e.before()).contains("\"verdict\":null");
        });
        Map<String, Object> review = claims.claimReview(carol, slug, c.id());
        assertThat(review).containsEntry("@type", "ClaimReview")
                .containsEntry("claimReviewed", "Police and troops killed in the unrest");
        assertThat(claims.timeline(carol, slug, c.id()).established().value()).isEqualTo("at least 13");

        // refusals store nothing
        long verdicts = count("claim_verdict");
        long events = count("audit_event");
        long version = after.version();
        List<ClaimViews.VerdictInput> bad = List.of(
                new ClaimViews.VerdictInput("13", null, "maybe", "true", "x", null, null),
                new ClaimViews.VerdictInput("13", null, "updated", "pants-on-fire", "x", null, null),
                new ClaimViews.VerdictInput("13", null, "updated", "true", "  ", null, null),
                new ClaimViews.VerdictInput("13", null, "updated", "true", "x".repeat(2001), null, null),
                new ClaimViews.VerdictInput("thirteenish", null, "updated", "true", "x", null, null),
                new ClaimViews.VerdictInput("13", "someday", "updated", "true", "x", null, null),
                new ClaimViews.VerdictInput("13", null, "updated", "true", "x", List.of(987654321L), null),
                new ClaimViews.VerdictInput("13", null, "updated", "true", "x", null, List.of("javascript:alert(1)")),
                new ClaimViews.VerdictInput("13", null, "updated", "true", "x", null,
                        java.util.Collections.nCopies(11, "https://example.org/a")));
        for (ClaimViews.VerdictInput in : bad) {
            assertThatThrownBy(() -> claims.setVerdict(carol, slug, new ClusterId(c.id()), new Version(version), in)).as(in.toString())
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> claims.setVerdict(carol, slug, new ClusterId(c.id()), new Version(version - 1), bad.get(0)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> claims.setVerdict(alice, slug, new ClusterId(c.id()), null, bad.get(0)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(count("claim_verdict")).isEqualTo(verdicts);
        assertThat(count("audit_event")).isEqualTo(events);
        assertThat(claims.cluster(carol, slug, c.id()).version()).isEqualTo(version);

        ClaimViews.Cluster cleared = claims.clearVerdict(carol, slug, new ClusterId(c.id()), new Version(version));
        assertThat(cleared.verdict()).isNull();
        assertThat(claims.history(carol, slug, c.id())).extracting(e -> e.action())
                .containsExactly("claims.verdict", "claims.verdict.clear");
        assertThatThrownBy(() -> claims.clearVerdict(carol, slug, new ClusterId(c.id()), null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void annotatorsSeeVerdictsOfCuratedDocumentsButNotAnotherAnnotatorsNotes() {
        Actor bob = p.annotator2;
        SpanInfo mine = claim("003_e83fa0ec37095518.txt", "eight police and national guard troops have died");
        SpanInfo theirs = p.label(bob, "002_7de7c1baf47c190f.txt",
                "13 killed, including two who had their heads cut off", "CLAIM");
        annotations.setAttribute(alice, slug, new DocumentId(mine.documentId()), new SpanId(mine.id()), "note", "my own note");
        annotations.setAttribute(bob, slug, new DocumentId(theirs.documentId()), new SpanId(theirs.id()), "note", "bob's private doubts");
        ClaimViews.Cluster c = claims.create(carol, slug, "Killed", List.of(mine.id(), theirs.id()));
        claims.setVerdict(carol, slug, new ClusterId(c.id()), null, new ClaimViews.VerdictInput("13", null, "updated", "true",
                "Grew.", null, null));
        assertThat(claims.clusters(alice, slug, null)).as("documents not curated yet").isEmpty();
        assertThatThrownBy(() -> claims.history(alice, slug, c.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> claims.timeline(alice, slug, c.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> claims.claimReview(alice, slug, c.id())).isInstanceOf(ForbiddenException.class);
        for (long doc : List.of(mine.documentId(), theirs.documentId())) {
            var opened = curation.open(carol, slug, doc, MergeOptions.none(), false);
            // curated anyway (open places stay): this test is about what curated documents show
            curation.markCurated(carol, slug, new DocumentId(doc), new Version(opened.version()), true);
        }
        ClaimViews.Cluster seen = claims.cluster(alice, slug, c.id());
        assertThat(seen.verdict().status()).isEqualTo("updated");
        assertThat(seen.member(member(seen, mine.id())).orElseThrow().attributes()).containsEntry("note",
                "my own note");
        assertThat(seen.member(member(seen, theirs.id())).orElseThrow().attributes()).as("bob's note is bob's")
                .isEmpty();
        assertThat(claims.cluster(carol, slug, c.id()).member(member(seen, theirs.id())).orElseThrow().attributes())
                .containsEntry("note", "bob's private doubts");
        assertThat(claims.clusters(alice, slug, new ClaimViews.Filter(null, null, "note=bob's private doubts", null)))
                .as("no filtering by what one may not see").isEmpty();
        assertThat(claims.history(alice, slug, c.id())).hasSize(1);
        assertThat(claims.claimReview(alice, slug, c.id())).containsEntry("@type", "ClaimReview");
    }

    @Test
    void theExportDialogsClaimReviewZipHoldsEveryReviewAndTheTimelines() throws Exception {
        SpanInfo vt = claim("003_e83fa0ec37095518.txt", "eight police and national guard troops have died");
        SpanInfo news24 = claim("002_7de7c1baf47c190f.txt", "13 killed, including two who had their heads cut off");
        SpanInfo wounded = claim("003_e83fa0ec37095518.txt", "317 have been injured so far due to the unrest");
        ClaimViews.Cluster killed = claims.create(carol, slug, "Killed", List.of(vt.id(), news24.id()));
        claims.create(carol, slug, "Wounded", List.of(wounded.id()));
        claims.setVerdict(carol, slug, new ClusterId(killed.id()), null, new ClaimViews.VerdictInput("13", "2022-01-06 12:00",
                "updated", "true", "Grew.", null, null));
        var out = new java.io.ByteArrayOutputStream();
        exports.prepare(carol, slug, "claimreview", null, new org.factspan.annotation.AnnotationFilter(
                java.util.Set.of(), java.util.Set.of()), true).writeTo(out);
        Map<String, String> entries = new LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries.keySet()).containsExactly("README.md", "claimreview.jsonld",
                "claimreview/cluster-" + killed.id() + ".jsonld", "timeline.csv");
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var array = json.readTree(entries.get("claimreview.jsonld"));
        assertThat(array).hasSize(1);
        assertThat(json.readTree(entries.get("claimreview/cluster-" + killed.id() + ".jsonld"))).isEqualTo(array.get(0));
        assertThat(ClaimReviewVocabularyTest.violations(array, ClaimReviewVocabularyTest.Vocabulary.load(), "$"))
                .isEmpty();
        assertThat(json.readTree(json.writeValueAsString(claims.claimReview(carol, slug, killed.id()))))
                .as("the REST answer is the same document").isEqualTo(array.get(0));
        assertThat(entries.get("timeline.csv").split("\r\n")).hasSize(4).anySatisfy(row -> assertThat(row)
                .startsWith(killed.id() + ",Killed,24 News HD,").contains(",2022-01-06T12:00,"));
        assertThat(exports.exportFormats()).contains("claimreview");
    }

    @Autowired
    org.factspan.export.ExportService exports;

    /** Two curators record a verdict on the same version at once: one wins, the other gets a 409, never a 500. */
    @Test
    void twoVerdictsAtOnceOneWinsTheOtherIsAConflict() throws Exception {
        Actor dave = users.findActor("admin").orElseThrow();
        SpanInfo vt = claim("003_e83fa0ec37095518.txt", "eight police and national guard troops have died");
        ClaimViews.Cluster c = claims.create(carol, slug, "Killed", List.of(vt.id()));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                long version = claims.cluster(carol, slug, c.id()).version();
                var start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<String>> results = new ArrayList<>();
                for (Actor who : List.of(carol, dave)) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            claims.setVerdict(who, slug, new ClusterId(c.id()), new Version(version), new ClaimViews.VerdictInput("8", null,
                                    "consistent", "true", "By " + who.username(), null, null));
                            return "ok";
                        } catch (ConflictException e) {
                            return "409";
                        }
                    }));
                }
                start.countDown();
                List<String> outcome = new ArrayList<>();
                for (var f : results) {
                    outcome.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertThat(outcome).as("round " + round).containsExactlyInAnyOrder("ok", "409");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from claim_verdict where cluster_id = ?", Long.class, c.id()))
                .isEqualTo(1L);
        assertThat(claims.history(carol, slug, c.id())).as("one entry per round: the winner's").hasSize(8);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
