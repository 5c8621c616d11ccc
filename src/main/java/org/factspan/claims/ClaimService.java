package org.factspan.claims;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanLocks;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.base.Version;
import org.factspan.base.audit.AuditEvent;
import org.factspan.claims.ClaimSpans.ClaimSpan;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ProjectInfo;
import org.factspan.search.SearchRequest;
import org.factspan.search.SearchService;
import org.factspan.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claim clusters across the documents of a project (decision 013). Curators of the project and admins build them;
 * other members of the project see a cluster once every document it draws on is curated, without the names of the
 * annotators whose spans it uses. Every change names the cluster version it was based on (or none) and counts it
 * up; a stale version is a 409. Refused calls store nothing.
 *
 * <p>The module's one service; its sections live in package-private pieces: {@link ClusterReader} (what a caller
 * sees of clusters), {@link ClusterGuards} (the checks, locks and stance suggestions every change shares) and
 * {@link ClaimTimesAndVerdicts} (reference times and verdicts, decision 019).
 */
@Service
public class ClaimService {

    /** The longest reference time a curator may type. */
    static final int MAX_TIME = 100;
    /** Above this many claims, candidates come from the search index's MoreLikeThis first. */
    static final int LARGE_POOL = 400;

    private final ClaimClusterRepository clusters;
    private final ClaimMemberRepository members;
    private final ClaimSpans spans;
    private final CorpusService corpus;
    private final SearchService search;
    private final Clock clock;
    private final SpanLocks locks;
    private final ClusterReader reader;
    private final ClusterGuards guards;
    private final ClaimTimesAndVerdicts timesAndVerdicts;
    private final ClaimSuggester suggester = new ClaimSuggester();

    ClaimService(ClaimClusterRepository clusters, ClaimMemberRepository members, ClaimSpans spans,
            CorpusService corpus, SearchService search, Clock clock, SpanLocks locks, ClusterReader reader,
            ClusterGuards guards, ClaimTimesAndVerdicts timesAndVerdicts) {
        this.clusters = clusters;
        this.members = members;
        this.spans = spans;
        this.corpus = corpus;
        this.search = search;
        this.clock = clock;
        this.locks = locks;
        this.reader = reader;
        this.guards = guards;
        this.timesAndVerdicts = timesAndVerdicts;
    }

    // ------------------------------------------------------------------ reading

    /** The clusters the caller may see, filtered, in the order they were made. */
    @Transactional(readOnly = true)
    public List<ClaimViews.Cluster> clusters(Actor actor, String slug, ClaimViews.Filter filter) {
        return reader.clusters(actor, slug, filter);
    }

    @Transactional(readOnly = true)
    public ClaimViews.Cluster cluster(Actor actor, String slug, long clusterId) {
        return reader.cluster(actor, slug, clusterId);
    }

    /** Claim spans of the project to start a cluster from: gold where a document has gold claims, else everyone's. */
    @Transactional(readOnly = true)
    public List<ClaimViews.ClaimChoice> claims(Actor actor, String slug) {
        ProjectInfo project = guards.requireCurator(actor, slug);
        Map<Long, DocumentSummary> docs = reader.documents(actor, slug);
        List<ClaimViews.ClaimChoice> out = new ArrayList<>();
        for (ClaimSpan s : ClusterGuards.preferGold(spans.ofProject(project.id()))) {
            DocumentSummary d = docs.get(s.documentId());
            if (d == null) {
                continue;
            }
            CodePoints text = corpus.textIndex(s.documentId());
            out.add(new ClaimViews.ClaimChoice(s.id(), s.documentId(), d.title(), ClusterReader.outlet(d),
                    text.substring(s.start(), s.end()), s.owner(), s.gold()));
        }
        return out;
    }

