package org.factspan.claims;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.PublicationTime;

/**
 * A cluster with a verdict as schema.org {@code ClaimReview} JSON-LD (decision 019): {@code claimReviewed} the
 * statement, {@code itemReviewed} a {@code Claim} with every member's {@code appearance} (a {@code CreativeWork}: the
 * outlet as {@code publisher}, the article's {@code url}, {@code headline} and {@code datePublished}, the exact words as
 * {@code text}) and the earliest as {@code firstAppearance}, {@code reviewRating} a {@code Rating} on 1 (false) to 5
 * (true) with the rating's words as {@code alternateName} (unverifiable has no value), {@code author} the project as
 * an {@code Organization}, {@code datePublished} the day the verdict was recorded, {@code reviewBody} the established
 * value, as-of time, status and explanation, {@code temporalCoverage} the as-of time, {@code citation} the evidence
 * (member claims and outside URLs). Plain Java: ordered maps for a JSON writer.
 */
public final class ClaimReviews {

    private static final tools.jackson.databind.json.JsonMapper PRETTY = tools.jackson.databind.json.JsonMapper
            .builder().enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();

    private ClaimReviews() {
    }

    /** JSON-LD as it is published: indented, fields in their order, a final line break. */
    public static String json(Object jsonLd) {
        return PRETTY.writeValueAsString(jsonLd) + "\n";
    }

    /** The ClaimReview of a cluster that has a verdict. */
    public static Map<String, Object> of(String project, String projectSlug, ClaimViews.Cluster c,
            Map<Long, DocumentSummary> documents) {
        ClaimViews.Verdict v = c.verdict();
        if (v == null) {
            throw new IllegalArgumentException("Cluster " + c.id() + " has no verdict");
        }
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("@context", "https://schema.org");
        review.put("@type", "ClaimReview");
        review.put("identifier", "factspan:" + projectSlug + ":cluster:" + c.id());
        review.put("claimReviewed", c.statement());
        review.put("datePublished", LocalDate.ofInstant(v.setAt(), ZoneOffset.UTC).toString());
        review.put("author", organization(project));
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("@type", "Rating");
        ClaimVerdicts.Rating r = ClaimVerdicts.Rating.of(v.rating());
        if (r.value != null) {
            rating.put("ratingValue", r.value);
            rating.put("bestRating", 5);
            rating.put("worstRating", 1);
        }
        rating.put("alternateName", r.label);
        review.put("reviewRating", rating);
        review.put("reviewBody", body(c, v));
        if (v.asOf().known()) {
            review.put("temporalCoverage", v.asOf().to().equals(v.asOf().from().plus(ReferenceTime.MOMENT))
                    ? v.asOf().from().toString() : v.asOf().from() + "/" + v.asOf().to());
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("@type", "Claim");
        claim.put("name", c.statement());
        List<Map<String, Object>> appearances = new ArrayList<>();
        Map<String, Object> first = null;
        java.time.Instant firstAt = null;
        for (ClaimViews.Member m : c.members()) {
            DocumentSummary d = documents.get(m.documentId());
            Map<String, Object> a = appearance(m, d);
            appearances.add(a);
            if (d != null && d.published() != null && d.published().known()
                    && (firstAt == null || d.published().from().isBefore(firstAt))) {
                first = a;
                firstAt = d.published().from();
            }
        }
        claim.put("appearance", appearances);
        if (first != null) {
            claim.put("firstAppearance", first);
        }
        review.put("itemReviewed", claim);
        List<Map<String, Object>> citations = new ArrayList<>();
        for (long id : v.members()) {
            c.member(id).ifPresent(m -> citations.add(appearance(m, documents.get(m.documentId()))));
        }
        for (String url : v.urls()) {
            Map<String, Object> work = new LinkedHashMap<>();
            work.put("@type", "CreativeWork");
            work.put("url", url);
            citations.add(work);
        }
        if (!citations.isEmpty()) {
            review.put("citation", citations);
        }
        return review;
    }

    private static Map<String, Object> appearance(ClaimViews.Member m, DocumentSummary d) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("@type", "CreativeWork");
        if (m.url() != null) {
            a.put("url", m.url());
        }
        a.put("headline", m.document());
        String date = published(d);
        if (date != null) {
            a.put("datePublished", date);
        }
        a.put("publisher", organization(m.outlet()));
        a.put("text", m.text());
        return a;
    }

    /** A publication time as schema.org wants a Date or DateTime: with the offset of the document's zone. */
    static String published(DocumentSummary d) {
        PublicationTime p = d == null ? null : d.published();
        if (p == null || !p.known()) {
            return null;
        }
        if (p.value().length() == 10) {
            return p.value();
        }
        return LocalDateTime.ofInstant(p.from(), p.zoneId()).atZone(p.zoneId()).toOffsetDateTime().toString();
    }

    private static Map<String, Object> organization(String name) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("@type", "Organization");
        o.put("name", name);
        return o;
    }

    private static String body(ClaimViews.Cluster c, ClaimViews.Verdict v) {
        StringBuilder b = new StringBuilder();
        if (v.value() != null) {
            b.append("Established: ").append(v.value());
            if (v.asOf().known()) {
                b.append(", as of ").append(v.asOf().display());
            }
            b.append(". ");
        } else if (v.asOf().known()) {
            b.append("As of ").append(v.asOf().display()).append(". ");
        }
        b.append("Status: ").append(v.status()).append(". ");
        b.append(v.explanation());
        return b.toString();
    }
}
