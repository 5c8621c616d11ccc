package org.factspan.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.SpanInfo;
import org.factspan.claims.ClaimService;
import org.factspan.claims.ClaimViews;
import org.factspan.corpus.ProjectRole;
import org.factspan.curation.CurationService;
import org.factspan.curation.MergeOptions;
import org.factspan.corpus.DocumentId;
import org.factspan.base.Version;

/**
 * A small project with something of every kind in it, for the role matrix: two seed articles, a team (curator,
 * annotator, a second annotator, a spare member), both annotators' spans and attributions on the first article, the
 * annotator assigned to both articles, curation in progress on the first article (gold spans and a gold
 * attribution), the second article curated with a gold claim in a claim cluster, and an API token of the annotator.
 * Every path variable of the REST API and every route parameter can be filled from it.
 */
final class MatrixWorld {

    /** The beans a world is built with. */
    record Services(TestData data, CurationService curation, ClaimService claims, ApiTokenService tokens) {
    }

    /** The people: members of the project ({@code spare} is one who may be removed), and the admin. */
    record Team(Actor curator, Actor annotator, Actor annotator2, Actor spare, Actor admin) {
    }

    private static final AtomicInteger NEXT = new AtomicInteger();

    final String slug;
    final String name;
    final long projectId;
    final long doc;
    final long doc2;
    final long annClaim;
    final long annSource;
    final long annTriple;
    final long otherClaim;
    final long otherTriple;
    final long goldClaim;
    final long goldSource;
    final long goldTriple;
    /** The version of the first article's gold standard after the set-up. */
    final long version;
    final long goldClaim2;
    final long cluster;
    final long clusterMember;
    final long token;

    MatrixWorld(String prefix, Services s, Team t) {
        String tag = prefix + NEXT.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
        FreshProject p = s.data().project(tag.toLowerCase(Locale.ROOT)).name("Matrix " + tag).seedDescription()
                .seedDocuments(0, 1).member(t.curator(), ProjectRole.CURATOR)
                .member(t.annotator(), ProjectRole.ANNOTATOR).member(t.annotator2(), ProjectRole.ANNOTATOR)
                .member(t.spare(), ProjectRole.ANNOTATOR).build();
        slug = p.slug;
        name = p.name;
        projectId = p.id;
        doc = p.document(0);
        doc2 = p.document(1);
        p.assign(doc, t.annotator());
        p.assign(doc2, t.annotator());
        p.assign(doc, t.annotator2());

        SpanInfo claim1 = p.span(t.annotator(), doc, 0, 20, "CLAIM");
        SpanInfo source1 = p.span(t.annotator(), doc, 25, 35, "SOURCE");
        annClaim = claim1.id();
        annSource = source1.id();
        annTriple = p.link(t.annotator(), doc, source1, null, claim1).id();
        SpanInfo otherClaimSpan = p.span(t.annotator2(), doc, 0, 20, "CLAIM");
        otherClaim = otherClaimSpan.id();
        SpanInfo otherSource = p.span(t.annotator2(), doc, 40, 50, "SOURCE");
        otherTriple = p.link(t.annotator2(), doc, otherSource, null, otherClaimSpan).id();

        CurationService c = s.curation();
        long v = c.open(t.curator(), slug, doc, MergeOptions.unanimous(), false).version();
        var source = c.createGoldSpan(t.curator(), slug, new DocumentId(doc), new Version(v), 60, 70, "SOURCE", Map.of());
        goldSource = source.value().id();
        var claim = c.createGoldSpan(t.curator(), slug, new DocumentId(doc), new Version(source.version()), 80, 95, "CLAIM", Map.of());
        goldClaim = claim.value().id();
        var triple = c.createGoldAttribution(t.curator(), slug, new DocumentId(doc), new Version(claim.version()), goldSource, null, goldClaim);
        goldTriple = triple.value().id();
        version = triple.version();

        long v2 = c.open(t.curator(), slug, doc2, MergeOptions.none(), false).version();
        var claim2 = c.createGoldSpan(t.curator(), slug, new DocumentId(doc2), new Version(v2), 0, 20, "CLAIM", Map.of());
        goldClaim2 = claim2.value().id();
        c.markCurated(t.curator(), slug, new DocumentId(doc2), new Version(claim2.version()));
        ClaimViews.Cluster made = s.claims().create(t.curator(), slug, "What the matrix says", List.of(goldClaim2));
        cluster = made.id();
        clusterMember = made.members().get(0).id();
        s.tokens().list(t.annotator()).forEach(old -> s.tokens().revoke(t.annotator(), old.id())); // 20 at most
        token = s.tokens().create(t.annotator(), "matrix " + tag).info().id();
    }
}
