package org.factspan.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.factspan.claims.ClaimReviews;
import org.factspan.claims.ClaimService;
import org.factspan.claims.ClaimViews;
import org.factspan.claims.TimelineCsv;
import org.factspan.export.format.ExportFormat;
import org.factspan.export.format.ExportResult;
import org.factspan.security.Actor;

/**
 * {@value #ID}: the project's claim clusters with verdicts as schema.org ClaimReview JSON-LD, beside the timelines of
 * every cluster as CSV (decision 019), in one zip: {@code claimreview.jsonld} (one array of every review),
 * {@code claimreview/cluster-<id>.jsonld} (one document per cluster, to publish with each fact-check),
 * {@code timeline.csv} ({@link TimelineCsv}) and {@code README.md}. Clusters are project-wide, so the set and filters
 * of the dialog do not apply; the caller sees what the claim board shows them.
 */
final class ClaimReviewFormat implements ExportFormat {

    static final String ID = "claimreview";
    /** 1980-01-01 12:00 local: the same bytes for the same data, whenever it is written. */
    private static final long ZIP_TIME = 315_532_800_000L + 12 * 3_600_000L;

    private final ClaimService claims;
    private final Actor actor;
    private final String slug;

    ClaimReviewFormat(ClaimService claims, Actor actor, String slug) {
        this.claims = claims;
        this.actor = actor;
        this.slug = slug;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public String fileExtension() {
        return "zip";
    }

    @Override
    public boolean writesCard() {
        return true;
    }

    @Override
    public String description() {
        return "The curators' verdicts on claim clusters as schema.org ClaimReview JSON-LD (one array and one file per"
                + " cluster), with every cluster's values over time as CSV.";
    }

    @Override
    public ExportResult write(org.factspan.export.ExportSchema schema, Iterator<org.factspan.export.ExportDocument> docs,
            OutputStream out) throws IOException {
        List<ClaimViews.Cluster> clusters = claims.clusters(actor, slug, ClaimViews.Filter.none());
        List<Map<String, Object>> reviews = claims.claimReviews(actor, slug);
        List<ClaimViews.Timeline> timelines = clusters.stream().map(ClaimService::timeline).toList();
        ZipOutputStream zip = new ZipOutputStream(new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, StandardCharsets.UTF_8);
        entry(zip, "README.md", readme(clusters.size(), reviews.size(), timelines));
        entry(zip, "claimreview.jsonld", ClaimReviews.json(reviews));
        for (Map<String, Object> review : reviews) {
            String id = String.valueOf(review.get("identifier"));
            entry(zip, "claimreview/cluster-" + id.substring(id.lastIndexOf(':') + 1) + ".jsonld",
                    ClaimReviews.json(review));
        }
        entry(zip, "timeline.csv", TimelineCsv.csv(timelines));
        zip.finish();
        zip.flush();
        java.util.Set<Long> documents = new java.util.HashSet<>();
        int members = 0;
        for (ClaimViews.Cluster c : clusters) {
            members += c.members().size();
            c.members().forEach(m -> documents.add(m.documentId()));
        }
        return new ExportResult(documents.size(), members, 0, Map.of());
    }

    private static String readme(int clusters, int reviews, List<ClaimViews.Timeline> timelines) {
        int values = timelines.stream().mapToInt(t -> t.points().size()).sum();
        return "# Claim reviews\n\n"
                + "Written by Factspan's `" + ID + "` export: " + reviews + " of " + clusters + " claim cluster(s) have"
                + " a verdict.\n\n"
                + "- `claimreview.jsonld`: every verdict as a schema.org `ClaimReview`, one JSON array.\n"
                + "- `claimreview/cluster-<id>.jsonld`: the same, one JSON-LD document per cluster, ready to embed in"
                + " a page (`<script type=\"application/ld+json\">`).\n"
                + "- `timeline.csv`: " + values + " value(s) of every cluster over time: " + String.join(", ",
                        TimelineCsv.HEADER) + ". `reference_time` is local to `zone`; `from`/`to` are UTC, end"
                + " exclusive; `high` is empty when there is no upper bound (\"at least eight\").\n\n"
                + "`ratingValue` runs from 1 (false) to 5 (true); an unverifiable claim has `alternateName` only. Each"
                + " `appearance` is one outlet's exact words with the article's `url`, `headline` and"
                + " `datePublished`.\n";
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ZIP_TIME);
        zip.putNextEntry(e);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Makes the format for each export (it writes what the caller sees). */
    @org.springframework.stereotype.Component
    static final class Maker implements CallerFormat {

        private final ClaimService claims;

        Maker(ClaimService claims) {
            this.claims = claims;
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public boolean writesCard() {
            return true;
        }

        @Override
        public ExportFormat forCaller(Actor actor, String slug) {
            return new ClaimReviewFormat(claims, actor, slug);
        }
    }
}
