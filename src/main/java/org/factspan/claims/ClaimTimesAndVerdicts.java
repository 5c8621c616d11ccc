package org.factspan.claims;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.base.Version;
import org.factspan.base.audit.AuditEvent;
import org.factspan.base.audit.AuditLog;
import org.factspan.claims.ClaimSpans.ClaimSpan;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.PublicationTime;
import org.factspan.security.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reference times and verdicts of claim clusters ({@link ClaimService}'s section of decision 019): a time set by
 * hand, the curators' verdict and its history in the audit trail, timelines and ClaimReview. Called through
 * {@link ClaimService}, which holds the transactions.
 */
@Component
class ClaimTimesAndVerdicts {

    private final ClaimClusterRepository clusters;
    private final ClaimMemberRepository members;
    private final ClaimSpans spans;
    private final CorpusService corpus;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ClaimVerdicts verdicts;
    private final AuditLog audit;
    private final ClusterReader reader;
    private final ClusterGuards guards;

    ClaimTimesAndVerdicts(ClaimClusterRepository clusters, ClaimMemberRepository members, ClaimSpans spans,
            CorpusService corpus, JdbcTemplate jdbc, Clock clock, ClaimVerdicts verdicts, AuditLog audit,
            ClusterReader reader, ClusterGuards guards) {
        this.clusters = clusters;
        this.members = members;
        this.spans = spans;
        this.corpus = corpus;
        this.jdbc = jdbc;
        this.clock = clock;
        this.verdicts = verdicts;
        this.audit = audit;
        this.reader = reader;
        this.guards = guards;
    }

    /**
     * Sets the reference time of a claim span by hand: an ISO date, date and time, or interval, or words placed
     * relative to the document's publication time ("as of midday Thursday"); blank hands it back to the text.
     * Curators of the project and admins; recorded in the audit trail; the clusters holding the span count up.
     */
    ClaimViews.Time setTime(Actor actor, String slug, long spanId, String expression) {
        ProjectInfo project = guards.requireCurator(actor, slug);
        guards.requireClaimSpan(actor, slug, project, spanId);
        ClaimSpan span = spans.byIds(project.id(), List.of(spanId)).get(spanId);
        DocumentSummary doc = corpus.requireDocument(project, span.documentId());
        PublicationTime published = doc.published();
        String typed = expression == null ? "" : expression.strip();
        if (typed.length() > ClaimService.MAX_TIME) {
            throw new InvalidRequestException("A reference time has at most " + ClaimService.MAX_TIME + " characters");
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
            clusters.findById(m.getClusterId()).ifPresent(c -> guards.touch(actor, c));
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
            clusters.findById(m.getClusterId()).ifPresent(c -> guards.resuggest(project, c));
        }
        CodePoints text = corpus.textIndex(span.documentId());
        return ClaimViews.Time.of(ClaimTimes.of(text, span.start(), span.end(), published,
                typed.isEmpty() ? null : typed));
    }

    /**
     * Records the curators' verdict on a cluster (replacing any earlier one): established value and as-of time,
     * status, rating, explanation and evidence. Curators of the project and admins; recorded in the audit trail.
     */
    ClaimViews.Cluster setVerdict(Actor actor, String slug, long clusterId, Version version,
            ClaimViews.VerdictInput in) {
        ProjectInfo project = guards.requireCurator(actor, slug);
        ClaimCluster cluster = ClusterGuards.requireVersion(guards.requireCluster(project, clusterId), version);
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
        ClaimViews.Cluster current = reader.cluster(actor, slug, clusterId);
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
        Map<Long, DocumentSummary> docs = reader.documents(actor, slug);
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
        guards.touch(actor, cluster);
        verdicts.save(new ClaimVerdicts.Row(clusterId, value, asOfText, asOf == null ? null : asOf.from(),
                asOf == null ? null : asOf.to(), zone.getId(), status, rating, explanation, urls, evidence,
                actor.userId(), actor.username(), clock.instant()));
        ClaimViews.Cluster after = reader.cluster(actor, slug, clusterId);
        audit.record(new AuditLog.Who(actor.userId(), actor.username()), "claims.verdict",
                AuditLog.Target.project(project.id()), auditView(current), auditView(after));
        return after;
    }

    /** Removes a cluster's verdict (curators of the project and admins); recorded in the audit trail. */
    ClaimViews.Cluster clearVerdict(Actor actor, String slug, long clusterId, Version version) {
        ProjectInfo project = guards.requireCurator(actor, slug);
        ClaimCluster cluster = ClusterGuards.requireVersion(guards.requireCluster(project, clusterId), version);
        ClaimViews.Cluster current = reader.cluster(actor, slug, clusterId);
        if (current.verdict() == null) {
            throw new NotFoundException("Cluster " + clusterId + " has no verdict");
        }
        guards.touch(actor, cluster);
        verdicts.delete(clusterId);
        ClaimViews.Cluster after = reader.cluster(actor, slug, clusterId);
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
    List<AuditEvent> history(Actor actor, String slug, long clusterId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        reader.cluster(actor, slug, clusterId);
        String mark = "\"cluster\":" + clusterId + ",";
        return audit.ofProject(project.id(), "claims.verdict").stream()
                .filter(e -> e.after() != null && e.after().startsWith("{" + mark)
                        || e.before() != null && e.before().startsWith("{" + mark))
                .toList();
    }

    /** The values of a cluster over time (see {@link ClaimViews.Timeline}). */
    ClaimViews.Timeline timeline(Actor actor, String slug, long clusterId) {
        return timeline(reader.cluster(actor, slug, clusterId));
    }

    /** The timeline of a cluster as the caller sees it. */
    static ClaimViews.Timeline timeline(ClaimViews.Cluster c) {
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
    Map<String, Object> claimReview(Actor actor, String slug, long clusterId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        ClaimViews.Cluster c = reader.cluster(actor, slug, clusterId);
        if (c.verdict() == null) {
            throw new ConflictException("Cluster " + clusterId + " has no verdict yet; a curator records one first");
        }
        return ClaimReviews.of(project.name(), project.slug(), c, reader.documents(actor, slug));
    }

    /** The ClaimReviews of every cluster the caller may see that has a verdict, in the order they were made. */
    List<Map<String, Object>> claimReviews(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        Map<Long, DocumentSummary> docs = reader.documents(actor, slug);
        return reader.clusters(actor, slug, ClaimViews.Filter.none()).stream().filter(c -> c.verdict() != null)
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
}
