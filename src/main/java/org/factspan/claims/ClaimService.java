package org.factspan.claims;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.factspan.base.Quote;
import org.factspan.ingest.Fields;
import org.factspan.annotation.SpanLocks;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.base.audit.AuditEvent;
import org.factspan.base.audit.AuditLog;
import org.factspan.claims.ClaimSpans.ClaimSpan;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.PublicationTime;
import org.factspan.curation.CurationService;
import org.factspan.search.SearchRequest;
import org.factspan.search.SearchService;
import org.factspan.security.Actor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claim clusters across the documents of a project (decision 013). Curators of the project and admins build them;
 * other members of the project see a cluster once every document it draws on is curated, without the names of the
 * annotators whose spans it uses. Every change names the cluster version it was based on (or none) and counts it
 * up; a stale version is a 409. Refused calls store nothing.
 */
@Service
public class ClaimService {

    private static final int CONTEXT = 90;
    /** The longest reference time a curator may type. */
    static final int MAX_TIME = 100;
    /** Above this many claims, candidates come from the search index's MoreLikeThis first. */
    static final int LARGE_POOL = 400;

    private final ClaimClusterRepository clusters;
    private final ClaimMemberRepository members;
    private final ClaimSpans spans;
    private final CorpusService corpus;
    private final CurationService curation;
    private final SearchService search;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SpanLocks locks;
    private final ClaimVerdicts verdicts;
    private final AuditLog audit;
    private final QuantityExtractor extractor = new QuantityExtractor();
    private final ConflictRules rules = new ConflictRules();
    private final ClaimSuggester suggester = new ClaimSuggester();

    ClaimService(ClaimClusterRepository clusters, ClaimMemberRepository members, ClaimSpans spans,
            CorpusService corpus, CurationService curation, SearchService search, JdbcTemplate jdbc, Clock clock,
            SpanLocks locks, ClaimVerdicts verdicts, AuditLog audit) {
        this.locks = locks;
        this.verdicts = verdicts;
        this.audit = audit;
        this.search = search;
        this.clusters = clusters;
        this.members = members;
        this.spans = spans;
        this.corpus = corpus;
        this.curation = curation;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading

    /** The clusters the caller may see, filtered, in the order they were made. */
    @Transactional(readOnly = true)
    public List<ClaimViews.Cluster> clusters(Actor actor, String slug, ClaimViews.Filter filter) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        boolean curator = project.curatedBy(actor);
        List<ClaimCluster> all = clusters.findByProjectIdOrderByIdAsc(project.id());
        List<ClaimViews.Cluster> views = views(actor, slug, project, all, curator);
        ClaimViews.Filter f = filter == null ? ClaimViews.Filter.none() : filter;
        return views.stream().filter(c -> matches(c, f)).toList();
    }

    @Transactional(readOnly = true)
    public ClaimViews.Cluster cluster(Actor actor, String slug, long clusterId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        ClaimCluster cluster = requireCluster(project, clusterId);
        List<ClaimViews.Cluster> views = views(actor, slug, project, List.of(cluster), project.curatedBy(actor));
        if (views.isEmpty()) {
            throw new ForbiddenException("Cluster " + clusterId + " draws on documents that are not curated yet");
        }
        return views.get(0);
    }

