package org.factspan.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.base.CodePoints;
import org.factspan.corpus.PublicationTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference time of every number expression of the five seed articles against the reviewed file
 * {@code seed-reference-times.tsv}, written by reading the articles (decision 019). The publication times come from
 * the articles' text and the seed manifest's metadata, as an import reads them.
 */
class SeedReferenceTimesTest {

    static final Path FILE = Path.of("src/test/resources/claims/seed-reference-times.tsv");

    /** Each seed file's publication time, read as an import reads it (text and manifest metadata). */
    static Map<String, PublicationTime> publications() throws IOException {
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(Path.of("seeds/project.json")));
        Map<String, PublicationTime> out = new LinkedHashMap<>();
        for (JsonNode d : manifest.get("documents")) {
            String file = d.get("file").asString();
            Map<String, String> meta = new LinkedHashMap<>();
            d.get("meta").properties().forEach(e -> meta.put(e.getKey(), e.getValue().asString()));
            out.put(file, PublicationTime.read(Files.readString(Path.of("seeds", file), StandardCharsets.UTF_8), meta));
        }
        return out;
    }

    @Test
    void thePublicationTimesAreWhatTheArticlesSay() throws IOException {
        Map<String, PublicationTime> p = publications();
        assertThat(p.values()).extracting(PublicationTime::value).containsExactly("2022-01-06", null,
                "2022-01-06T18:31", "2022-01-05", null);
        assertThat(p.get("002_7de7c1baf47c190f.txt").expression()).isEqualTo("Published: 06:31 PM, 6 Jan, 2022");
        assertThat(p.values()).allSatisfy(x -> assertThat(x.zone()).isEqualTo("Asia/Almaty"));
    }

    @Test
    void everyNumberOfTheSeedArticlesHasTheReviewedReferenceTime() throws IOException {
        Map<String, PublicationTime> published = publications();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        Map<String, CodePoints> texts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            CodePoints text = texts.computeIfAbsent(f[0], name -> read(Path.of("seeds", name)));
            String[] at = f[1].split("-");
            int start = Integer.parseInt(at[0]);
            int end = Integer.parseInt(at[1]);
            assertThat(text.substring(start, end)).as(line).isEqualTo(f[2]);
            ReferenceTime t = ClaimTimes.of(text, start, end, published.get(f[0]), null);
            expected.add(line);
            String words = switch (t.basis()) {
                case PUBLICATION -> "publication";
                case UNKNOWN -> t.expression() == null ? "-" : t.expression();
                default -> t.expression();
            };
            actual.add(String.join("\t", f[0], f[1], f[2], words, t.canonical()));
        }
        System.out.printf("reference times: %d number expressions of the seed articles, %d as reviewed%n",
                expected.size(), java.util.stream.IntStream.range(0, expected.size())
                        .filter(i -> expected.get(i).equals(actual.get(i))).count());
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).hasSize(59);
    }

    private static CodePoints read(Path p) {
        try {
            return CodePoints.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
