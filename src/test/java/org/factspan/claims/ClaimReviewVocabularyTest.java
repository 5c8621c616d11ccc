package org.factspan.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.PublicationTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ClaimReview JSON-LD against a golden file and against schema.org's vocabulary, kept as a test resource
 * ({@code schemaorg-vocabulary.tsv}): every type exists, every property belongs to its object's type (or a type it
 * extends), and every nested object's type is one the property allows. Also the timeline CSV's golden file.
 */
class ClaimReviewVocabularyTest {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final Path GOLDEN = Path.of("src/test/resources/claims/golden");

    /** The killed cluster of the seed articles with three outlets and a verdict, built by hand. */
    static ClaimViews.Cluster killed() {
        ClaimViews.Time wednesday = ClaimViews.Time.of(TimeExpressions.iso("2022-01-05", ALMATY, "on Wednesday")
                .withBasis(ReferenceTime.Basis.TEXT));
        ClaimViews.Time midday = ClaimViews.Time.of(TimeExpressions.iso("2022-01-06T12:00", ALMATY,
                "As of midday Thursday").withBasis(ReferenceTime.Basis.TEXT));
        ClaimViews.Time published = ClaimViews.Time.of(TimeExpressions.iso("2022-01-06", ALMATY, "January 06, 2022")
                .withBasis(ReferenceTime.Basis.PUBLICATION));
        QuantityExtractor q = new QuantityExtractor();
        List<ClaimViews.Member> members = List.of(
                member(11, 101, 4, "Russia-led Alliance Pledges Aid to Kazakhstan After Armed Protests Force Government"
                        + " to Resign", "Vision Times", "eight police and national guard troops have died", wednesday,
                        null, List.of(), q),
                member(12, 102, 3, "Russia-led troops sent to Kazakhstan as 'dozens' killed in unrest", "24 News HD",
                        "13 killed, including two who had their heads cut off", midday, null, List.of(), q),
                member(13, 103, 1, "Russia-led Alliance to Send Forces to Unrest-Hit Kazakhstan", "The Moscow Times",
                        "at least eight police officers and military servicemen were killed in the unrest", published,
                        "https://www.themoscowtimes.com/2022/01/06/russia-led-alliance-to-send-forces-to-unrest-hit"
                                + "-kazakhs-tan-a75980", List.of("Kazakh media"), q));
        ReferenceTime asOf = TimeExpressions.iso("2022-01-06T12:00", ALMATY, "midday Thursday");
        ClaimViews.Verdict verdict = new ClaimViews.Verdict("at least 13", 13.0, true, null, false,
                ClaimViews.Time.of(asOf), "updated", "mostly-true", "The count grew from eight on Wednesday to 13 by"
                        + " midday Thursday; officials gave no later figure.", List.of(12L),
                List.of("https://example.org/interior-ministry-briefing"), "carol", Instant.parse(
                        "2026-12-07T10:00:00Z"));
        return new ClaimViews.Cluster(7, "Police and troops killed in the unrest", 5, 3, members, List.of(), "carol",
                Instant.parse("2026-12-07T10:00:00Z"), verdict);
    }

    static ClaimViews.Member member(long id, long span, long doc, String title, String outlet, String text,
            ClaimViews.Time time, String url, List<String> sources, QuantityExtractor q) {
        return new ClaimViews.Member(id, span, doc, title, outlet, 0, text.codePointCount(0, text.length()), text, "",
                "", "gold", true, "agrees", true, sources, List.of(), q.extract(text).stream()
                        .map(ClaimViews.Number::of).toList(), Map.of(), time, url);
    }

    static Map<Long, DocumentSummary> documents() {
        Map<Long, DocumentSummary> docs = new HashMap<>();
        docs.put(1L, new DocumentSummary(1, "000", "Russia-led Alliance to Send Forces to Unrest-Hit Kazakhstan", 1, "x",
                Map.of("outlet", "The Moscow Times"), new PublicationTime("2022-01-06", "January 06, 2022", "text",
                        "Asia/Almaty")));
        docs.put(3L, new DocumentSummary(3, "002", "Russia-led troops", 1, "x", Map.of("outlet", "24 News HD"),
                new PublicationTime("2022-01-06T18:31", "Published: 06:31 PM, 6 Jan, 2022", "text", "Asia/Almaty")));
        docs.put(4L, new DocumentSummary(4, "003", "Russia-led Alliance Pledges Aid", 1, "x",
                Map.of("outlet", "Vision Times"), new PublicationTime("2022-01-05", "Published: January 5, 2022",
                        "text", "Asia/Almaty")));
        return docs;
    }

    static String review() {
        return ClaimReviews.json(ClaimReviews.of("Kazakhstan unrest, January 2022", "kazakhstan-2022", killed(),
                documents()));
    }

