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
    /** Every place the annotators disagree on, in document order: the one list (decision 023). */
    final List<DocumentCuration.Place> places = new ArrayList<>();
    final List<GoldSpan> gold;
    final List<GoldAttribution> goldLinks;

    /**
     * @param annotators the document's annotators (real names), see {@link CurationCore#annotatorsOf}
     * @param shown display name per real name
     */
    Review(AnnotatedDocument doc, List<String> annotators, Map<String, String> shown, List<GoldSpan> gold,
            List<GoldAttribution> goldLinks, Set<Long> rejectedSpans, Set<Long> rejectedLinks) {
        this.gold = List.copyOf(gold);
        this.goldLinks = List.copyOf(goldLinks);
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

        // one annotator's work is never agreement: with fewer than two annotators every place is "only some"
        boolean alone = annotators.size() < 2;
        List<Position> diffPositions = diff.positions();
        for (int i = 0; i < diffPositions.size(); i++) {
            Position p = alone && diffPositions.get(i).kind() == PositionKind.AGREE ? new Position(
                    PositionKind.INCOMPLETE, diffPositions.get(i).documentId(), diffPositions.get(i).extent(),
                    diffPositions.get(i).label(), diffPositions.get(i).units()) : diffPositions.get(i);
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
            TriplePosition p = alone && diffTriples.get(i).kind() == TripleKind.AGREE ? new TriplePosition(
                    TripleKind.INCOMPLETE, diffTriples.get(i).documentId(), diffTriples.get(i).content(),
                    diffTriples.get(i).source(), diffTriples.get(i).triples()) : diffTriples.get(i);
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
        placePlaces(byId, gold, rejectedSpans);
    }

    /**
     * Lines up the places: every span position that is not AGREE, every AGREE position whose annotators gave
     * different attribute values, every triple position that is not AGREE; in document order (start, end, kind).
     * An attribute conflict is settled once a curator decided on the gold span there (its provenance is adjudicated
     * or curator), or every version there was rejected.
     */
    private void placePlaces(Map<Long, SpanInfo> byId, List<GoldSpan> gold, Set<Long> rejectedSpans) {
        List<DocumentCuration.Place> found = new ArrayList<>();
        for (ReviewPosition p : positions) {
            List<ReviewSpan> here = spans.stream().filter(s -> s.position() == p.index()).toList();
            List<DocumentCuration.Version> versions = here.stream().map(s -> new DocumentCuration.Version(
                    s.annotator(), s.text(), s.label(), Words.attributes(s.attributes()))).toList();
            if (p.kind() != PositionKind.AGREE) {
                Disagreement.Kind kind = switch (p.kind()) {
                    case LABEL_CONFLICT -> Disagreement.Kind.LABEL_CONFLICT;
                    case BOUNDARY_CONFLICT -> Disagreement.Kind.BOUNDARY_CONFLICT;
                    default -> Disagreement.Kind.INCOMPLETE;
                };
                found.add(new DocumentCuration.Place(-1, kind, p.start(), p.end(), p.labels(), p.annotators(),
                        p.missing(), p.settled(), p.index(), -1,
                        Words.describe(kind, p.labels(), p.annotators(), p.missing(), versions), versions));
            } else if (here.stream().map(ReviewSpan::attributes).distinct().count() > 1) {
                boolean decided = gold.stream().anyMatch(g -> g.start() == p.start() && g.end() == p.end()
                        && g.label().equals(p.label()) && g.provenance() != null
                        && (g.provenance().kind() == org.factspan.annotation.Provenance.Kind.ADJUDICATED
                                || g.provenance().kind() == org.factspan.annotation.Provenance.Kind.CURATOR));
                boolean allRejected = here.stream().allMatch(s -> rejectedSpans.contains(s.id()));
                Disagreement.Kind kind = Disagreement.Kind.ATTRIBUTE_CONFLICT;
                found.add(new DocumentCuration.Place(-1, kind, p.start(), p.end(), p.labels(), p.annotators(),
                        p.missing(), decided || allRejected, p.index(), -1,
                        Words.describe(kind, p.labels(), p.annotators(), p.missing(), versions), versions));
            }
        }
        for (ReviewTriple t : triples) {
            if (t.kind() == TripleKind.AGREE) {
                continue;
            }
            List<ReviewAttribution> here = attributions.stream().filter(a -> a.position() == t.index()).toList();
            List<DocumentCuration.Version> versions = here.stream().map(a -> new DocumentCuration.Version(
                    a.annotator(), (a.source() == null ? "no source" : byId.get(a.source()).text()) + " → "
                            + byId.get(a.content()).text(),
                    byId.get(a.content()).label(),
                    a.cue() == null ? "" : "cue: " + byId.get(a.cue()).text())).toList();
            Disagreement.Kind kind = t.kind() == TripleKind.CONFLICT ? Disagreement.Kind.ATTRIBUTION_CONFLICT
                    : Disagreement.Kind.ATTRIBUTION_INCOMPLETE;
            int claim = here.isEmpty() ? -1 : spans.stream().filter(s -> s.id() == here.getFirst().content())
                    .mapToInt(ReviewSpan::position).findFirst().orElse(-1);
            // the label of the claims the triples hang on (the schema's content label, whatever its name)
            List<String> labels = here.stream().map(a -> byId.get(a.content()).label()).distinct().toList();
            found.add(new DocumentCuration.Place(-1, kind, t.contentStart(), t.contentEnd(), labels, t.annotators(),
                    t.missing(), t.settled(), claim, t.index(),
                    Words.describe(kind, labels, t.annotators(), t.missing(), versions), versions));
        }
        found.sort(java.util.Comparator.comparingInt(DocumentCuration.Place::start)
                .thenComparingInt(DocumentCuration.Place::end).thenComparing(DocumentCuration.Place::kind));
        for (int i = 0; i < found.size(); i++) {
            DocumentCuration.Place p = found.get(i);
            places.add(new DocumentCuration.Place(i, p.kind(), p.start(), p.end(), p.labels(), p.annotators(),
                    p.missing(), p.settled(), p.position(), p.triple(), p.description(), p.versions()));
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

    /** The disagreements of this document: its places as rows of the project's list, unsorted. */
    List<Disagreement> disagreements(long documentId, String title, org.factspan.base.CodePoints text) {
        return places.stream().map(p -> Disagreement.of(documentId, title, text.substring(p.start(), p.end()), p))
                .toList();
    }
}
