package org.factspan.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.base.CodePoints;

/**
 * The five seed articles with the hand-labeled attribution cues and sources of
 * {@code src/test/resources/search/seed-attributions.tsv} (code points in the file, UTF-16 here).
 */
final class SeedGold {

    record Article(String file, String text, List<Recommender.Extent> gold) {
    }

    static List<Article> load() {
        try {
            Map<String, List<Recommender.Extent>> gold = new LinkedHashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            try (var files = Files.list(Path.of("seeds"))) {
                files.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(p -> {
                    texts.put(p.getFileName().toString(), read(p));
                    gold.put(p.getFileName().toString(), new ArrayList<>());
                });
            }
            var in = SeedGold.class.getResourceAsStream("/search/seed-attributions.tsv");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                CodePoints text = CodePoints.of(texts.get(f[0]));
                int start = Integer.parseInt(f[2]);
                int end = Integer.parseInt(f[3]);
                if (!text.substring(start, end).equals(f[4])) {
                    throw new IllegalStateException("Gold span does not match the text: " + line);
                }
                gold.get(f[0]).add(new Recommender.Extent(text.toUtf16(start), text.toUtf16(end), f[1]));
            }
            List<Article> articles = new ArrayList<>();
            texts.forEach((file, text) -> articles.add(new Article(file, text, List.copyOf(gold.get(file)))));
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SeedGold() {
    }
}
