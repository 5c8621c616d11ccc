package org.factspan.curation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.factspan.annotation.AnnotatedDocument;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.SpanInfo;
import org.factspan.curation.DocumentCuration.GoldAttribution;
import org.factspan.curation.DocumentCuration.GoldSpan;
import org.factspan.curation.DocumentCuration.ReviewAttribution;
import org.factspan.curation.DocumentCuration.ReviewPosition;
import org.factspan.curation.DocumentCuration.ReviewSpan;
import org.factspan.curation.DocumentCuration.ReviewTriple;
import org.factspan.diff.Diff;
import org.factspan.diff.Extent;
import org.factspan.diff.Position;
import org.factspan.diff.PositionKind;
import org.factspan.diff.Triple;
import org.factspan.diff.TripleKind;
import org.factspan.diff.TriplePosition;
import org.factspan.diff.Unit;

/**
 * The review of one document: the annotators' diff (the one diff engine), each annotator span's and attribution's
 * {@link ReviewStatus} against the gold standard and the rejections, and which positions are settled. Plain Java.
 */
final class Review {

    final Diff diff;
    final List<ReviewSpan> spans = new ArrayList<>();
    final List<ReviewAttribution> attributions = new ArrayList<>();
    final List<ReviewPosition> positions = new ArrayList<>();
    final List<ReviewTriple> triples = new ArrayList<>();

    /**
     * @param annotators the document's annotators (real names), see {@link CurationService#annotatorsOf}
     * @param shown display name per real name
     */
    Review(AnnotatedDocument doc, List<String> annotators, Map<String, String> shown, List<GoldSpan> gold,
            List<GoldAttribution> goldLinks, Set<Long> rejectedSpans, Set<Long> rejectedLinks) {
        Map<Long, SpanInfo> byId = new HashMap<>();
        doc.spans().forEach(s -> byId.put(s.id(), s));
        Map<Long, AttributionInfo> linkById = new HashMap<>();
        doc.attributions().forEach(a -> linkById.put(a.id(), a));
        diff = diffOf(doc, annotators);

        Set<List<Object>> goldExact = new HashSet<>();
        Map<Long, GoldSpan> goldById = new HashMap<>();
        for (GoldSpan g : gold) {
            goldExact.add(List.of(g.start(), g.end(), g.label()));
            goldById.put(g.id(), g);
        }
        Set<List<Object>> goldTriples = new HashSet<>();
        Set<Extent> goldContents = new HashSet<>();
        for (GoldAttribution g : goldLinks) {
            GoldSpan content = goldById.get(g.content());
            GoldSpan source = g.source() == null ? null : goldById.get(g.source());
            if (content != null) {
                Extent c = new Extent(content.start(), content.end());
                goldContents.add(c);
                goldTriples.add(java.util.Arrays.asList(c, source == null ? null
                        : new Extent(source.start(), source.end())));
            }
        }

        List<Position> diffPositions = diff.positions();
        for (int i = 0; i < diffPositions.size(); i++) {
            Position p = diffPositions.get(i);
            List<Unit> here = p.allUnits();
            boolean inGold = gold.stream().anyMatch(g -> p.labels().contains(g.label())
                    && new Extent(g.start(), g.end()).overlaps(p.extent()));
            boolean allRejected = here.stream().allMatch(u -> rejectedSpans.contains(u.id()));
            positions.add(new ReviewPosition(i, p.kind(), p.start(), p.end(), p.label(), p.labels(),
                    here.stream().map(Unit::id).toList(), names(p.annotators(), shown), names(p.missing(), shown),
                    inGold || allRejected));
            for (Unit u : here) {
                SpanInfo s = byId.get(u.id());
                ReviewStatus status = rejectedSpans.contains(u.id()) ? ReviewStatus.REJECTED
                        : p.kind() == PositionKind.AGREE ? ReviewStatus.AGREE
                        : goldExact.contains(List.of(u.start(), u.end(), u.label())) ? ReviewStatus.ACCEPTED
                        : p.kind() == PositionKind.INCOMPLETE ? ReviewStatus.INCOMPLETE : ReviewStatus.DISAGREE;
                spans.add(new ReviewSpan(s.id(), shown.get(s.annotator()), s.start(), s.end(), s.label(), s.text(),
                        s.attributes(), status, i));
            }
        }
        spans.sort(java.util.Comparator.comparingInt(ReviewSpan::start).thenComparingInt(ReviewSpan::end)
                .thenComparing(ReviewSpan::annotator).thenComparingLong(ReviewSpan::id));

        List<TriplePosition> diffTriples = diff.triplePositions();
        for (int i = 0; i < diffTriples.size(); i++) {
            TriplePosition p = diffTriples.get(i);
            List<Triple> here = p.triples().values().stream().flatMap(List::stream).toList();
            boolean allRejected = here.stream().allMatch(t -> rejectedLinks.contains(t.id()));
            List<String> missing = p.triples().entrySet().stream().filter(e -> e.getValue().isEmpty())
                    .map(Map.Entry::getKey).toList();
            triples.add(new ReviewTriple(i, p.kind(), p.content().start(), p.content().end(),
                    p.source() == null ? null : p.source().start(), p.source() == null ? null : p.source().end(),
                    here.stream().map(Triple::id).toList(), names(p.annotators(), shown), names(missing, shown),
                    goldContents.contains(p.content()) || allRejected));
            for (Triple t : here) {
                AttributionInfo a = linkById.get(t.id());
                List<Object> key = java.util.Arrays.asList(p.content(), diff.sourceExtent(t));
                ReviewStatus status = rejectedLinks.contains(t.id()) ? ReviewStatus.REJECTED
                        : p.kind() == TripleKind.AGREE ? ReviewStatus.AGREE
                        : goldTriples.contains(key) ? ReviewStatus.ACCEPTED
                        : p.kind() == TripleKind.INCOMPLETE ? ReviewStatus.INCOMPLETE : ReviewStatus.DISAGREE;
                attributions.add(new ReviewAttribution(a.id(), shown.get(t.annotator()), a.source(), a.cue(),
                        a.content(), status, i));
            }
        }
    }

