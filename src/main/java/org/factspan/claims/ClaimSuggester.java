package org.factspan.claims;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Suggests, for one claim, the claims of other documents that likely state the same fact. The text score is
 * Lucene's BM25 over a MoreLikeThis query built from the claim (weight 2) and its sentence (weight 1), against the
 * candidates' claims and sentences, with English stemming and stop words; it is scaled so that the best candidate
 * has 1. Shared numbers (the same count of the same thing, by {@link QuantityExtractor}) add 0.3 each, up to 0.6;
 * shared names (capitalised words, across spellings) add 0.15 each, up to 0.45. Candidates of the claim's own
 * document are never suggested. Plain Java: an in-memory index per call.
 */
public final class ClaimSuggester {

    /** A claim that may be suggested, or the claim to suggest for. */
    public record Candidate(long spanId, long documentId, String text, String sentence) {
    }

    /** A suggestion: the candidate's span, its score and why. */
    public record Scored(long spanId, double score, List<String> reasons) {
    }

    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}'’-]{3,}");
    private static final Set<String> NOT_NAMES = Set.of("the", "this", "that", "these", "those", "there", "their", "they",
            "after", "before", "when", "while", "with", "from", "both", "some", "many", "much", "most", "more",
            "several", "protests", "protesters", "president", "prime", "minister", "government", "police", "local",
            "officials", "meanwhile", "yesterday", "wednesday", "thursday", "tuesday", "monday", "friday", "january",
            "reports", "kazakh", "russian", "peacekeeping", "under", "within", "videos", "military", "thousands");

    private final QuantityExtractor quantities = new QuantityExtractor();

    public List<Scored> suggest(Candidate query, List<Candidate> candidates, int limit) {
        List<Candidate> others = candidates.stream()
                .filter(c -> c.documentId() != query.documentId() && c.spanId() != query.spanId()).toList();
        if (others.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<Long, Double> text = textScores(query, others);
        double best = text.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Quantity> queryNumbers = quantities.extract(query.text());
        Set<String> queryNames = names(query.text() + " " + query.sentence());
        Set<String> queryTerms = terms(query.text());
        List<Scored> out = new ArrayList<>();
        for (Candidate c : others) {
            List<String> reasons = new ArrayList<>();
            double score = best > 0 ? text.getOrDefault(c.spanId(), 0.0) / best : 0;
            List<String> shared = sharedWords(c.text(), queryTerms);
            if (!shared.isEmpty()) {
                reasons.add("shared words: " + String.join(", ", shared.stream().limit(5).toList()));
            }
            double numbers = 0;
            for (Quantity q : queryNumbers) {
                for (Quantity r : quantities.extract(c.text())) {
                    if (q.key() != null && q.key().equals(r.key()) && q.value().intersects(r.value())
                            && numbers < 0.6) {
                        numbers += 0.3;
                        // the candidate's own words; the claim's only where they differ
                        reasons.add(r.value().equals(q.value()) ? "same count: “" + r.phrase() + "” " + r.key()
                                : "compatible count: “" + r.phrase() + "” " + r.key() + " (the claim says “"
                                        + q.phrase() + "”)");
                    }
                }
            }
            double names = 0;
            List<String> sharedNames = new ArrayList<>();
            for (String n : names(c.text() + " " + c.sentence())) {
                if (names < 0.45 && queryNames.stream().anyMatch(m -> sameName(m, n))) {
                    names += 0.15;
                    sharedNames.add(n);
                }
            }
            if (!sharedNames.isEmpty()) {
                reasons.add("same names: " + String.join(", ", sharedNames));
            }
            score += numbers + names;
            if (score > 0) {
                out.add(new Scored(c.spanId(), Math.round(score * 1000) / 1000.0, reasons));
            }
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(Scored::spanId));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static Map<Long, Double> textScores(Candidate query, List<Candidate> candidates) {
        Map<Long, Double> scores = new HashMap<>();
        try (Analyzer analyzer = new EnglishAnalyzer(); ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
                    .setSimilarity(new BM25Similarity()))) {
                for (Candidate c : candidates) {
                    Document d = new Document();
                    d.add(new StoredField("id", c.spanId()));
                    d.add(new StringField("doc", Long.toString(c.documentId()), Field.Store.NO));
                    d.add(new TextField("claim", c.text(), Field.Store.NO));
                    d.add(new TextField("sentence", c.sentence(), Field.Store.NO));
                    writer.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new BM25Similarity());
                MoreLikeThis mlt = new MoreLikeThis(reader);
                mlt.setAnalyzer(analyzer);
                mlt.setMinTermFreq(1);
                mlt.setMinDocFreq(1);
                mlt.setMinWordLen(2);
                mlt.setMaxQueryTerms(30);
                BooleanQuery.Builder q = new BooleanQuery.Builder();
                mlt.setFieldNames(new String[] {"claim", "sentence"});
                q.add(new BoostQuery(mlt.like("claim", new StringReader(query.text())), 2f), Occur.SHOULD);
                q.add(mlt.like("sentence", new StringReader(query.sentence())), Occur.SHOULD);
                q.add(new TermQuery(new Term("doc", Long.toString(query.documentId()))), Occur.MUST_NOT);
                Query built = q.build();
                for (ScoreDoc hit : searcher.search(built, candidates.size()).scoreDocs) {
                    long id = searcher.storedFields().document(hit.doc).getField("id").numericValue().longValue();
                    scores.put(id, (double) hit.score);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scores;
    }

    /**
     * The candidate's own words (as written, first occurrence, no repeats) whose stems are among {@code stems}: "police",
     * "officers", not the stems "polic", "offic".
     */
    private static List<String> sharedWords(String text, Set<String> stems) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        try (Analyzer analyzer = new EnglishAnalyzer(); TokenStream ts = analyzer.tokenStream("claim", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            org.apache.lucene.analysis.tokenattributes.OffsetAttribute at = ts.addAttribute(
                    org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (stems.contains(term.toString()) && seen.add(term.toString())) {
                    out.add(text.substring(at.startOffset(), at.endOffset()));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Stemmed content words, as the index sees them. */
    private static Set<String> terms(String text) {
        Set<String> out = new LinkedHashSet<>();
        try (Analyzer analyzer = new EnglishAnalyzer(); TokenStream ts = analyzer.tokenStream("claim", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Set<String> names(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String w = m.group().replaceAll("['’]s$", "");
            if (!NOT_NAMES.contains(w.toLowerCase(Locale.ROOT))) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean sameName(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return x.equals(y) || x.length() >= 6 && y.length() >= 6 && ConflictRules.editDistance(x, y) <= 2;
    }
}
