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
 * @param places every place the annotators disagree on, settled or not, in document order: THE list behind the
 *        open count, the keyboard walk, the side panel and the REST disagreements (decision 023)
 * @param work every annotator with work on the document or assigned to it: finished or not (display names)
 * @param curatedOpen when the document was marked curated with places still open ("curate anyway"): how many
 *        were open then; null otherwise
 * @param mergedFrom whose work the automatic merge counted (display names; empty before it ran or before V14)
 */
public record DocumentCuration(DocumentContent document, CurationStatus status, long version, MergeOptions merge,
        Activity opened, Activity changed, Activity curated, List<String> annotators, boolean anonymous,
        List<GoldSpan> gold, List<GoldAttribution> goldAttributions, List<ReviewSpan> spans,
        List<ReviewAttribution> attributions, List<ReviewPosition> positions, List<ReviewTriple> triples,
        List<Place> places, List<AnnotatorWork> work, Integer curatedOpen, List<String> mergedFrom) {

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

    /**
     * One place the annotators disagree on, of any kind (span, label, boundary, attribute values, attribution
     * triple). Offsets are code points; for attribution kinds the extent is the claim's.
     *
     * @param index the place's index in {@link DocumentCuration#places()}
     * @param position the span position it is about (for attribution kinds: the claim's), an index of positions
     * @param triple the triple position for attribution kinds, else -1
     * @param description the place in words ("bob has a triple here that alice does not")
     * @param versions every annotator's version here, side by side
     */
    public record Place(int index, Disagreement.Kind kind, int start, int end, List<String> labels,
            List<String> annotators, List<String> missing, boolean settled, int position, int triple,
            String description, List<Version> versions) {
    }

    /**
     * One annotator's version at a place: the text it covers (for a triple: "source → claim"), its label, and the
     * rest in words (attribute values, the cue).
     */
    public record Version(String annotator, String text, String label, String detail) {
    }

    /**
     * An annotator of the document: assigned or not, finished or not, how many spans they have here. Only the work
     * of finished annotators goes into an automatic merge unless the curator includes the rest (decision 023).
     */
    public record AnnotatorWork(String annotator, boolean assigned, boolean finished, int spans) {
    }

    /** The places not settled yet, in document order: what the header counts and Alt+Down walks. */
    public List<Place> openPlaces() {
        return places.stream().filter(p -> !p.settled()).toList();
    }

    /** How many places are open (the header's count). */
    public long openPositions() {
        return openPlaces().size();
    }

    /** Display names of the annotators who marked the document finished. */
    public List<String> finishedAnnotators() {
        return work.stream().filter(AnnotatorWork::finished).map(AnnotatorWork::annotator).toList();
    }

    /** Display names of the annotators (with work here or assigned) who have not marked it finished. */
    public List<String> unfinishedAnnotators() {
        return work.stream().filter(w -> !w.finished()).map(AnnotatorWork::annotator).toList();
    }

    public java.util.Optional<ReviewSpan> span(long id) {
        return spans.stream().filter(s -> s.id() == id).findFirst();
    }

    public java.util.Optional<GoldSpan> goldSpan(long id) {
        return gold.stream().filter(s -> s.id() == id).findFirst();
    }
}
