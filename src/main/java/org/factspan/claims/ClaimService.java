package org.factspan.claims;

import java.time.Clock;
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
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanLocks;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.claims.ClaimSpans.ClaimSpan;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ProjectInfo;
import org.factspan.curation.CurationService;
import org.factspan.search.SearchRequest;
import org.factspan.search.SearchService;
import org.factspan.security.Actor;
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
    private final QuantityExtractor extractor = new QuantityExtractor();
    private final ConflictRules rules = new ConflictRules();
    private final ClaimSuggester suggester = new ClaimSuggester();

    ClaimService(ClaimClusterRepository clusters, ClaimMemberRepository members, ClaimSpans spans,
            CorpusService corpus, CurationService curation, SearchService search, JdbcTemplate jdbc, Clock clock,
            SpanLocks locks) {
        this.locks = locks;
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
                    Set.of(AnnotationService.CONTENT_LABEL), SearchRequest.MAX_LIMIT)
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
        cluster.touch(actor.userId(), clock.instant());
        clusters.saveAndFlush(cluster);
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
        List<ClaimViews.Cluster> out = new ArrayList<>();
        for (ClaimCluster c : list) {
            List<ClaimMember> ms = byCluster.get(c.getId());
            if (!curator && (ms.isEmpty() || !ms.stream().allMatch(m -> {
                ClaimSpan s = claimSpans.get(m.getSpanId());
                return s != null && docs.containsKey(s.documentId()) && curated.contains(s.documentId());
            }))) {
                continue;
            }
            out.add(view(c, ms, claimSpans, docs, names, curator));
        }
        return out;
    }

    private ClaimViews.Cluster view(ClaimCluster c, List<ClaimMember> ms, Map<Long, ClaimSpan> claimSpans,
            Map<Long, DocumentSummary> docs, Map<Long, String> names, boolean curator) {
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
            outlets.add(outlet(d));
            memberViews.add(new ClaimViews.Member(m.getId(), s.id(), s.documentId(), d.title(), outlet(d), s.start(),
                    s.end(), context[1], context[0], context[2], s.gold() || curator ? s.owner() : "annotator",
                    s.gold(), m.getStance().id(), m.isStanceSuggested(), sources, cues,
                    numbers.stream().map(q -> new ClaimViews.Number(q.phrase(), q.value().toString(), q.event(),
                            q.counted())).toList(), s.attributes()));
            facts.add(new ConflictRules.Member(m.getId(), s.documentId(), numbers, sources));
        }
        List<ClaimViews.Conflict> conflicts = rules.conflicts(facts).stream()
                .map(x -> new ClaimViews.Conflict(x.kind().name().toLowerCase(Locale.ROOT), x.a(), x.b(), x.detail()))
                .toList();
        return new ClaimViews.Cluster(c.getId(), c.getStatement(), c.getVersion(), outlets.size(), memberViews,
                conflicts, names.getOrDefault(c.getUpdatedBy(), "?"), c.getUpdatedAt());
    }

    private static boolean matches(ClaimViews.Cluster c, ClaimViews.Filter f) {
        if (f.conflict() != null && !f.conflict().isBlank()) {
            switch (f.conflict().toLowerCase(Locale.ROOT)) {
                case "any" -> {
                    if (c.conflicts().isEmpty()) {
                        return false;
                    }
                }
                case "none" -> {
                    if (!c.conflicts().isEmpty()) {
                        return false;
                    }
                }
                case "numeric", "attribution" -> {
                    if (!c.hasConflict(f.conflict().toLowerCase(Locale.ROOT))) {
                        return false;
                    }
                }
                default -> throw new InvalidRequestException("Unknown conflict filter "
                        + Quote.of(f.conflict()) + "; use any, none, numeric or attribution");
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
        for (ClaimMember m : ms) {
            ClaimSpan s = claimSpans.get(m.getSpanId());
            if (s == null) {
                continue;
            }
            CodePoints text = corpus.textIndex(s.documentId());
            facts.put(m.getId(), new ConflictRules.Member(m.getId(), s.documentId(),
                    extractor.extract(text.substring(s.start(), s.end())),
                    s.sources().stream().map(r -> text.substring(r[0], r[1])).toList()));
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
        clusters.saveAndFlush(cluster);
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
        if (!AnnotationService.CONTENT_LABEL.equals(locked.label())) {
            throw new InvalidRequestException("Span " + spanId + " is a " + locked.label() + " span; clusters hold "
                    + AnnotationService.CONTENT_LABEL + " spans only");
        }
        corpus.requireDocument(actor, slug, span.documentId());
    }

    private NotFoundException notAClaim(ProjectInfo project, long spanId) {
        return new NotFoundException("No " + AnnotationService.CONTENT_LABEL + " span " + spanId + " in project "
                + project.slug());
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
        ProjectInfo project = corpus.requireProject(actor, slug);
        if (!project.curatedBy(actor)) {
            throw new ForbiddenException("Only curators of project " + Quote.of(slug) + " and admins build claim clusters");
        }
        return project;
    }
}