    /** Compares with a golden file; a missing one is written (to be reviewed by a person) and the test fails. */
    static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (!Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            throw new AssertionError("Wrote the missing golden file " + file + ": review it");
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void theClaimReviewIsTheGoldenFile() throws IOException {
        golden("claimreview-killed.jsonld", review());
    }

    @Test
    void theTimelineIsTheGoldenFile() throws IOException {
        golden("timeline-killed.csv", TimelineCsv.csv(List.of(ClaimService.timeline(killed()))));
    }

    /** The vocabulary file: types with what they extend, properties with their domains and ranges. */
    record Vocabulary(Map<String, String> types, Map<String, List<String>> domains, Map<String, List<String>> ranges) {

        static Vocabulary load() throws IOException {
            Vocabulary v = new Vocabulary(new HashMap<>(), new HashMap<>(), new HashMap<>());
            for (String line : Files.readAllLines(Path.of("src/test/resources/claims/schemaorg-vocabulary.tsv"))) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("type")) {
                    v.types().put(f[1], f[2]);
                } else {
                    v.domains().put(f[1], List.of(f[2].split(",")));
                    v.ranges().put(f[1], List.of(f[3].split(",")));
                }
            }
            return v;
        }

        /** The type and every type it extends. */
        List<String> lineage(String type) {
            List<String> out = new ArrayList<>();
            for (String t = type; t != null && !t.equals("-"); t = types.get(t)) {
                out.add(t);
            }
            return out;
        }
    }

    /** What breaks schema.org in a JSON-LD tree; empty when nothing does. */
    static List<String> violations(JsonNode node, Vocabulary v, String path) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(violations(node.get(i), v, path + "[" + i + "]"));
            }
            return out;
        }
        if (!node.isObject()) {
            return out;
        }
        String type = node.has("@type") ? node.get("@type").asString() : null;
        if (type == null || !v.types().containsKey(type)) {
            out.add(path + ": no schema.org type '" + type + "'");
            return out;
        }
        for (var e : node.properties()) {
            String name = e.getKey();
            if (Set.of("@context", "@type").contains(name)) {
                continue;
            }
            List<String> domains = v.domains().get(name);
            if (domains == null) {
                out.add(path + "." + name + ": no such property in schema.org");
                continue;
            }
            if (v.lineage(type).stream().noneMatch(domains::contains)) {
                out.add(path + "." + name + ": not a property of " + type + " (only of " + domains + ")");
            }
            List<JsonNode> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(values::add);
            } else {
                values.add(e.getValue());
            }
            for (JsonNode value : values) {
                if (value.isObject()) {
                    String inner = value.has("@type") ? value.get("@type").asString() : "";
                    if (v.lineage(inner).stream().noneMatch(v.ranges().get(name)::contains)) {
                        out.add(path + "." + name + ": a " + inner + " where schema.org expects "
                                + v.ranges().get(name));
                    }
                    out.addAll(violations(value, v, path + "." + name));
                } else if (value.isNumber() && v.ranges().get(name).stream().noneMatch(r -> r.equals("Number"))) {
                    out.add(path + "." + name + ": a number where schema.org expects " + v.ranges().get(name));
                }
            }
        }
        return out;
    }

    @Test
    void everyTypeAndPropertyIsSchemaOrgs() throws IOException {
        Vocabulary v = Vocabulary.load();
        JsonNode review = JsonMapper.builder().build().readTree(review());
        assertThat(review.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(violations(review, v, "$")).isEmpty();
        // the check can fail: a property of another type, an unknown property, a wrong nested type
        JsonNode broken = JsonMapper.builder().build().readTree("{\"@type\":\"ClaimReview\",\"appearance\":[],"
                + "\"verdict\":\"true\",\"reviewRating\":{\"@type\":\"Organization\",\"name\":\"x\"}}");
        assertThat(violations(broken, v, "$")).containsExactly(
                "$.appearance: not a property of ClaimReview (only of [Claim])",
                "$.verdict: no such property in schema.org",
                "$.reviewRating: a Organization where schema.org expects [Rating]");
    }

    @Test
    void theReviewSaysWhatTheIssueAsksFor() throws IOException {
        JsonNode r = JsonMapper.builder().build().readTree(review());
        assertThat(r.get("itemReviewed").get("@type").asString()).isEqualTo("Claim");
        assertThat(r.get("itemReviewed").get("appearance")).hasSize(3);
        JsonNode first = r.get("itemReviewed").get("firstAppearance");
        assertThat(first.get("publisher").get("name").asString()).as("published on the 5th").isEqualTo("Vision Times");
        assertThat(r.get("reviewRating").get("ratingValue").asInt()).isEqualTo(4);
        assertThat(r.get("reviewRating").get("alternateName").asString()).isEqualTo("Mostly true");
        assertThat(r.get("author").get("name").asString()).isEqualTo("Kazakhstan unrest, January 2022");
        assertThat(r.get("datePublished").asString()).isEqualTo("2026-12-07");
        assertThat(r.get("itemReviewed").get("appearance").get(1).get("datePublished").asString())
                .isEqualTo("2022-01-06T18:31+06:00");
        assertThat(r.get("itemReviewed").get("appearance").get(1).get("text").asString())
                .isEqualTo("13 killed, including two who had their heads cut off");
        assertThat(r.get("temporalCoverage").asString()).isEqualTo("2022-01-06T06:00:00Z");
    }
}
