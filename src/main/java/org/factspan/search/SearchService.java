package org.factspan.search;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.factspan.base.Quote;
import org.factspan.ingest.Fields;
import org.factspan.base.CodePoints;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.springframework.stereotype.Service;

/**
 * Full-text search over a project's documents and spans, and similar spans (for claim suggestions), on the Lucene
 * index. Permissions: annotators search the documents' text and their own spans only; curators of the project and
 * admins search everyone's spans. The UI and the REST API both call this service, so both have these checks.
 */
@Service
public class SearchService {

    /** Characters of context either side of a hit. */
    static final int CONTEXT = 90;
    private static final Duration FRESHNESS_WAIT = Duration.ofSeconds(5);

    private final SearchIndex index;
    private final SearchIndexer indexer;
    private final CorpusService corpus;

    SearchService(SearchIndex index, SearchIndexer indexer, CorpusService corpus) {
        this.index = index;
        this.indexer = indexer;
        this.corpus = corpus;
    }

    /** Whether the caller searches everyone's spans (curators of the project and admins) or only their own. */
    public static boolean seesAllSpans(Actor actor, ProjectInfo project) {
        return project.curatedBy(actor);
    }

    /** What the caller may filter by in the project. */
    public SearchOptions options(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        boolean all = seesAllSpans(actor, project);
        Map<String, List<String>> attributes = new TreeMap<>();
        for (LabelInfo label : project.labels()) {
            for (AttributeDef a : label.attributes()) {
                List<String> facets = a.kind().support().facets(a);
                if (!facets.isEmpty()) {
                    attributes.merge(a.name(), facets, (x, y) -> List.copyOf(new java.util.LinkedHashSet<>(
                            java.util.stream.Stream.concat(x.stream(), y.stream()).toList())));
                }
            }
        }
        List<String> annotators = all ? annotatorsInIndex(project) : List.of(actor.username());
        return new SearchOptions(project.labels().stream().map(LabelInfo::name).toList(), attributes, annotators,
                List.of(DocumentState.values()), all);
    }

