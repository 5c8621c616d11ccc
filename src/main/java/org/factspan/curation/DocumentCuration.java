package org.factspan.curation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.factspan.annotation.Provenance;
import org.factspan.corpus.DocumentContent;
import org.factspan.diff.PositionKind;
import org.factspan.diff.TripleKind;

/**
 * Everything a curator sees of one document: its state, the gold standard with provenance, every annotator's spans
 * and attributions with their review status, and the diff positions. Annotator names may be anonymised
 * ("Annotator 1", ... in the order of their user names). Offsets are code points, end exclusive.
 *
 * @param annotators the document's annotators (display names), in order
 * @param positions the diff's span positions in document order; {@code ReviewSpan.position} indexes them
 * @param triples the diff's triple positions; {@code ReviewAttribution.position} indexes them
 */
public record DocumentCuration(DocumentContent document, CurationStatus status, long version, MergeOptions merge,
        Activity opened, Activity changed, Activity curated, List<String> annotators, boolean anonymous,
        List<GoldSpan> gold, List<GoldAttribution> goldAttributions, List<ReviewSpan> spans,
        List<ReviewAttribution> attributions, List<ReviewPosition> positions, List<ReviewTriple> triples) {

    /** Who did something and when. */
    public record Activity(String user, Instant at) {
    }

    /** A span of the gold standard. */
    public record GoldSpan(long id, int start, int end, String label, String text, Map<String, String> attributes,
            Provenance provenance) {
    }

    /** An attribution of the gold standard, by gold span ids. */
    public record GoldAttribution(long id, Long source, Long cue, long content, Provenance provenance) {
    }

    /** An annotator's span. */
    public record ReviewSpan(long id, String annotator, int start, int end, String label, String text,
            Map<String, String> attributes, ReviewStatus status, int position) {
    }

    /** An annotator's attribution, by that annotator's span ids. */
    public record ReviewAttribution(long id, String annotator, Long source, Long cue, long content,
            ReviewStatus status, int position) {
    }

    /**
     * A place where the annotators' spans line up. {@code label} is null for a label conflict ({@code labels} has
     * them all); {@code settled}: the gold standard has a span of one of its labels there, or every span here was
     * rejected.
     */
    public record ReviewPosition(int index, PositionKind kind, int start, int end, String label, List<String> labels,
            List<Long> spans, List<String> annotators, List<String> missing, boolean settled) {
    }

    /** A place where the annotators' triples line up (by content extent); {@code source*} null for none/conflict. */
    public record ReviewTriple(int index, TripleKind kind, int contentStart, int contentEnd, Integer sourceStart,
            Integer sourceEnd, List<Long> attributions, List<String> annotators, List<String> missing,
            boolean settled) {
    }

    /** Span and triple positions the annotators do not agree on and the curator has not settled yet. */
    public long openPositions() {
        return positions.stream().filter(p -> p.kind() != PositionKind.AGREE && !p.settled()).count()
                + triples.stream().filter(t -> t.kind() != TripleKind.AGREE && !t.settled()).count();
    }

    public java.util.Optional<ReviewSpan> span(long id) {
        return spans.stream().filter(s -> s.id() == id).findFirst();
    }

    public java.util.Optional<GoldSpan> goldSpan(long id) {
        return gold.stream().filter(s -> s.id() == id).findFirst();
    }
}
