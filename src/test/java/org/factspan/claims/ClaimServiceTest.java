package org.factspan.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.CorpusService;
import org.factspan.curation.CurationService;
import org.factspan.curation.MergeOptions;
import org.factspan.security.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.factspan.corpus.DocumentId;
import org.factspan.annotation.SpanId;
import org.factspan.base.Version;

/** Clusters of seed claims: conflicts, stances, suggestions, permissions, refusals that store nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClaimServiceTest {

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
    JdbcTemplate jdbc;

    FreshProject p;
    String slug;
    Actor alice;
    Actor carol;
    Actor bob;

    @BeforeEach
    void freshProject() {
        p = data.fresh("claims");
        slug = p.slug;
        alice = p.annotator;
        bob = p.annotator2;
        carol = p.curator;
    }

    SpanInfo label(String file, String phrase, String label) {
        return p.label(alice, file, phrase, label);
    }

    SpanInfo claim(String file, String phrase, String source) {
        SpanInfo claim = label(file, phrase, "CLAIM");
        if (source != null) {
            SpanInfo s = label(file, source, "SOURCE");
            annotations.createAttribution(alice, slug, claim.documentId(), s.id(), null, claim.id());
        }
        return claim;
    }

    @Test
    void theCasualtyFiguresOfTheOutletsAreFlaggedAsConflicts() {
        SpanInfo rfe = claim("001_df33a49b151eb0e2.txt", "eight police and national guard troops were killed",
                "The Interior Ministry");
        SpanInfo news24 = claim("002_7de7c1baf47c190f.txt", "13 killed, including two who had their heads cut off",
                null);
        SpanInfo voi = claim("004_8df69c7030b76481.txt",
                "at least eight police officers and soldiers were killed in the riots", "Kazakh media");

        ClaimViews.Cluster c = claims.create(carol, slug, "Security forces killed in the unrest",
                List.of(rfe.id(), voi.id()));
        assertThat(c.outlets()).isEqualTo(2);
        assertThat(c.conflicts()).extracting(ClaimViews.Conflict::kind).containsExactly("attribution");
        assertThat(c.conflicts().get(0).detail()).contains("Interior Ministry", "Kazakh media");
        assertThat(c.members()).allSatisfy(m -> assertThat(m.stanceSuggested()).isTrue());
        assertThat(c.members().get(0).numbers()).extracting(ClaimViews.Number::interval, ClaimViews.Number::event)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("8", "killed"));
        assertThat(c.members().get(0).sources()).containsExactly("The Interior Ministry");
        assertThat(c.members().get(0).owner()).isEqualTo(alice.username());
        assertThat(c.members().get(0).before()).endsWith("claimed ");

        c = claims.addMember(carol, slug, new ClusterId(c.id()), new Version(c.version()), new SpanId(news24.id()), null);
        assertThat(c.outlets()).isEqualTo(3);
        // RFE/RL states no publication time: eight against 13 cannot be told an update or a contradiction
        assertThat(c.conflicts()).extracting(ClaimViews.Conflict::kind).contains("unknown-time", "attribution");
        ClaimViews.Member thirteen = c.members().stream().filter(m -> m.spanId() == news24.id()).findFirst()
                .orElseThrow();
        assertThat(thirteen.stance()).isEqualTo("conflicts");
        assertThat(c.conflicts()).filteredOn(x -> x.kind().equals("unknown-time")).singleElement()
                .satisfies(x -> assertThat(x.detail()).contains("eight", "13"));
        // a person's stance stays
        c = claims.setStance(carol, slug, new ClusterId(c.id()), new Version(c.version()), thirteen.id(), "refines");
        assertThat(c.members()).filteredOn(m -> m.id() == thirteen.id()).singleElement()
                .satisfies(m -> assertThat(m.stance()).isEqualTo("refines"));
        assertThat(claims.clusters(carol, slug, new ClaimViews.Filter("numeric", null, null, null))).hasSize(1);
        assertThat(claims.clusters(carol, slug, new ClaimViews.Filter("none", null, null, null))).isEmpty();
        assertThat(claims.clusters(carol, slug, new ClaimViews.Filter(null, "VOI", null, null))).hasSize(1);
        assertThat(claims.clusters(carol, slug, new ClaimViews.Filter(null, "Reuters", null, null))).isEmpty();
    }

    /**
     * Issue 16: labels carry a role; names are the project's. With CLAIM, SOURCE and ATTRIBUTION renamed to
     * STATEMENT, SPEAKER and CUE, linking spans still makes triples (by role, as the l key does), clusters hold the
     * statements, the differing sources are flagged as a conflict, suggestions find statements in other articles, and
     * a speaker span is refused as a cluster member in the schema's own words.
     */
    @Test
    void aProjectWhoseLabelsAreNamedStatementSpeakerAndCueStillBuildsTriplesAndClaimConflicts() {
        p = data.fresh("renamed", java.util.Map.of("CLAIM", "STATEMENT", "SOURCE",
                "SPEAKER", "ATTRIBUTION", "CUE"));
        slug = p.slug;
        alice = p.annotator;
        carol = p.curator;
        assertThat(corpus.requireProject(carol, slug).labels()).extracting(org.factspan.corpus.LabelInfo::name)
                .doesNotContain("CLAIM", "SOURCE", "ATTRIBUTION");
        SpanInfo rfe = label("001_df33a49b151eb0e2.txt", "eight police and national guard troops were killed",
                "STATEMENT");
        SpanInfo ministry = label("001_df33a49b151eb0e2.txt", "The Interior Ministry", "SPEAKER");
        var triple = annotations.linkSpans(alice, slug, rfe.documentId(), List.of(ministry.id(), rfe.id()));
        assertThat(triple.content()).isEqualTo(rfe.id());
        assertThat(triple.source()).isEqualTo(ministry.id());
        SpanInfo voi = label("004_8df69c7030b76481.txt",
                "at least eight police officers and soldiers were killed in the riots", "STATEMENT");
        SpanInfo media = label("004_8df69c7030b76481.txt", "Kazakh media", "SPEAKER");
        annotations.createAttribution(alice, slug, voi.documentId(), media.id(), null, voi.id());
        SpanInfo vt = label("003_e83fa0ec37095518.txt", "eight police and national guard troops have died",
                "STATEMENT");

        assertThat(claims.suggestions(carol, slug, rfe.id(), null, 5)).extracting(ClaimViews.Suggestion::spanId)
                .contains(voi.id(), vt.id());
        ClaimViews.Cluster c = claims.create(carol, slug, "Security forces killed in the unrest",
                List.of(rfe.id(), voi.id()));
        assertThat(c.members()).extracting(ClaimViews.Member::spanId).containsExactly(rfe.id(), voi.id());
        assertThat(c.conflicts()).extracting(ClaimViews.Conflict::kind).containsExactly("attribution");
        assertThat(c.conflicts().get(0).detail()).contains("Interior Ministry", "Kazakh media");
        assertThat(c.members().get(0).sources()).containsExactly("The Interior Ministry");
        assertThatThrownBy(() -> claims.create(carol, slug, "Not a statement", List.of(ministry.id())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("clusters hold STATEMENT spans only");
    }

    @Test
    void suggestionsRankTheSameFactInOtherArticlesFirst() {
        SpanInfo rfe = claim("001_df33a49b151eb0e2.txt", "317 people were wounded during the unrest across the country",
                null);
        SpanInfo vt = claim("003_e83fa0ec37095518.txt", "317 have been injured so far due to the unrest", null);
        claim("003_e83fa0ec37095518.txt", "The government has resigned in response to the unrest", null);
        claim("000_e2f29e929665aa3d.txt", "a nationwide shutdown of the internet", null);
        claim("001_df33a49b151eb0e2.txt", "Toqaev earlier on January 5 declared a nationwide state of emergency", null);
        List<ClaimViews.Suggestion> s = claims.suggestions(carol, slug, rfe.id(), null, 5);
        assertThat(s).isNotEmpty();
        assertThat(s.get(0).spanId()).isEqualTo(vt.id());
        assertThat(s.get(0).reasons()).anyMatch(r -> r.equals("same count: “317” wounded"));
        assertThat(s).noneMatch(x -> x.documentId() == rfe.documentId());
        ClaimViews.Cluster c = claims.create(carol, slug, "317 wounded", List.of(rfe.id(), vt.id()));
        assertThat(claims.suggestions(carol, slug, rfe.id(), c.id(), 5)).noneMatch(x -> x.spanId() == vt.id());
        assertThatThrownBy(() -> claims.suggestions(alice, slug, rfe.id(), null, 5))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void annotatorsSeeAClusterOnlyOnceItsDocumentsAreCuratedAndWithoutAnnotatorNames() {
        SpanInfo a = claim("001_df33a49b151eb0e2.txt", "eight police and national guard troops were killed", null);
        SpanInfo b = claim("003_e83fa0ec37095518.txt", "eight police and national guard troops have died", null);
        annotations.createSpan(bob, slug, a.documentId(), a.start(), a.end(), "CLAIM");
        ClaimViews.Cluster c = claims.create(carol, slug, "Eight police and guards killed", List.of(a.id(), b.id()));
        assertThat(claims.clusters(alice, slug, null)).isEmpty();
        assertThatThrownBy(() -> claims.cluster(alice, slug, c.id())).isInstanceOf(ForbiddenException.class);
        for (long doc : List.of(a.documentId(), b.documentId())) {
            var opened = curation.open(carol, slug, doc, MergeOptions.unanimous(), false);
            // curated anyway (open places stay): this test is about what curated documents show
            curation.markCurated(carol, slug, new DocumentId(doc), new Version(opened.version()), true);
            if (doc == a.documentId()) {
                assertThat(claims.clusters(alice, slug, null)).as("one of two documents curated").isEmpty();
            }
        }
        List<ClaimViews.Cluster> seen = claims.clusters(alice, slug, null);
        assertThat(seen).singleElement().satisfies(x -> assertThat(x.members())
                .extracting(ClaimViews.Member::owner).containsOnly("annotator"));
        assertThatThrownBy(() -> claims.create(alice, slug, "mine", List.of(a.id())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> claims.rename(alice, slug, new ClusterId(c.id()), null, "mine"))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void badChangesAreRefusedAndStoreNothing() {
        SpanInfo a = claim("001_df33a49b151eb0e2.txt", "eight police and national guard troops were killed", null);
        SpanInfo source = label("001_df33a49b151eb0e2.txt", "The Interior Ministry", "SOURCE");
        ClaimViews.Cluster c = claims.create(carol, slug, "Eight killed", List.of(a.id()));
        long clusters = count("claim_cluster");
        long members = count("claim_member");
        List<Runnable> refused = new ArrayList<>();
        assertThatThrownBy(() -> claims.create(carol, slug, "  ", List.of(a.id())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("statement");
        assertThatThrownBy(() -> claims.create(carol, slug, "x".repeat(1001), List.of()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> claims.create(carol, slug, "Sources", List.of(a.id(), source.id())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("SOURCE");
        assertThatThrownBy(() -> claims.addMember(carol, slug, new ClusterId(c.id()), null, new SpanId(987654321L), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> claims.addMember(carol, slug, new ClusterId(c.id()), null, new SpanId(a.id()), null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> claims.addMember(carol, slug, new ClusterId(c.id()), new Version(c.version() + 5), new SpanId(a.id()), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("changed meanwhile");
        assertThatThrownBy(() -> claims.setStance(carol, slug, new ClusterId(c.id()), null, c.members().get(0).id(), "maybe"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("agrees, conflicts or refines");
        assertThatThrownBy(() -> claims.rename(carol, slug, new ClusterId(987654321L), null, "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> claims.clusters(carol, slug, new ClaimViews.Filter("sometimes", null, null, null)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(count("claim_cluster")).isEqualTo(clusters);
        assertThat(count("claim_member")).isEqualTo(members);
        assertThat(claims.cluster(carol, slug, c.id()).version()).isEqualTo(c.version());
        assertThat(refused).isEmpty();
    }

    @Test
    void deletingAClaimSpanTakesItOutOfItsClusters() {
        SpanInfo a = claim("001_df33a49b151eb0e2.txt", "eight police and national guard troops were killed", null);
        SpanInfo b = claim("003_e83fa0ec37095518.txt", "eight police and national guard troops have died", null);
        ClaimViews.Cluster c = claims.create(carol, slug, "Eight killed", List.of(a.id(), b.id()));
        annotations.deleteSpan(alice, slug, new DocumentId(b.documentId()), new SpanId(b.id()));
        assertThat(claims.cluster(carol, slug, c.id()).members()).extracting(ClaimViews.Member::spanId)
                .containsExactly(a.id());
        claims.delete(carol, slug, new ClusterId(c.id()), null);
        assertThat(claims.clusters(carol, slug, null)).isEmpty();
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