    /**
     * Claims of other documents that likely state the same fact as claim span {@code spanId}, best first (see
     * {@link ClaimSuggester}). Spans already in {@code clusterId} (when given) are left out.
     */
    @Transactional(readOnly = true)
    public List<ClaimViews.Suggestion> suggestions(Actor actor, String slug, long spanId, Long clusterId, int limit) {
        ProjectInfo project = guards.requireCurator(actor, slug);
        Map<Long, DocumentSummary> docs = reader.documents(actor, slug);
        List<ClaimSpan> all = spans.ofProject(project.id());
        ClaimSpan query = all.stream().filter(s -> s.id() == spanId).findFirst()
                .orElseThrow(() -> guards.notAClaim(project, spanId));
        Set<Long> taken = new HashSet<>();
        if (clusterId != null) {
            guards.requireCluster(project, clusterId);
            members.findByClusterIdOrderByIdAsc(clusterId).forEach(m -> taken.add(m.getSpanId()));
        }
        List<ClaimSpan> pool = ClusterGuards.preferGold(all).stream()
                .filter(s -> docs.containsKey(s.documentId()) && !taken.contains(s.id()))
                .toList();
        if (pool.size() > LARGE_POOL) {
            // a big project: the shared search index picks the candidates, the suggester ranks them
            CodePoints text = corpus.textIndex(query.documentId());
            Set<Long> near = new HashSet<>();
            search.similarSpans(actor, slug, text.substring(query.start(), query.end()),
                    project.contentLabel().map(l -> Set.of(l.name())).orElse(Set.of()), SearchRequest.MAX_LIMIT)
                    .forEach(h -> near.add(h.spanId()));
            pool = pool.stream().filter(s -> near.contains(s.id())).toList();
        }
        Map<Long, ClaimSpan> byId = new HashMap<>();
        List<ClaimSuggester.Candidate> candidates = new ArrayList<>();
        for (ClaimSpan s : pool) {
            byId.put(s.id(), s);
            candidates.add(reader.candidate(s));
        }
        List<ClaimViews.Suggestion> out = new ArrayList<>();
        for (ClaimSuggester.Scored scored : suggester.suggest(reader.candidate(query), candidates, Math.max(1, limit))) {
            ClaimSpan s = byId.get(scored.spanId());
            DocumentSummary d = docs.get(s.documentId());
            String[] context = reader.context(s.documentId(), s.start(), s.end());
            out.add(new ClaimViews.Suggestion(s.id(), s.documentId(), d.title(), ClusterReader.outlet(d), context[1], context[0],
                    context[2], s.owner(), s.gold(), scored.score(), scored.reasons()));
        }
        return out;
    }

    // ------------------------------------------------------------------ changing

