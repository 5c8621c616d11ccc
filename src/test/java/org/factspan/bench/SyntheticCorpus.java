package org.factspan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A seeded, reproducible corpus of news-like documents for the benchmarks: sentences of the seed articles in random
 * order, behind a newspaper emoji (so code points and UTF-16 differ), annotated by three annotators who partly agree.
 * Each document has "true" attributions (a source of one or two words, a one-word cue, a claim of three to eight
 * words, in one sentence); each annotator keeps a true span with probability 0.85, moves its end by a word with
 * probability 0.15, gives claims a {@code verdict}, links the kept parts as a triple and adds a stray claim in one
 * sentence of ten. The same seed gives the same corpus; documents are made one at a time.
 */
final class SyntheticCorpus {

    static final List<String> ANNOTATORS = List.of("bench-a1", "bench-a2", "bench-a3");
    static final String[] VERDICTS = {"supported", "refuted", "unverifiable", "not checked"};
    private static final String HEAD = "\uD83D\uDCF0 "; // 📰 and a space: one code point, two UTF-16 units

    record Span(int start, int end, String label, String verdict) {
    }

    /** A triple by indices into the annotator's spans; source or cue may be -1. */
    record Triple(int source, int cue, int content) {
    }

    record Work(String annotator, List<Span> spans, List<Triple> triples) {
    }

    record Doc(int index, String name, String text, Map<String, String> meta, List<Work> work) {

        int spanCount() {
            return work.stream().mapToInt(w -> w.spans().size()).sum();
        }

        int tokens() {
            return text.split("\\s+").length;
        }
    }

    private static List<String> sentences;

    private final long seed;
    private final int words;
    private final double share;

    /**
     * @param seed the random seed
     * @param words words per document (about)
     * @param share the part of the words each annotator puts into spans (about)
     */
    SyntheticCorpus(long seed, int words, double share) {
        this.seed = seed;
        this.words = words;
        this.share = share;
    }

    /** The main corpus: 400-word documents, about 100 spans each over the three annotators. */
    static SyntheticCorpus main() {
        return new SyntheticCorpus(20260125L, 400, 0.27);
    }

    /** The peer workload: 2,000-token documents, about 10% of the tokens in each annotator's spans. */
    static SyntheticCorpus peer() {
        return new SyntheticCorpus(2000L, 2000, 0.10);
    }

    Iterator<Doc> documents(int count) {
        return new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Doc next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return document(next++);
            }
        };
    }

    List<Doc> list(int count) {
        List<Doc> all = new ArrayList<>(count);
        documents(count).forEachRemaining(all::add);
        return all;
    }

    /** Document {@code index}; depends only on the seed and the index. */
    Doc document(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        List<String> pool = sentences();
        StringBuilder text = new StringBuilder(HEAD).append("Report ").append(index + 1).append(". ");
        List<List<int[]>> bySentence = new ArrayList<>();
        int count = 0;
        while (count < words) {
            String sentence = pool.get(random.nextInt(pool.size()));
            List<int[]> wordsOf = new ArrayList<>();
            int base = text.length() - 1; // code points: the emoji is one code point, two UTF-16 units
            int i = 0;
            while (i < sentence.length()) {
                while (i < sentence.length() && sentence.charAt(i) == ' ') {
                    i++;
                }
                int start = i;
                while (i < sentence.length() && sentence.charAt(i) != ' ') {
                    i++;
                }
                if (i > start) {
                    wordsOf.add(new int[] {base + start, base + i});
                }
            }
            text.append(sentence).append(bySentence.size() % 6 == 5 ? "\n\n" : " ");
            bySentence.add(wordsOf);
            count += wordsOf.size();
        }
        double perSentence = Math.min(1.0, share * count / 8.5 / bySentence.size());
        List<Span[]> truth = new ArrayList<>();
        for (List<int[]> w : bySentence) {
            if (w.size() < 7 || random.nextDouble() >= perSentence) {
                continue;
            }
            int sourceWords = 1 + random.nextInt(2);
            int claimWords = Math.min(w.size() - sourceWords - 1, 3 + random.nextInt(6));
            Span source = new Span(w.get(0)[0], w.get(sourceWords - 1)[1], "SOURCE", null);
            Span cue = new Span(w.get(sourceWords)[0], w.get(sourceWords)[1], "ATTRIBUTION", null);
            Span claim = new Span(w.get(sourceWords + 1)[0], w.get(sourceWords + claimWords)[1], "CLAIM",
                    VERDICTS[random.nextInt(VERDICTS.length)]);
            truth.add(new Span[] {source, cue, claim, null});
            // the word after the claim, for a moved end
            int after = Math.min(w.size() - 1, sourceWords + claimWords + 1);
            truth.getLast()[3] = new Span(w.get(sourceWords + 1)[0], w.get(after)[1], "CLAIM", null);
        }
        List<Work> work = new ArrayList<>();
        for (String annotator : ANNOTATORS) {
            List<Span> spans = new ArrayList<>();
            List<Triple> triples = new ArrayList<>();
            java.util.Set<List<Object>> seen = new java.util.HashSet<>();
            for (Span[] t : truth) {
                int[] index3 = {-1, -1, -1};
                for (int k = 0; k < 3; k++) {
                    if (random.nextDouble() >= 0.85) {
                        continue;
                    }
                    Span s = t[k];
                    if (k == 2) {
                        Span moved = t[3];
                        String verdict = random.nextDouble() < 0.8 ? s.verdict()
                                : VERDICTS[random.nextInt(VERDICTS.length)];
                        s = random.nextDouble() < 0.15 && moved.end() > s.end()
                                ? new Span(s.start(), moved.end(), "CLAIM", verdict)
                                : new Span(s.start(), s.end(), "CLAIM", verdict);
                    }
                    if (seen.add(List.of(s.start(), s.end(), s.label()))) {
                        index3[k] = spans.size();
                        spans.add(s);
                    }
                }
                if (index3[2] >= 0 && (index3[0] >= 0 || index3[1] >= 0)) {
                    triples.add(new Triple(index3[0], index3[1], index3[2]));
                }
            }
            for (List<int[]> w : bySentence) {
                if (w.size() >= 4 && random.nextDouble() < 0.1) {
                    int from = random.nextInt(w.size() - 3);
                    Span stray = new Span(w.get(from)[0], w.get(from + 2)[1], "CLAIM", null);
                    if (seen.add(List.of(stray.start(), stray.end(), stray.label()))) {
                        spans.add(stray);
                    }
                }
            }
            work.add(new Work(annotator, spans, triples));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("outlet", "Outlet " + (index % 7 + 1));
        meta.put("title", "Report " + (index + 1));
        return new Doc(index, String.format("report-%05d.txt", index + 1), text.toString(), meta, work);
    }

    /** Sentences of six words or more from the seed articles, cleaned to printable ASCII. */
    static synchronized List<String> sentences() {
        if (sentences == null) {
            List<String> found = new ArrayList<>();
            try (var files = Files.list(Path.of("seeds"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    for (String s : Files.readString(f).split("(?<=[.!?])\\s+")) {
                        String clean = s.replaceAll("[^\\x20-\\x7E]", " ").replaceAll("\\s+", " ").strip();
                        if (clean.split(" ").length >= 6) {
                            found.add(clean);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sentences = List.copyOf(found);
        }
        return sentences;
    }
}