    /** The one diff of a document's annotators' spans and triples. */
    static Diff diffOf(AnnotatedDocument doc, List<String> annotators) {
        String documentId = String.valueOf(doc.document().id());
        List<Unit> units = doc.spans().stream()
                .map(s -> new Unit(s.annotator(), documentId, s.id(), s.start(), s.end(), s.label())).toList();
        // a triple whose content span is gone has no annotator: the diff leaves such triples out (decision 016)
        List<Triple> triples = doc.attributions().stream().filter(a -> doc.annotatorOf(a) != null)
                .map(a -> new Triple(doc.annotatorOf(a), documentId, a.id(), a.source(), a.cue(), a.content()))
                .toList();
        return Diff.of(documentId, annotators, units, triples);
    }

    private static List<String> names(List<String> real, Map<String, String> shown) {
        return real.stream().map(n -> Objects.requireNonNullElse(shown.get(n), n)).toList();
    }

    /** The disagreements of this document (positions and triples that are not AGREE), unsorted. */
    List<Disagreement> disagreements(long documentId, String title, org.factspan.base.CodePoints text) {
        List<Disagreement> result = new ArrayList<>();
        for (ReviewPosition p : positions) {
            if (p.kind() == PositionKind.AGREE) {
                continue;
            }
            Disagreement.Kind kind = switch (p.kind()) {
                case LABEL_CONFLICT -> Disagreement.Kind.LABEL_CONFLICT;
                case BOUNDARY_CONFLICT -> Disagreement.Kind.BOUNDARY_CONFLICT;
                default -> Disagreement.Kind.INCOMPLETE;
            };
            result.add(new Disagreement(documentId, title, kind, p.start(), p.end(), text.substring(p.start(), p.end()),
                    p.labels(), p.annotators(), p.missing(), p.settled()));
        }
        for (ReviewTriple t : triples) {
            if (t.kind() == TripleKind.AGREE) {
                continue;
            }
            result.add(new Disagreement(documentId, title, t.kind() == TripleKind.CONFLICT
                    ? Disagreement.Kind.ATTRIBUTION_CONFLICT : Disagreement.Kind.ATTRIBUTION_INCOMPLETE,
                    t.contentStart(), t.contentEnd(), text.substring(t.contentStart(), t.contentEnd()),
                    List.of(org.factspan.annotation.AnnotationService.CONTENT_LABEL), t.annotators(), t.missing(),
                    t.settled()));
        }
        return result;
    }
}
