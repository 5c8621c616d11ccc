package org.factspan.claims;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.factspan.base.Quote;
import org.factspan.base.CodePoints;
import org.factspan.base.TextSegments;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.claims.ClaimSpans.ClaimSpan;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.ProjectInfo;
import org.factspan.curation.CurationService;
import org.factspan.security.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a caller sees of claim clusters ({@link ClaimService}'s views section): members with their context, numbers,
 * times and sources, the conflicts the rules find, the verdict, and the filters of the board and the REST API.
 * Annotators see a cluster once every document it draws on is curated, and no other annotator's name.
 */
@Component
class ClusterReader {

    private static final int CONTEXT = 90;

    private final ClaimClusterRepository clusters;
    private final ClaimMemberRepository members;
    private final ClaimSpans spans;
    private final CorpusService corpus;
    private final CurationService curation;
    private final JdbcTemplate jdbc;
    private final ClaimVerdicts verdicts;
    private final ClusterGuards guards;
    private final QuantityExtractor extractor = new QuantityExtractor();
    private final ConflictRules rules = new ConflictRules();

    ClusterReader(ClaimClusterRepository clusters, ClaimMemberRepository members, ClaimSpans spans,
            CorpusService corpus, CurationService curation, JdbcTemplate jdbc, ClaimVerdicts verdicts,
            ClusterGuards guards) {
        this.clusters = clusters;
        this.members = members;
        this.spans = spans;
        this.corpus = corpus;
        this.curation = curation;
        this.jdbc = jdbc;
        this.verdicts = verdicts;
        this.guards = guards;
    }

    /** The clusters the caller may see, filtered, in the order they were made. */
    List<ClaimViews.Cluster> clusters(Actor actor, String slug, ClaimViews.Filter filter) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        boolean curator = project.curatedBy(actor);
        List<ClaimCluster> all = clusters.findByProjectIdOrderByIdAsc(project.id());
        List<ClaimViews.Cluster> views = views(actor, slug, project, all, curator);
        ClaimViews.Filter f = filter == null ? ClaimViews.Filter.none() : filter;
        return views.stream().filter(c -> matches(c, f)).toList();
    }

    /** One cluster as the caller may see it; one drawing on documents not curated yet is refused to annotators. */
    ClaimViews.Cluster cluster(Actor actor, String slug, long clusterId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        ClaimCluster cluster = guards.requireCluster(project, clusterId);
        List<ClaimViews.Cluster> views = views(actor, slug, project, List.of(cluster), project.curatedBy(actor));
        if (views.isEmpty()) {
            throw new ForbiddenException("Cluster " + clusterId + " draws on documents that are not curated yet");
        }
        return views.get(0);
    }

    List<ClaimViews.Cluster> views(Actor actor, String slug, ProjectInfo project, List<ClaimCluster> list,
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

    ClaimViews.Cluster view(Actor actor, ClaimCluster c, List<ClaimMember> ms,
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

    static ClaimViews.Verdict verdictView(ClaimVerdicts.Row v) {
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
    static String safeUrl(String url) {
        return url != null && url.matches("(?i)https?://\\S+") ? url : null;
    }

    static boolean matches(ClaimViews.Cluster c, ClaimViews.Filter f) {
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

    ClaimSuggester.Candidate candidate(ClaimSpan s) {
        String[] context = context(s.documentId(), s.start(), s.end());
        CodePoints text = corpus.textIndex(s.documentId());
        return new ClaimSuggester.Candidate(s.id(), s.documentId(), context[1],
                TextSegments.sentencesAround(text.text(), s.start(), s.end()));
    }

    /** Text before (within its paragraph, up to about 90 characters), the span's text, text after. */
    String[] context(long documentId, int start, int end) {
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

    Map<Long, DocumentSummary> documents(Actor actor, String slug) {
        Map<Long, DocumentSummary> docs = new HashMap<>();
        corpus.listDocuments(actor, slug).forEach(d -> docs.put(d.id(), d));
        return docs;
    }

    static String outlet(DocumentSummary d) {
        String outlet = d.meta().get("outlet");
        return outlet == null || outlet.isBlank() ? d.title() : outlet;
    }

    Map<Long, String> userNames(Collection<ClaimCluster> list) {
        Map<Long, String> names = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        list.forEach(c -> ids.add(c.getUpdatedBy()));
        for (long id : ids) {
            names.put(id, jdbc.queryForObject("select username from app_user where id = ?", String.class, id));
        }
        return names;
    }
}
