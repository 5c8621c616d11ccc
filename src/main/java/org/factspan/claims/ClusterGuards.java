package org.factspan.claims;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factspan.annotation.SpanId;
import org.factspan.base.Version;
import org.factspan.corpus.DocumentId;
import org.factspan.ingest.Fields;
import org.factspan.annotation.SpanLocks;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.claims.ClaimSpans.ClaimSpan;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.PublicationTime;
import org.factspan.security.Actor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * What every change of a cluster shares ({@link ClaimService}'s helpers section): the curator check, the claim span
 * and cluster lookups and locks (decision 016), the version check, the statement's rules, saving with a 409 for a
 * lost race, and the stances the rules suggest after each change.
 */
@Component
class ClusterGuards {

    private final ClaimClusterRepository clusters;
    private final ClaimMemberRepository members;
    private final ClaimSpans spans;
    private final CorpusService corpus;
    private final Clock clock;
    private final SpanLocks locks;
    private final QuantityExtractor extractor = new QuantityExtractor();
    private final ConflictRules rules = new ConflictRules();

    ClusterGuards(ClaimClusterRepository clusters, ClaimMemberRepository members, ClaimSpans spans,
            CorpusService corpus, Clock clock, SpanLocks locks) {
        this.clusters = clusters;
        this.members = members;
        this.spans = spans;
        this.corpus = corpus;
        this.clock = clock;
        this.locks = locks;
    }

    /**
     * Suggested stances follow the members: each member's against the members added before it (the first agrees with
     * the statement written from it), recomputed after every change, never overriding a person's choice.
     */
    void resuggest(ProjectInfo project, ClaimCluster cluster) {
        List<ClaimMember> ms = members.findByClusterIdOrderByIdAsc(cluster.getId());
        Map<Long, ClaimSpan> claimSpans = spans.byIds(project.id(), ms.stream().map(ClaimMember::getSpanId).toList());
        Map<Long, ConflictRules.Member> facts = new LinkedHashMap<>();
        Map<Long, PublicationTime> published = new HashMap<>();
        for (ClaimMember m : ms) {
            ClaimSpan s = claimSpans.get(m.getSpanId());
            if (s == null) {
                continue;
            }
            CodePoints text = corpus.textIndex(s.documentId());
            PublicationTime p = published.computeIfAbsent(s.documentId(),
                    d -> corpus.requireDocument(project, d).published());
            facts.put(m.getId(), new ConflictRules.Member(m.getId(), s.documentId(),
                    extractor.extract(text.substring(s.start(), s.end())),
                    s.sources().stream().map(r -> text.substring(r[0], r[1])).toList(),
                    ClaimTimes.of(text, s.start(), s.end(), p, s.time()), null));
        }
        // each member against the ones added before it: the first one is what the statement was written from
        List<ConflictRules.Member> earlier = new ArrayList<>();
        for (ClaimMember m : ms) {
            ConflictRules.Member me = facts.get(m.getId());
            if (me == null) {
                continue;
            }
            List<ConflictRules.Member> others = List.copyOf(earlier);
            earlier.add(me);
            if (!m.isStanceSuggested()) {
                continue;
            }
            Stance suggested = rules.suggestStance(me, others);
            if (suggested != m.getStance()) {
                m.setStance(suggested, true);
                members.save(m);
            }
        }
    }

    void touch(Actor actor, ClaimCluster cluster) {
        cluster.touch(actor.userId(), clock.instant());
        save(cluster);
    }

    /** Saves a cluster now; another writer's change in between is a 409, never a 500. */
    ClaimCluster save(ClaimCluster cluster) {
        try {
            return clusters.saveAndFlush(cluster);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("Cluster " + cluster.getId() + " was changed meanwhile; reload it and try"
                    + " again");
        }
    }

    /** Where a document has gold claims, only those; elsewhere every annotator's, one per extent. */
    static List<ClaimSpan> preferGold(List<ClaimSpan> all) {
        Set<Long> withGold = new HashSet<>();
        all.stream().filter(ClaimSpan::gold).forEach(s -> withGold.add(s.documentId()));
        Set<String> seen = new HashSet<>();
        List<ClaimSpan> out = new ArrayList<>();
        for (ClaimSpan s : all) {
            if (withGold.contains(s.documentId()) ? s.gold()
                    : seen.add(s.documentId() + ":" + s.start() + "-" + s.end())) {
                out.add(s);
            }
        }
        return out;
    }

    void requireClaimSpan(Actor actor, String slug, ProjectInfo project, long spanId) {
        ClaimSpans.Located span = spans.locate(project.id(), spanId);
        if (span == null) {
            throw new NotFoundException("No span " + spanId + " in project " + slug);
        }
        // the span stays until the member is stored; deleted meanwhile, it is not found (decision 016)
        SpanLocks.LockedSpan locked = locks.span(new DocumentId(span.documentId()), new SpanId(spanId));
        if (!project.hasRole(locked.label(), LabelKind.CONTENT)) {
            throw new InvalidRequestException("Span " + spanId + " is a " + locked.label() + " span; clusters hold "
                    + contentName(project) + " spans only");
        }
        corpus.requireDocument(actor, slug, span.documentId());
    }

    NotFoundException notAClaim(ProjectInfo project, long spanId) {
        return new NotFoundException("No " + contentName(project) + " span " + spanId + " in project "
                + project.slug());
    }

    /** The name of the project's content label (what clusters hold), or "claim" when the schema has none. */
    static String contentName(ProjectInfo project) {
        return project.contentLabel().map(LabelInfo::name).orElse("claim");
    }

    /**
     * The cluster, its row locked until the transaction ends: changes of one cluster (and of its members) take
     * turns, so that one deleted meanwhile is a 404 and never a failed update (decision 016).
     */
    ClaimCluster lockCluster(ProjectInfo project, long clusterId) {
        return clusters.lock(clusterId).filter(c -> c.getProjectId() == project.id())
                .orElseThrow(() -> new NotFoundException("No claim cluster " + clusterId + " in project "
                        + project.slug()));
    }

    ClaimCluster requireCluster(ProjectInfo project, long clusterId) {
        return clusters.findById(clusterId).filter(c -> c.getProjectId() == project.id())
                .orElseThrow(() -> new NotFoundException("No claim cluster " + clusterId + " in project "
                        + project.slug()));
    }

    ClaimMember requireMember(long clusterId, long memberId) {
        return members.findById(memberId).filter(m -> m.getClusterId() == clusterId)
                .orElseThrow(() -> new NotFoundException("No member " + memberId + " in cluster " + clusterId));
    }

    static ClaimCluster requireVersion(ClaimCluster cluster, Version version) {
        if (version != null && version.value() != cluster.getVersion()) {
            throw new ConflictException("Cluster " + cluster.getId() + " was changed meanwhile (version "
                    + cluster.getVersion() + ", you had " + version + "); reload it and try again");
        }
        return cluster;
    }

    static String requireStatement(String statement) {
        String s = statement == null ? "" : statement.strip();
        if (s.isEmpty()) {
            throw new InvalidRequestException("A cluster needs a statement: the fact its claims state, in a sentence");
        }
        if (s.length() > ClaimCluster.MAX_STATEMENT) {
            throw new InvalidRequestException("The statement is longer than " + ClaimCluster.MAX_STATEMENT
                    + " characters");
        }
        return Fields.CLAIM_STATEMENT.require(s);
    }

    static Stance stance(String id) {
        try {
            return Stance.of(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    ProjectInfo requireCurator(Actor actor, String slug) {
        return corpus.requireProject(actor, slug).requireCuratedBy(actor, "build claim clusters");
    }
}