    /** Claim spans of the project to start a cluster from: gold where a document has gold claims, else everyone's. */
    @Transactional(readOnly = true)
    public List<ClaimViews.ClaimChoice> claims(Actor actor, String slug) {
        ProjectInfo project = requireCurator(actor, slug);
        Map<Long, DocumentSummary> docs = documents(actor, slug);
        List<ClaimViews.ClaimChoice> out = new ArrayList<>();
        for (ClaimSpan s : preferGold(spans.ofProject(project.id()))) {
            DocumentSummary d = docs.get(s.documentId());
            if (d == null) {
                continue;
            }
            CodePoints text = corpus.textIndex(s.documentId());
            out.add(new ClaimViews.ClaimChoice(s.id(), s.documentId(), d.title(), outlet(d),
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
        ProjectInfo project = requireCurator(actor, slug);
        Map<Long, DocumentSummary> docs = documents(actor, slug);
        List<ClaimSpan> all = spans.ofProject(project.id());
        ClaimSpan query = all.stream().filter(s -> s.id() == spanId).findFirst()
                .orElseThrow(() -> notAClaim(project, spanId));
        Set<Long> taken = new HashSet<>();
        if (clusterId != null) {
            requireCluster(project, clusterId);
            members.findByClusterIdOrderByIdAsc(clusterId).forEach(m -> taken.add(m.getSpanId()));
        }
        List<ClaimSpan> pool = preferGold(all).stream()
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
            candidates.add(candidate(s));
        }
        List<ClaimViews.Suggestion> out = new ArrayList<>();
        for (ClaimSuggester.Scored scored : suggester.suggest(candidate(query), candidates, Math.max(1, limit))) {
            ClaimSpan s = byId.get(scored.spanId());
            DocumentSummary d = docs.get(s.documentId());
            String[] context = context(s.documentId(), s.start(), s.end());
            out.add(new ClaimViews.Suggestion(s.id(), s.documentId(), d.title(), outlet(d), context[1], context[0],
                    context[2], s.owner(), s.gold(), scored.score(), scored.reasons()));
        }
        return out;
    }

    // ------------------------------------------------------------------ changing

    /** A new cluster with a statement and claim spans (stances suggested). */
    @Transactional
    public ClaimViews.Cluster create(Actor actor, String slug, String statement, List<Long> spanIds) {
        ProjectInfo project = requireCurator(actor, slug);
        String text = requireStatement(statement);
        List<Long> ids = spanIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(spanIds));
        locks.spansAnywhere(ids); // all at once, in id order (see requireClaimSpan)
        for (long id : ids) {
            requireClaimSpan(actor, slug, project, id);
        }
        ClaimCluster cluster = clusters.saveAndFlush(new ClaimCluster(project.id(), text, actor.userId(),
                clock.instant()));
        for (long id : ids) {
            members.save(new ClaimMember(cluster.getId(), id, Stance.AGREES, true, actor.userId(), clock.instant()));
        }
        resuggest(project, cluster);
        return cluster(actor, slug, cluster.getId());
    }

    @Transactional
    public ClaimViews.Cluster rename(Actor actor, String slug, long clusterId, Long version, String statement) {
        ProjectInfo project = requireCurator(actor, slug);
        ClaimCluster cluster = requireVersion(lockCluster(project, clusterId), version);
        cluster.setStatement(requireStatement(statement));
        touch(actor, cluster);
        return cluster(actor, slug, clusterId);
    }

    @Transactional
    public void delete(Actor actor, String slug, long clusterId, Long version) {
        ProjectInfo project = requireCurator(actor, slug);
        ClaimCluster cluster = requireVersion(lockCluster(project, clusterId), version);
        clusters.delete(cluster);
    }

    /** Adds a claim span; without a stance the rules suggest one (and keep it current until a person sets it). */
    @Transactional
    public ClaimViews.Cluster addMember(Actor actor, String slug, long clusterId, Long version, long spanId,
            String stance) {
        ProjectInfo project = requireCurator(actor, slug);
        ClaimCluster cluster = requireVersion(lockCluster(project, clusterId), version);
        requireClaimSpan(actor, slug, project, spanId);
        Stance chosen = stance == null || stance.isBlank() ? null : stance(stance);
        if (members.existsByClusterIdAndSpanId(clusterId, spanId)) {
            throw new ConflictException("Span " + spanId + " is in cluster " + clusterId + " already");
        }
        members.save(new ClaimMember(clusterId, spanId, chosen == null ? Stance.AGREES : chosen, chosen == null,
                actor.userId(), clock.instant()));
        touch(actor, cluster);
        resuggest(project, cluster);
        return cluster(actor, slug, clusterId);
    }

    /** Sets a member's stance by hand; {@code null} hands it back to the rules. */
    @Transactional
    public ClaimViews.Cluster setStance(Actor actor, String slug, long clusterId, Long version, long memberId,
            String stance) {
        ProjectInfo project = requireCurator(actor, slug);
        ClaimCluster cluster = requireVersion(lockCluster(project, clusterId), version);
        ClaimMember member = requireMember(clusterId, memberId);
        if (stance == null || stance.isBlank()) {
            member.setStance(member.getStance(), true);
        } else {
            member.setStance(stance(stance), false);
        }
        members.save(member);
        touch(actor, cluster);
        resuggest(project, cluster);
        return cluster(actor, slug, clusterId);
    }

    @Transactional
    public ClaimViews.Cluster removeMember(Actor actor, String slug, long clusterId, Long version, long memberId) {
        ProjectInfo project = requireCurator(actor, slug);
        ClaimCluster cluster = requireVersion(lockCluster(project, clusterId), version);
        members.delete(requireMember(clusterId, memberId));
        members.flush();
        touch(actor, cluster);
        resuggest(project, cluster);
        return cluster(actor, slug, clusterId);
    }

    // ------------------------------------------------------------------ time and verdicts (decision 019)

    /**
     * Sets the reference time of a claim span by hand: an ISO date, date and time, or interval, or words placed
     * relative to the document's publication time ("as of midday Thursday"); blank hands it back to the text.
     * Curators of the project and admins; recorded in the audit trail; the clusters holding the span count up.
     */
    @Transactional
    public ClaimViews.Time setTime(Actor actor, String slug, long spanId, String expression) {
        ProjectInfo project = requireCurator(actor, slug);
        requireClaimSpan(actor, slug, project, spanId);
        ClaimSpan span = spans.byIds(project.id(), List.of(spanId)).get(spanId);
        DocumentSummary doc = corpus.requireDocument(project, span.documentId());
        PublicationTime published = doc.published();
        String typed = expression == null ? "" : expression.strip();
        if (typed.length() > MAX_TIME) {
            throw new InvalidRequestException("A reference time has at most " + MAX_TIME + " characters");
        }
        if (!typed.isEmpty() && TimeExpressions.parse(typed, ClaimTimes.publication(published),
                ClaimTimes.zone(published)) == null) {
            throw new InvalidRequestException("Cannot place '" + typed + "' in time: give a date (2022-01-05), a date"
                    + " and time (2022-01-06 12:00, read in " + ClaimTimes.zone(published).getId() + "), an interval"
                    + " (2022-01-05/2022-01-07) or words such as “as of midday Thursday”"
                    + (published != null && published.known() ? ", read relative to the publication time ("
                            + published.describe() + ")"
                            : "; words need the document's publication time, which is unknown: set it first"));
        }
        for (ClaimMember m : members.findBySpanId(spanId)) {
            clusters.findById(m.getClusterId()).ifPresent(c -> touch(actor, c));
        }
        if (typed.isEmpty()) {
            jdbc.update("delete from claim_time where span_id = ?", spanId);
        } else if (jdbc.update("update claim_time set expression = ?, set_by = ?, set_at = ? where span_id = ?", typed,
                actor.userId(), java.sql.Timestamp.from(clock.instant()), spanId) == 0) {
            try {
                jdbc.update("insert into claim_time (span_id, expression, set_by, set_at) values (?, ?, ?, ?)", spanId,
                        typed, actor.userId(), java.sql.Timestamp.from(clock.instant()));
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                throw new ConflictException("Someone set the time of span " + spanId + " at the same moment; reload"
                        + " and try again");
            }
        }
        audit.record(new AuditLog.Who(actor.userId(), actor.username()), "claims.time",
                new AuditLog.Target(project.id(), span.documentId(), spanId, null, span.owner()),
                span.time() == null ? null : Map.of("expression", span.time()),
                typed.isEmpty() ? null : Map.of("expression", typed));
        for (ClaimMember m : members.findBySpanId(spanId)) {
            clusters.findById(m.getClusterId()).ifPresent(c -> resuggest(project, c));
        }
        CodePoints text = corpus.textIndex(span.documentId());
        return ClaimViews.Time.of(ClaimTimes.of(text, span.start(), span.end(), published,
                typed.isEmpty() ? null : typed));
    }

    /**
     * Records the curators' verdict on a cluster (replacing any earlier one): established value and as-of time,
     * status, rating, explanation and evidence. Curators of the project and admins; recorded in the audit trail.
     */
    @Transactional
    public ClaimViews.Cluster setVerdict(Actor actor, String slug, long clusterId, Long version,
            ClaimViews.VerdictInput in) {
        ProjectInfo project = requireCurator(actor, slug);
        ClaimCluster cluster = requireVersion(requireCluster(project, clusterId), version);
        if (in == null) {
            throw new InvalidRequestException("Send {\"status\", \"rating\", \"explanation\", \"value\", \"asOf\","
                    + " \"members\", \"urls\"}");
        }
        ClaimVerdicts.Status status = verdictStatus(in.status());
        ClaimVerdicts.Rating rating = verdictRating(in.rating());
        String explanation = in.explanation() == null ? "" : in.explanation().strip();
        if (explanation.isEmpty()) {
            throw new InvalidRequestException("A verdict needs a short explanation: why the team concluded this");
        }
        if (explanation.length() > ClaimVerdicts.MAX_EXPLANATION) {
            throw new InvalidRequestException("The explanation has at most " + ClaimVerdicts.MAX_EXPLANATION
                    + " characters");
        }
        String value = blankToNull(in.value());
        if (value != null && (value.length() > ClaimVerdicts.MAX_VALUE || ClaimVerdicts.interval(value) == null)) {
            throw new InvalidRequestException("Cannot read the established value '" + abbreviate(value) + "': give a"
                    + " number (13), words (at least 13, more than 1,000), a range (8 to 13) or an interval ([8, 13])");
        }
        ClaimViews.Cluster current = cluster(actor, slug, clusterId);
        List<Long> evidence = new ArrayList<>();
        for (Long id : in.members() == null ? List.<Long>of() : in.members()) {
            if (id == null || current.member(id).isEmpty()) {
                throw new InvalidRequestException("Evidence member " + id + " is not a member of cluster " + clusterId);
            }
            if (!evidence.contains(id)) {
                evidence.add(id);
            }
        }
        List<String> urls = new ArrayList<>();
        for (String u : in.urls() == null ? List.<String>of() : in.urls()) {
            String url = u == null ? "" : u.strip();
            if (url.isEmpty()) {
                continue;
            }
            if (url.length() > ClaimVerdicts.MAX_URL || !url.matches("(?i)https?://[^\\s<>\"]+")) {
                throw new InvalidRequestException("Evidence URL '" + abbreviate(url) + "' is not an http(s) address of"
                        + " at most " + ClaimVerdicts.MAX_URL + " characters");
            }
            urls.add(url);
        }
        if (urls.size() > ClaimVerdicts.MAX_URLS) {
            throw new InvalidRequestException("At most " + ClaimVerdicts.MAX_URLS + " evidence URLs");
        }
        // the as-of time: read in the zone of the cluster's documents, words relative to its latest publication
        Map<Long, DocumentSummary> docs = documents(actor, slug);
        ZoneId zone = java.time.ZoneOffset.UTC;
        ReferenceTime latest = null;
        for (ClaimViews.Member m : current.members()) {
            DocumentSummary d = docs.get(m.documentId());
            if (d == null) {
                continue;
            }
            zone = zone.equals(java.time.ZoneOffset.UTC) ? ClaimTimes.zone(d.published()) : zone;
            ReferenceTime p = ClaimTimes.publication(d.published());
            if (p != null && (latest == null || p.from().isAfter(latest.from()))) {
                latest = p;
            }
        }
        String asOfText = blankToNull(in.asOf());
        ReferenceTime asOf = null;
        if (asOfText != null) {
            asOf = asOfText.length() > ClaimVerdicts.MAX_AS_OF ? null : TimeExpressions.parse(asOfText, latest, zone);
            if (asOf == null) {
                throw new InvalidRequestException("Cannot place the as-of time '" + abbreviate(asOfText) + "': give a"
                        + " date (2022-01-06), a date and time (2022-01-06 12:00, read in " + zone.getId() + ") or"
                        + " words such as “midday Thursday” (read relative to the latest publication among the"
                        + " members)");
            }
        }
        touch(actor, cluster);
        verdicts.save(new ClaimVerdicts.Row(clusterId, value, asOfText, asOf == null ? null : asOf.from(),
                asOf == null ? null : asOf.to(), zone.getId(), status, rating, explanation, urls, evidence,
                actor.userId(), actor.username(), clock.instant()));
        ClaimViews.Cluster after = cluster(actor, slug, clusterId);
        audit.record(new AuditLog.Who(actor.userId(), actor.username()), "claims.verdict",
                AuditLog.Target.project(project.id()), auditView(current), auditView(after));
        return after;
    }

    /** Removes a cluster's verdict (curators of the project and admins); recorded in the audit trail. */
    @Transactional
    public ClaimViews.Cluster clearVerdict(Actor actor, String slug, long clusterId, Long version) {
        ProjectInfo project = requireCurator(actor, slug);
        ClaimCluster cluster = requireVersion(requireCluster(project, clusterId), version);
        ClaimViews.Cluster current = cluster(actor, slug, clusterId);
        if (current.verdict() == null) {
            throw new NotFoundException("Cluster " + clusterId + " has no verdict");
        }
        touch(actor, cluster);
        verdicts.delete(clusterId);
        ClaimViews.Cluster after = cluster(actor, slug, clusterId);
        audit.record(new AuditLog.Who(actor.userId(), actor.username()), "claims.verdict.clear",
                AuditLog.Target.project(project.id()), auditView(current), auditView(after));
        return after;
    }

    /** What the audit trail keeps of a verdict change: the cluster, its statement and the verdict (or null). */
    private static Map<String, Object> auditView(ClaimViews.Cluster c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cluster", c.id());
        out.put("statement", c.statement());
        out.put("verdict", c.verdict());
        return out;
    }

    /** The verdict history of a cluster from the audit trail, oldest first (whoever may see the cluster). */
    @Transactional(readOnly = true)
    public List<AuditEvent> history(Actor actor, String slug, long clusterId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        cluster(actor, slug, clusterId);
        String mark = "\"cluster\":" + clusterId + ",";
        return audit.ofProject(project.id(), "claims.verdict").stream()
                .filter(e -> e.after() != null && e.after().startsWith("{" + mark)
                        || e.before() != null && e.before().startsWith("{" + mark))
                .toList();
    }

    /** The values of a cluster over time (see {@link ClaimViews.Timeline}). */
    @Transactional(readOnly = true)
    public ClaimViews.Timeline timeline(Actor actor, String slug, long clusterId) {
        return timeline(cluster(actor, slug, clusterId));
    }

    /** The timeline of a cluster as the caller sees it. */
    public static ClaimViews.Timeline timeline(ClaimViews.Cluster c) {
        List<ClaimViews.Point> points = new ArrayList<>();
        String zone = null;
        for (ClaimViews.Member m : c.members()) {
            zone = zone == null && m.time().known() ? m.time().zone() : zone;
            for (ClaimViews.Number n : m.numbers()) {
                if (n.partial()) {
                    continue;
                }
                points.add(new ClaimViews.Point(m.id(), m.outlet(), m.documentId(), m.document(), m.time(), n.phrase(),
                        n.low(), n.lowClosed(), n.high(), n.highClosed(), n.unit(), m.text(), m.sources(),
                        m.stance()));
            }
        }
        if (zone == null) {
            zone = c.members().isEmpty() ? "UTC" : c.members().get(0).time().zone();
        }
        return new ClaimViews.Timeline(c.id(), c.statement(), zone, points, c.verdict());
    }

    /** The ClaimReview JSON-LD of a cluster with a verdict; 409 when it has none yet. */
    @Transactional(readOnly = true)
    public Map<String, Object> claimReview(Actor actor, String slug, long clusterId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        ClaimViews.Cluster c = cluster(actor, slug, clusterId);
        if (c.verdict() == null) {
            throw new ConflictException("Cluster " + clusterId + " has no verdict yet; a curator records one first");
        }
        return ClaimReviews.of(project.name(), project.slug(), c, documents(actor, slug));
    }

    /** The ClaimReviews of every cluster the caller may see that has a verdict, in the order they were made. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> claimReviews(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        Map<Long, DocumentSummary> docs = documents(actor, slug);
        return clusters(actor, slug, ClaimViews.Filter.none()).stream().filter(c -> c.verdict() != null)
                .map(c -> ClaimReviews.of(project.name(), project.slug(), c, docs)).toList();
    }

    private static ClaimVerdicts.Status verdictStatus(String id) {
        for (ClaimVerdicts.Status s : ClaimVerdicts.Status.values()) {
            if (s.id().equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new InvalidRequestException("Unknown status '" + abbreviate(String.valueOf(id)) + "'; use consistent,"
                + " updated, contradicted or unresolved");
    }

    private static ClaimVerdicts.Rating verdictRating(String id) {
        ClaimVerdicts.Rating r = ClaimVerdicts.Rating.of(id == null ? "" : id.strip().toLowerCase(Locale.ROOT)
                .replace(' ', '-'));
        if (r == null) {
            throw new InvalidRequestException("Unknown rating '" + abbreviate(String.valueOf(id)) + "'; use true,"
                    + " mostly-true, mixed, false or unverifiable");
        }
        return r;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    // ------------------------------------------------------------------ views

    private List<ClaimViews.Cluster> views(Actor actor, String slug, ProjectInfo project, List<ClaimCluster> list,
            boolean curator) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, DocumentSummary> docs = documents(actor, slug);
        Set<Long> curated = curator ? Set.of() : curation.curatedDocuments(actor, slug);
        Map<Long, List<ClaimMember>> byCluster = new LinkedHashMap<>();
        list.forEach(c -> byCluster.put(c.getId(), new ArrayList<>()));
        members.findByClusterIdInOrderByIdAsc(byCluster.keySet())
                .forEach(m -> byCluster.get(m.getClusterId()).add(m));
        Set<Long> spanIds = new HashSet<>();
        byCluster.values().forEach(ms -> ms.forEach(m -> spanIds.add(m.getSpanId())));
        Map<Long, ClaimSpan> claimSpans = spans.byIds(project.id(), spanIds);
        Map<Long, String> names = userNames(list);
        Map<Long, ClaimVerdicts.Row> verdictRows = verdicts.load(byCluster.keySet());
        List<ClaimViews.Cluster> out = new ArrayList<>();
        for (ClaimCluster c : list) {
            List<ClaimMember> ms = byCluster.get(c.getId());
            if (!curator && (ms.isEmpty() || !ms.stream().allMatch(m -> {
                ClaimSpan s = claimSpans.get(m.getSpanId());
                return s != null && docs.containsKey(s.documentId()) && curated.contains(s.documentId());
            }))) {
                continue;
            }
            out.add(view(actor, c, ms, claimSpans, docs, names, curator, verdictRows.get(c.getId())));
        }
        return out;
    }

    private ClaimViews.Cluster view(Actor actor, ClaimCluster c, List<ClaimMember> ms,
            Map<Long, ClaimSpan> claimSpans, Map<Long, DocumentSummary> docs, Map<Long, String> names,
            boolean curator, ClaimVerdicts.Row verdict) {
        List<ClaimViews.Member> memberViews = new ArrayList<>();
        List<ConflictRules.Member> facts = new ArrayList<>();
        Set<String> outlets = new HashSet<>();
        for (ClaimMember m : ms) {
            ClaimSpan s = claimSpans.get(m.getSpanId());
            DocumentSummary d = s == null ? null : docs.get(s.documentId());
            if (s == null || d == null) {
                continue;
            }
            String[] context = context(s.documentId(), s.start(), s.end());
            CodePoints text = corpus.textIndex(s.documentId());
            List<String> sources = s.sources().stream().map(r -> text.substring(r[0], r[1])).toList();
            List<String> cues = s.cues().stream().map(r -> text.substring(r[0], r[1])).toList();
            List<Quantity> numbers = extractor.extract(context[1]);
            ReferenceTime time = ClaimTimes.of(text, s.start(), s.end(), d.published(), s.time());
            outlets.add(outlet(d));
            // another annotator's notes and attribute values stay theirs: annotators see those of gold and their own
            boolean seesAttributes = curator || s.gold() || s.owner().equals(actor.username());
            memberViews.add(new ClaimViews.Member(m.getId(), s.id(), s.documentId(), d.title(), outlet(d), s.start(),
                    s.end(), context[1], context[0], context[2], s.gold() || curator ? s.owner() : "annotator",
                    s.gold(), m.getStance().id(), m.isStanceSuggested(), sources, cues,
                    numbers.stream().map(ClaimViews.Number::of).toList(),
                    seesAttributes ? s.attributes() : Map.of(), ClaimViews.Time.of(time), safeUrl(d.meta().get("url"))));
            facts.add(new ConflictRules.Member(m.getId(), s.documentId(), numbers, sources, time, outlet(d)));
        }
        List<ClaimViews.Conflict> conflicts = rules.conflicts(facts).stream()
                .map(x -> new ClaimViews.Conflict(x.kind().id(), x.a(), x.b(), x.detail(), x.members()))
                .toList();
        return new ClaimViews.Cluster(c.getId(), c.getStatement(), c.getVersion(), outlets.size(), memberViews,
                conflicts, names.getOrDefault(c.getUpdatedBy(), "?"), c.getUpdatedAt(),
                verdict == null ? null : verdictView(verdict));
    }

    private static ClaimViews.Verdict verdictView(ClaimVerdicts.Row v) {
        Interval value = ClaimVerdicts.interval(v.value());
        ZoneId zone = ZoneId.of(v.zone());
        ReferenceTime asOf = v.asOfFrom() == null ? ReferenceTime.unknown(zone, v.asOfText())
                : new ReferenceTime(v.asOfFrom(), v.asOfTo(), zone, v.asOfText(), ReferenceTime.Basis.CURATOR);
        return new ClaimViews.Verdict(v.value(), value == null ? null : value.low(), value != null && value.lowClosed(),
                value == null || Double.isInfinite(value.high()) ? null : value.high(),
                value != null && value.highClosed(), ClaimViews.Time.of(asOf), v.status().id(), v.rating().id(),
                v.explanation(), v.members(), v.urls(), v.setByName(), v.setAt());
    }

    /** A document's original URL, only when it is http(s). */
    private static String safeUrl(String url) {
        return url != null && url.matches("(?i)https?://\\S+") ? url : null;
    }

    private static boolean matches(ClaimViews.Cluster c, ClaimViews.Filter f) {
        if (f.conflict() != null && !f.conflict().isBlank()) {
            String kind = f.conflict().toLowerCase(Locale.ROOT).trim().replace(' ', '-');
            boolean keep = switch (kind) {
                case "any" -> c.needsReview();
                case "none" -> !c.needsReview();
                case "numeric" -> c.conflicts().stream().anyMatch(x -> !x.kind().equals("update")
                        && !x.kind().equals("attribution"));
                default -> {
                    if (ConflictRules.Kind.of(kind) == null) {
                        throw new InvalidRequestException("Unknown conflict filter " + Quote.of(f.conflict()) + "; use any,"
                                + " none, numeric, contradiction, update, revision-down, unknown-time or attribution");
                    }
                    yield c.hasConflict(kind);
                }
            };
            if (!keep) {
                return false;
            }
        }
        if (f.verdict() != null && !f.verdict().isBlank()) {
            String v = f.verdict().toLowerCase(Locale.ROOT).trim();
            boolean keep = switch (v) {
                case "any" -> c.verdict() != null;
                case "none" -> c.verdict() == null;
                case "consistent", "updated", "contradicted", "unresolved" -> c.verdict() != null
                        && c.verdict().status().equals(v);
                default -> throw new InvalidRequestException("Unknown verdict filter " + Quote.of(f.verdict()) + "; use any,"
                        + " none, consistent, updated, contradicted or unresolved");
            };
            if (!keep) {
                return false;
            }
        }
        if (f.outlet() != null && !f.outlet().isBlank()
                && c.members().stream().noneMatch(m -> m.outlet().equalsIgnoreCase(f.outlet().trim()))) {
            return false;
        }
        if (f.attribute() != null && !f.attribute().isBlank()) {
            int eq = f.attribute().indexOf('=');
            if (eq <= 0) {
                throw new InvalidRequestException("The attribute filter is name=value, e.g. verdict=refuted");
            }
            String name = f.attribute().substring(0, eq).trim();
            String value = f.attribute().substring(eq + 1).trim();
            if (c.members().stream().noneMatch(m -> value.equals(m.attributes().get(name)))) {
                return false;
            }
        }
        if (f.text() != null && !f.text().isBlank()) {
            String q = f.text().toLowerCase(Locale.ROOT).trim();
            return c.statement().toLowerCase(Locale.ROOT).contains(q)
                    || c.members().stream().anyMatch(m -> m.text().toLowerCase(Locale.ROOT).contains(q));
        }
        return true;
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Suggested stances follow the members: each member's against the members added before it (the first agrees with
     * the statement written from it), recomputed after every change, never overriding a person's choice.
     */
    private void resuggest(ProjectInfo project, ClaimCluster cluster) {
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

    private void touch(Actor actor, ClaimCluster cluster) {
        cluster.touch(actor.userId(), clock.instant());
        save(cluster);
    }

    /** Saves a cluster now; another writer's change in between is a 409, never a 500. */
    private ClaimCluster save(ClaimCluster cluster) {
        try {
            return clusters.saveAndFlush(cluster);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("Cluster " + cluster.getId() + " was changed meanwhile; reload it and try"
                    + " again");
        }
    }

    private ClaimSuggester.Candidate candidate(ClaimSpan s) {
        String[] context = context(s.documentId(), s.start(), s.end());
        CodePoints text = corpus.textIndex(s.documentId());
        return new ClaimSuggester.Candidate(s.id(), s.documentId(), context[1],
                Sentences.around(text.text(), text.toUtf16(s.start()), text.toUtf16(s.end())));
    }

    /** Text before (within its paragraph, up to about 90 characters), the span's text, text after. */
    private String[] context(long documentId, int start, int end) {
        CodePoints cp = corpus.textIndex(documentId);
        String text = cp.text();
        int from = cp.toUtf16(start);
        int to = cp.toUtf16(end);
        int b = from;
        while (b > 0 && from - b < CONTEXT && text.charAt(b - 1) != '\n') {
            b--;
        }
        if (b > 0 && text.charAt(b - 1) != '\n') {
            int space = text.indexOf(' ', b);
            b = space >= 0 && space < from ? space + 1 : b;
        }
        int a = to;
        while (a < text.length() && a - to < CONTEXT && text.charAt(a) != '\n') {
            a++;
        }
        if (a < text.length() && text.charAt(a) != '\n') {
            int space = text.lastIndexOf(' ', a);
            a = space > to ? space : a;
        }
        if (b > 0 && b < text.length() && Character.isLowSurrogate(text.charAt(b))) {
            b--; // never split a surrogate pair
        }
        if (a < text.length() && a > 0 && Character.isLowSurrogate(text.charAt(a))) {
            a++;
        }
        return new String[] {text.substring(b, from), text.substring(from, to), text.substring(to, a)};
    }

    /** Where a document has gold claims, only those; elsewhere every annotator's, one per extent. */
    private static List<ClaimSpan> preferGold(List<ClaimSpan> all) {
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

    private Map<Long, DocumentSummary> documents(Actor actor, String slug) {
        Map<Long, DocumentSummary> docs = new HashMap<>();
        corpus.listDocuments(actor, slug).forEach(d -> docs.put(d.id(), d));
        return docs;
    }

    private static String outlet(DocumentSummary d) {
        String outlet = d.meta().get("outlet");
        return outlet == null || outlet.isBlank() ? d.title() : outlet;
    }

    private Map<Long, String> userNames(Collection<ClaimCluster> list) {
        Map<Long, String> names = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        list.forEach(c -> ids.add(c.getUpdatedBy()));
        for (long id : ids) {
            names.put(id, jdbc.queryForObject("select username from app_user where id = ?", String.class, id));
        }
        return names;
    }

    private void requireClaimSpan(Actor actor, String slug, ProjectInfo project, long spanId) {
        ClaimSpans.Located span = spans.locate(project.id(), spanId);
        if (span == null) {
            throw new NotFoundException("No span " + spanId + " in project " + slug);
        }
        // the span stays until the member is stored; deleted meanwhile, it is not found (decision 016)
        SpanLocks.LockedSpan locked = locks.span(span.documentId(), spanId);
        if (!project.hasRole(locked.label(), LabelKind.CONTENT)) {
            throw new InvalidRequestException("Span " + spanId + " is a " + locked.label() + " span; clusters hold "
                    + contentName(project) + " spans only");
        }
        corpus.requireDocument(actor, slug, span.documentId());
    }

    private NotFoundException notAClaim(ProjectInfo project, long spanId) {
        return new NotFoundException("No " + contentName(project) + " span " + spanId + " in project "
                + project.slug());
    }

    /** The name of the project's content label (what clusters hold), or "claim" when the schema has none. */
    private static String contentName(ProjectInfo project) {
        return project.contentLabel().map(LabelInfo::name).orElse("claim");
    }

    /**
     * The cluster, its row locked until the transaction ends: changes of one cluster (and of its members) take
     * turns, so that one deleted meanwhile is a 404 and never a failed update (decision 016).
     */
    private ClaimCluster lockCluster(ProjectInfo project, long clusterId) {
        return clusters.lock(clusterId).filter(c -> c.getProjectId() == project.id())
                .orElseThrow(() -> new NotFoundException("No claim cluster " + clusterId + " in project "
                        + project.slug()));
    }

    private ClaimCluster requireCluster(ProjectInfo project, long clusterId) {
        return clusters.findById(clusterId).filter(c -> c.getProjectId() == project.id())
                .orElseThrow(() -> new NotFoundException("No claim cluster " + clusterId + " in project "
                        + project.slug()));
    }

    private ClaimMember requireMember(long clusterId, long memberId) {
        return members.findById(memberId).filter(m -> m.getClusterId() == clusterId)
                .orElseThrow(() -> new NotFoundException("No member " + memberId + " in cluster " + clusterId));
    }

    private static ClaimCluster requireVersion(ClaimCluster cluster, Long version) {
        if (version != null && !Objects.equals(version, cluster.getVersion())) {
            throw new ConflictException("Cluster " + cluster.getId() + " was changed meanwhile (version "
                    + cluster.getVersion() + ", you had " + version + "); reload it and try again");
        }
        return cluster;
    }

    private static String requireStatement(String statement) {
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

    private static Stance stance(String id) {
        try {
            return Stance.of(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }


    private ProjectInfo requireCurator(Actor actor, String slug) {
        return corpus.requireProject(actor, slug).requireCuratedBy(actor, "build claim clusters");
    }
}
