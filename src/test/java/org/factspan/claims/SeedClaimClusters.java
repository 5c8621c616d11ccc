package org.factspan.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.factspan.base.TextSegments;

/**
 * The hand-built clustering of the seed claims (src/test/resources/claims/seed-claim-clusters.tsv), and the
 * suggestion quality on it: precision@1 and recall@5 over every claim that has a same-fact claim in another
 * article. Used by the known-answer test and by the benchmark.
 */
public final class SeedClaimClusters {

    /** A claim of the clustering: its cluster, the seed file, the text and its UTF-16 offsets in the file. */
    public record Claim(int id, String cluster, String file, int documentIndex, String text, int start, int end,
            String sentence) {
    }

    /** Precision@1 and recall@5, over {@code queries} claims. */
    public record Quality(double precisionAt1, double recallAt5, int queries, int claims, int clusters) {
    }

    public static List<Claim> load() {
        try {
            Map<String, String> texts = new TreeMap<>();
            List<Claim> claims = new ArrayList<>();
            List<String> files = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/test/resources/claims/seed-claim-clusters.tsv"),
                    StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                String text = texts.computeIfAbsent(f[1], name -> read(Path.of("seeds", name)));
                if (!files.contains(f[1])) {
                    files.add(f[1]);
                }
                int start = text.indexOf(f[2]);
                if (start < 0) {
                    throw new IllegalStateException("Not in " + f[1] + ": " + f[2]);
                }
                int end = start + f[2].length();
                claims.add(new Claim(claims.size() + 1, f[0], f[1], files.indexOf(f[1]), f[2], start, end,
                        TextSegments.sentencesAround(text, text.codePointCount(0, start),
                                text.codePointCount(0, end))));
            }
            return claims;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Suggests for every claim among all the others and measures precision@1 and recall@5. */
    public static Quality evaluate(ClaimSuggester suggester, List<Claim> claims) {
        List<ClaimSuggester.Candidate> candidates = claims.stream()
                .map(c -> new ClaimSuggester.Candidate(c.id(), c.documentIndex(), c.text(), c.sentence())).toList();
        double hitsAt1 = 0;
        double recall = 0;
        int queries = 0;
        for (Claim q : claims) {
            Set<Long> relevant = new HashSet<>();
            claims.stream().filter(c -> c.cluster().equals(q.cluster()) && c.documentIndex() != q.documentIndex())
                    .forEach(c -> relevant.add((long) c.id()));
            if (relevant.isEmpty()) {
                continue;
            }
            queries++;
            List<ClaimSuggester.Scored> top = suggester.suggest(candidates.get(q.id() - 1), candidates, 5);
            if (!top.isEmpty() && relevant.contains(top.get(0).spanId())) {
                hitsAt1++;
            }
            long found = top.stream().filter(s -> relevant.contains(s.spanId())).count();
            recall += (double) found / Math.min(5, relevant.size());
        }
        Set<String> clusters = new HashSet<>();
        claims.forEach(c -> clusters.add(c.cluster()));
        return new Quality(hitsAt1 / queries, recall / queries, queries, claims.size(), clusters.size());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