    /** A new cluster with a statement and claim spans (stances suggested). */
    @Transactional
    public ClaimViews.Cluster create(Actor actor, String slug, String statement, List<Long> spanIds) {
        ProjectInfo project = guards.requireCurator(actor, slug);
        String text = ClusterGuards.requireStatement(statement);
        List<Long> ids = spanIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(spanIds));
        locks.spansAnywhere(ids); // all at once, in id order (see requireClaimSpan)
        for (long id : ids) {
            guards.requireClaimSpan(actor, slug, project, id);
        }
        ClaimCluster cluster = clusters.saveAndFlush(new ClaimCluster(project.id(), text, actor.userId(),
                clock.instant()));
        for (long id : ids) {
            members.save(new ClaimMember(cluster.getId(), id, Stance.AGREES, true, actor.userId(), clock.instant()));
        }
        guards.resuggest(project, cluster);
        return cluster(actor, slug, cluster.getId());
    }

    @Transactional
    public ClaimViews.Cluster rename(Actor actor, String slug, ClusterId id, Version version, String statement) {
        long clusterId = id.value();
        ProjectInfo project = guards.requireCurator(actor, slug);
        ClaimCluster cluster = ClusterGuards.requireVersion(guards.lockCluster(project, clusterId), version);
        cluster.setStatement(ClusterGuards.requireStatement(statement));
        guards.touch(actor, cluster);
        return cluster(actor, slug, clusterId);
    }

    @Transactional
    public void delete(Actor actor, String slug, ClusterId id, Version version) {
        long clusterId = id.value();
        ProjectInfo project = guards.requireCurator(actor, slug);
        ClaimCluster cluster = ClusterGuards.requireVersion(guards.lockCluster(project, clusterId), version);
        clusters.delete(cluster);
    }

    /** Adds a claim span; without a stance the rules suggest one (and keep it current until a person sets it). */
    @Transactional
    public ClaimViews.Cluster addMember(Actor actor, String slug, ClusterId id, Version version, SpanId span,
            String stance) {
        long clusterId = id.value();
        long spanId = span.value();
        ProjectInfo project = guards.requireCurator(actor, slug);
        ClaimCluster cluster = ClusterGuards.requireVersion(guards.lockCluster(project, clusterId), version);
        guards.requireClaimSpan(actor, slug, project, spanId);
        Stance chosen = stance == null || stance.isBlank() ? null : ClusterGuards.stance(stance);
        if (members.existsByClusterIdAndSpanId(clusterId, spanId)) {
            throw new ConflictException("Span " + spanId + " is in cluster " + clusterId + " already");
        }
        members.save(new ClaimMember(clusterId, spanId, chosen == null ? Stance.AGREES : chosen, chosen == null,
                actor.userId(), clock.instant()));
        guards.touch(actor, cluster);
        guards.resuggest(project, cluster);
        return cluster(actor, slug, clusterId);
    }

    /** Sets a member's stance by hand; {@code null} hands it back to the rules. */
    @Transactional
    public ClaimViews.Cluster setStance(Actor actor, String slug, ClusterId id, Version version, long memberId,
            String stance) {
        long clusterId = id.value();
        ProjectInfo project = guards.requireCurator(actor, slug);
        ClaimCluster cluster = ClusterGuards.requireVersion(guards.lockCluster(project, clusterId), version);
        ClaimMember member = guards.requireMember(clusterId, memberId);
        if (stance == null || stance.isBlank()) {
            member.setStance(member.getStance(), true);
        } else {
            member.setStance(ClusterGuards.stance(stance), false);
        }
        members.save(member);
        guards.touch(actor, cluster);
        guards.resuggest(project, cluster);
        return cluster(actor, slug, clusterId);
    }

    @Transactional
    public ClaimViews.Cluster removeMember(Actor actor, String slug, ClusterId id, Version version, long memberId) {
        long clusterId = id.value();
        ProjectInfo project = guards.requireCurator(actor, slug);
        ClaimCluster cluster = ClusterGuards.requireVersion(guards.lockCluster(project, clusterId), version);
        members.delete(guards.requireMember(clusterId, memberId));
        members.flush();
        guards.touch(actor, cluster);
        guards.resuggest(project, cluster);
        return cluster(actor, slug, clusterId);
    }
    // ------------------------------------------------------------------ time and verdicts (decision 019)
    // in ClaimTimesAndVerdicts; the module's callers keep calling them here

    /**
     * Sets the reference time of a claim span by hand: an ISO date, date and time, or interval, or words placed
     * relative to the document's publication time ("as of midday Thursday"); blank hands it back to the text.
     * Curators of the project and admins; recorded in the audit trail; the clusters holding the span count up.
     */
    @Transactional
    public ClaimViews.Time setTime(Actor actor, String slug, long spanId, String expression) {
        return timesAndVerdicts.setTime(actor, slug, spanId, expression);
    }

    /**
     * Records the curators' verdict on a cluster (replacing any earlier one): established value and as-of time,
     * status, rating, explanation and evidence. Curators of the project and admins; recorded in the audit trail.
     */
    @Transactional
    public ClaimViews.Cluster setVerdict(Actor actor, String slug, ClusterId id, Version version,
            ClaimViews.VerdictInput in) {
        long clusterId = id.value();
        return timesAndVerdicts.setVerdict(actor, slug, clusterId, version, in);
    }

    /** Removes a cluster's verdict (curators of the project and admins); recorded in the audit trail. */
    @Transactional
    public ClaimViews.Cluster clearVerdict(Actor actor, String slug, ClusterId id, Version version) {
        long clusterId = id.value();
        return timesAndVerdicts.clearVerdict(actor, slug, clusterId, version);
    }

    /** The verdict history of a cluster from the audit trail, oldest first (whoever may see the cluster). */
    @Transactional(readOnly = true)
    public List<AuditEvent> history(Actor actor, String slug, long clusterId) {
        return timesAndVerdicts.history(actor, slug, clusterId);
    }

    /** The values of a cluster over time (see {@link ClaimViews.Timeline}). */
    @Transactional(readOnly = true)
    public ClaimViews.Timeline timeline(Actor actor, String slug, long clusterId) {
        return timesAndVerdicts.timeline(actor, slug, clusterId);
    }

    /** The timeline of a cluster as the caller sees it. */
    public static ClaimViews.Timeline timeline(ClaimViews.Cluster c) {
        return ClaimTimesAndVerdicts.timeline(c);
    }

    /** The ClaimReview JSON-LD of a cluster with a verdict; 409 when it has none yet. */
    @Transactional(readOnly = true)
    public Map<String, Object> claimReview(Actor actor, String slug, long clusterId) {
        return timesAndVerdicts.claimReview(actor, slug, clusterId);
    }

    /** The ClaimReviews of every cluster the caller may see that has a verdict, in the order they were made. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> claimReviews(Actor actor, String slug) {
        return timesAndVerdicts.claimReviews(actor, slug);
    }
}