    /** Searches the project; see {@link SearchRequest} for the query and the filters. */
    public SearchResult search(Actor actor, String slug, SearchRequest request) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        boolean all = seesAllSpans(actor, project);
        validate(project, request);
        for (String annotator : request.annotators()) {
            if (!all && !annotator.equals(actor.username())) {
                throw new ForbiddenException("Annotators search only their own spans; only curators of project '"
                        + slug + "' and admins search " + annotator + "'s");
            }
        }
        Query text = parse(request.query());
        fresh(project, actor, slug);
        return index.read(searcher -> {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(text, request.query().isEmpty() ? Occur.FILTER : Occur.MUST);
            b.add(term(SearchIndex.PROJECT, Long.toString(project.id())), Occur.FILTER);
            if (request.spansOnly()) {
                b.add(term(SearchIndex.TYPE, SearchIndex.TYPE_SPAN), Occur.FILTER);
            } else if (request.kind() == SearchRequest.Kind.DOCUMENT) {
                b.add(term(SearchIndex.TYPE, SearchIndex.TYPE_DOC), Occur.FILTER);
            }
            if (!request.labels().isEmpty()) {
                b.add(anyOf(SearchIndex.LABEL, request.labels()), Occur.FILTER);
            }
            request.attributes().forEach((name, value) -> b.add(term(SearchIndex.ATTR, name + "=" + value), Occur.FILTER));
            if (!request.annotators().isEmpty()) {
                b.add(anyOf(SearchIndex.ANNOTATOR, request.annotators()), Occur.FILTER);
            }
            if (!all) {
                b.add(documentOrOwnSpan(actor), Occur.FILTER);
            }
            if (!request.states().isEmpty()) {
                Set<String> users = !all ? Set.of(actor.username())
                        : request.annotators().isEmpty() ? Set.of(SearchIndex.ALL_ANNOTATORS) : request.annotators();
                b.add(new TermInSetQuery(SearchIndex.DOC, documentsInState(searcher, project, users, request.states())),
                        Occur.FILTER);
            }
            Query query = b.build();
            Sort sort = request.query().isEmpty()
                    ? new Sort(new SortField(SearchIndex.ORDER, SortField.Type.INT),
                            new SortField(SearchIndex.START, SortField.Type.INT))
                    : new Sort(SortField.FIELD_SCORE, new SortField(SearchIndex.ORDER, SortField.Type.INT),
                            new SortField(SearchIndex.START, SortField.Type.INT));
            int wanted = request.offset() + request.limit();
            TopFieldDocs top = searcher.search(query, Math.max(1, wanted), sort, true);
            long total = searcher.count(query);
            Weight matcher = request.query().isEmpty() ? null
                    : searcher.createWeight(searcher.rewrite(text), ScoreMode.COMPLETE_NO_SCORES, 1f);
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = request.offset(); i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                hits.add(toHit(searcher, stored.document(sd.doc), sd, matcher));
            }
            return new SearchResult(request.query(), total, hits);
        });
    }

    /**
     * Spans of the project whose text is most like {@code text} (BM25 over the terms that characterise it, Lucene's
     * MoreLikeThis), best first, optionally only with these labels. Same permissions as {@link #search}. For claim
     * suggestions: {@code similarSpans(actor, slug, claimText, Set.of(contentLabel), 10)}.
     */
    public List<SearchHit> similarSpans(Actor actor, String slug, String text, Set<String> labels, int limit) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        boolean all = seesAllSpans(actor, project);
        validate(project, SearchRequest.of("").withLabels(labels));
        if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
            throw new InvalidRequestException("limit must be 1.." + SearchRequest.MAX_LIMIT);
        }
        if (text == null || text.isBlank()) {
            return List.of();
        }
        fresh(project, actor, slug);
        return index.read(searcher -> {
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(index.analyzerInUse());
            mlt.setFieldNames(new String[] {SearchIndex.TEXT});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(25);
            Query like = mlt.like(SearchIndex.TEXT, new StringReader(text));
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(like, Occur.MUST)
                    .add(term(SearchIndex.PROJECT, Long.toString(project.id())), Occur.FILTER)
                    .add(term(SearchIndex.TYPE, SearchIndex.TYPE_SPAN), Occur.FILTER);
            if (!labels.isEmpty()) {
                b.add(anyOf(SearchIndex.LABEL, labels), Occur.FILTER);
            }
            if (!all) {
                b.add(term(SearchIndex.ANNOTATOR, actor.username()), Occur.FILTER);
            }
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(b.build(), limit).scoreDocs) {
                hits.add(toHit(searcher, stored.document(sd.doc), sd, null));
            }
            return hits;
        });
    }

    /** Rebuilds the whole index (admins only); returns the number of documents indexed. */
    public int rebuild(Actor actor) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("Only admins rebuild the search index");
        }
        return indexer.rebuild();
    }

    /**
     * Re-indexes one document in the background: for changes the index does not hear of by itself (a workflow's
     * document state). Span changes arrive on their own ({@code SpanChanged}). Durable only with an audit event naming
     * the document, written with the change (the index catches up from the audit trail after a kill; decision 024).
     */
    public void reindexDocument(String slug, long documentId) {
        indexer.enqueue(slug, documentId);
    }

    // ------------------------------------------------------------------ helpers

    private void fresh(ProjectInfo project, Actor actor, String slug) {
        indexer.awaitIdle(FRESHNESS_WAIT);
        List<DocumentSummary> documents = corpus.listDocuments(actor, slug);
        indexer.reconcile(project, documents);
    }

    private static void validate(ProjectInfo project, SearchRequest request) {
        for (String label : request.labels()) {
            if (project.label(label).isEmpty()) {
                throw new InvalidRequestException("Unknown label " + Quote.of(label) + "; this project has "
                        + project.labels().stream().map(LabelInfo::name).collect(Collectors.joining(", ")));
            }
        }
        request.attributes().forEach((name, value) -> {
            List<AttributeDef> defs = project.labels().stream().flatMap(l -> l.attribute(name).stream()).toList();
            if (defs.isEmpty()) {
                throw new InvalidRequestException("No label of this project has an attribute " + Quote.of(name));
            }
            if (value == null || value.isBlank()) {
                throw new InvalidRequestException("Attribute filter " + Quote.of(name) + " needs a value (name:value)");
            }
        });
        if (request.limit() < 1 || request.limit() > SearchRequest.MAX_LIMIT) {
            throw new InvalidRequestException("limit must be 1.." + SearchRequest.MAX_LIMIT + ", got " + request.limit());
        }
        if (request.offset() < 0 || request.offset() > 10_000) {
            throw new InvalidRequestException("offset must be 0..10000, got " + request.offset());
        }
        if (request.kind() == SearchRequest.Kind.DOCUMENT && request.spansOnly()) {
            throw new InvalidRequestException("Label, attribute and annotator filters select spans, not documents");
        }
    }

    private Query parse(String query) {
        if (query.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        if (query.length() > Fields.SEARCH_QUERY.max()) {
            throw new InvalidRequestException("The query is longer than " + Fields.SEARCH_QUERY.max() + " characters");
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {SearchIndex.TEXT, SearchIndex.NOTES},
                index.analyzerInUse());
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        try {
            Query parsed = parser.parse(query);
            String[] words = query.split("\\s+");
            if (words.length > 1 && query.matches("[\\p{L}\\p{N}\\s'’-]+")) {
                // plain words: those standing close together rank first
                Query near = parser.parse("\"" + query + "\"~3");
                return new BooleanQuery.Builder().add(parsed, Occur.MUST)
                        .add(new org.apache.lucene.search.BoostQuery(near, 2f), Occur.SHOULD).build();
            }
            return parsed;
        } catch (ParseException | RuntimeException e) {
            throw new InvalidRequestException("Cannot read the query " + Quote.of(query) + ": " + firstLine(e.getMessage())
                    + " (quote special characters, or put a backslash before them)");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static Query anyOf(String field, Set<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    /** Documents, and the caller's own spans. */
    private static Query documentOrOwnSpan(Actor actor) {
        Query ownSpan = new BooleanQuery.Builder()
                .add(term(SearchIndex.TYPE, SearchIndex.TYPE_SPAN), Occur.FILTER)
                .add(term(SearchIndex.ANNOTATOR, actor.username()), Occur.FILTER)
                .build();
        return new BooleanQuery.Builder()
                .add(term(SearchIndex.TYPE, SearchIndex.TYPE_DOC), Occur.SHOULD)
                .add(ownSpan, Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
    }

    /** Ids (as index terms) of the project's documents in which one of {@code users} is in one of {@code states}. */
    private static List<BytesRef> documentsInState(IndexSearcher searcher, ProjectInfo project, Set<String> users,
            Set<DocumentState> states) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        for (String user : users) {
            for (DocumentState state : states) {
                if (state == DocumentState.NOT_STARTED && !user.equals(SearchIndex.ALL_ANNOTATORS)) {
                    any.add(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                            .add(new PrefixQuery(new Term(SearchIndex.STATE, user + ":")), Occur.MUST_NOT).build(),
                            Occur.SHOULD);
                } else {
                    any.add(term(SearchIndex.STATE, user + ":" + state), Occur.SHOULD);
                }
            }
        }
        Query query = new BooleanQuery.Builder().add(any.build(), Occur.FILTER)
                .add(term(SearchIndex.PROJECT, Long.toString(project.id())), Occur.FILTER)
                .add(term(SearchIndex.TYPE, SearchIndex.TYPE_DOC), Occur.FILTER).build();
        List<BytesRef> ids = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
            ids.add(new BytesRef(stored.document(sd.doc, Set.of(SearchIndex.DOC)).get(SearchIndex.DOC)));
        }
        return ids;
    }

    private List<String> annotatorsInIndex(ProjectInfo project) {
        return index.read(searcher -> {
            Set<String> names = new TreeSet<>();
            Query spans = new BooleanQuery.Builder()
                    .add(term(SearchIndex.PROJECT, Long.toString(project.id())), Occur.FILTER)
                    .add(term(SearchIndex.TYPE, SearchIndex.TYPE_SPAN), Occur.FILTER).build();
            // Distinct values of a keyword field among the project's spans: walk the terms, test each.
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                var terms = leaf.reader().terms(SearchIndex.ANNOTATOR);
                if (terms == null) {
                    continue;
                }
                var it = terms.iterator();
                for (BytesRef t = it.next(); t != null; t = it.next()) {
                    String name = t.utf8ToString();
                    if (!names.contains(name) && searcher.count(new BooleanQuery.Builder().add(spans, Occur.FILTER)
                            .add(term(SearchIndex.ANNOTATOR, name), Occur.FILTER).build()) > 0) {
                        names.add(name);
                    }
                }
            }
            return List.copyOf(names);
        });
    }

    private SearchHit toHit(IndexSearcher searcher, Document d, ScoreDoc sd, Weight matcher) throws IOException {
        long documentId = Long.parseLong(d.get(SearchIndex.DOC));
        String title = d.get(SearchIndex.TITLE);
        float score = Float.isNaN(sd.score) ? 0f : sd.score;
        if (SearchIndex.TYPE_SPAN.equals(d.get(SearchIndex.TYPE))) {
            int start = d.getField(SearchIndex.START).numericValue().intValue();
            int end = d.getField(SearchIndex.END).numericValue().intValue();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (IndexableField f : d.getFields(SearchIndex.ATTR)) {
                String v = f.stringValue();
                int eq = v.indexOf('=');
                attributes.put(v.substring(0, eq), v.substring(eq + 1));
            }
            CodePoints text = corpus.textIndex(documentId);
            int s16 = text.toUtf16(Math.min(start, text.length()));
            int e16 = text.toUtf16(Math.min(end, text.length()));
            Context c = context(text.text(), s16, e16, List.of(new int[] {s16, e16}));
            return new SearchHit(SearchHit.Kind.SPAN, documentId, title,
                    d.getField(SearchIndex.SPAN).numericValue().longValue(), d.get(SearchIndex.LABEL),
                    d.get(SearchIndex.ANNOTATOR), Map.copyOf(attributes), start, end, c.before(), c.match(), c.after(),
                    c.fragments(), score);
        }
        String body = d.get(SearchIndex.TEXT);
        List<int[]> found = matcher == null ? List.of() : matchesIn(searcher, matcher, sd.doc, body);
        int[] best = found.stream().max(java.util.Comparator.comparingInt(m -> m[1] - m[0])).orElse(new int[] {0, 0});
        Context c = context(body, best[0], best[1], found);
        return new SearchHit(SearchHit.Kind.DOCUMENT, documentId, title, null, null, null, Map.of(),
                body.codePointCount(0, best[0]), body.codePointCount(0, best[1]), c.before(), c.match(), c.after(),
                c.fragments(), score);
    }

    /**
     * Where the query matched in a document's text (UTF-16), in text order; matches that overlap or stand side by
     * side (only white space between them) are one.
     */
    private static List<int[]> matchesIn(IndexSearcher searcher, Weight matcher, int doc, String text)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Matches matches = matcher.matches(leaf, doc - leaf.docBase);
        MatchesIterator it = matches == null ? null : matches.getMatches(SearchIndex.TEXT);
        List<int[]> found = new ArrayList<>();
        while (it != null && it.next() && found.size() < 200) {
            if (it.startOffset() >= 0) {
                found.add(new int[] {it.startOffset(), it.endOffset()});
            }
        }
        found.sort(java.util.Comparator.comparingInt(m -> m[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] m : found) {
            int[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && (m[0] <= last[1] || text.substring(last[1], m[0]).isBlank())) {
                last[1] = Math.max(last[1], m[1]);
            } else {
                merged.add(new int[] {m[0], m[1]});
            }
        }
        return merged;
    }

    /** A hit in context: the best match with what stands before and after it, and all matches as fragments. */
    record Context(String before, String match, String after, List<SearchHit.Fragment> fragments) {
    }

    /**
     * The window of up to {@link #CONTEXT} characters either side of {@code [start, end)} (UTF-16), cut at white space
     * and put on one line, with every one of {@code matches} inside it marked.
     */
    static Context context(String text, int start, int end, List<int[]> matches) {
        String[] parts = window(text, start, end);
        int from = Integer.parseInt(parts[3]);
        int to = Integer.parseInt(parts[4]);
        List<SearchHit.Fragment> fragments = new ArrayList<>();
        int at = from;
        for (int[] m : matches) {
            int s = Math.max(from, m[0]);
            int e = Math.min(to, m[1]);
            if (e <= s || s < at) {
                continue;
            }
            if (s > at) {
                fragments.add(new SearchHit.Fragment(oneLine(text.substring(at, s)), false));
            }
            fragments.add(new SearchHit.Fragment(oneLine(text.substring(s, e)), true));
            at = e;
        }
        if (at < to) {
            fragments.add(new SearchHit.Fragment(oneLine(text.substring(at, to)), false));
        }
        if (!fragments.isEmpty()) {
            if (from > 0) {
                fragments.set(0, new SearchHit.Fragment("…" + fragments.getFirst().text().stripLeading(),
                        fragments.getFirst().hit()));
            }
            if (to < text.length()) {
                fragments.set(fragments.size() - 1, new SearchHit.Fragment(fragments.getLast().text().stripTrailing()
                        + "…", fragments.getLast().hit()));
            }
        }
        return new Context(parts[0], parts[1], parts[2], List.copyOf(fragments));
    }

    /** Before, match and after (and the window's bounds): cut at white space, on one line. */
    private static String[] window(String text, int start, int end) {
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(text.length(), end + CONTEXT);
        if (from > 0) {
            int space = indexOfSpace(text, from, start);
            from = space < 0 ? from : space + 1;
            if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
                from++;
            }
        }
        if (to < text.length()) {
            int space = lastIndexOfSpace(text, end, to);
            to = space < 0 ? to : space;
            if (to > 0 && to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
                to--;
            }
        }
        String before = (from > 0 ? "…" : "") + oneLine(text.substring(from, start)).stripLeading();
        String after = oneLine(text.substring(end, to)).stripTrailing() + (to < text.length() ? "…" : "");
        return new String[] {before, oneLine(text.substring(start, end)), after, Integer.toString(from),
                Integer.toString(to)};
    }

    private static int indexOfSpace(String text, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOfSpace(String text, int limit, int to) {
        for (int i = to - 1; i >= limit; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
