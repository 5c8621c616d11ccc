package org.factspan.curation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.factspan.annotation.Provenance;
import org.factspan.diff.Diff;
import org.factspan.diff.Extent;
import org.factspan.diff.Position;
import org.factspan.diff.PositionKind;
import org.factspan.diff.Triple;
import org.factspan.diff.TripleKind;
import org.factspan.diff.TriplePosition;
import org.factspan.diff.Unit;

/**
 * Plans the automatic merge of one document from the diff of its annotators (plain Java; decision 008).
 * <ul>
 * <li>{@link MergeMode#UNANIMOUS}: every AGREE position (and AGREE triple), when the document has at least two
 * annotators.</li>
 * <li>{@link MergeMode#MAJORITY}: that, and at every other position the version (exact extent and label; for
 * triples the source) held by the most annotators, when at least two hold it, their share of the document's
 * annotators is at least the threshold, and no other version at the position is held by as many (a tie is left to
 * the curator).</li>
 * </ul>
 * A merged span gets the attribute values all its holders give alike. Nothing is planned where the gold standard has
 * something already (a span with the same extent, or with the same label overlapping), nor from a version a curator
 * rejected. A triple is planned only when the gold standard has (or gets in this merge) spans for all its parts.
 */
final class AutoMerge {

    /** A span to add to the gold standard. */
    record SpanPlan(int start, int end, String label, Map<String, String> attributes, Provenance.Kind kind) {
        Extent extent() {
            return new Extent(start, end);
        }
    }

    /** A part of a triple to add: the extent and label of the gold span it needs. */
    record Part(Extent extent, String label) {
    }

    /** A triple to add; {@code source} and {@code cue} may be null. */
    record TriplePlan(Part content, Part source, Part cue, Provenance.Kind kind) {
    }

    record Plan(List<SpanPlan> spans, List<TriplePlan> triples) {
        boolean isEmpty() {
            return spans.isEmpty() && triples.isEmpty();
        }
    }

    /** A span of the gold standard as the merge sees it. */
    record GoldPart(Extent extent, String label) {
    }

    private AutoMerge() {
    }

    /**
     * @param diff the annotators' diff of the document
     * @param attributes attribute values per annotator span id
     * @param gold the gold standard's spans now
     * @param goldContents content extents that have a gold triple already
     * @param rejectedSpans annotator span ids a curator rejected
     * @param rejectedTriples annotator attribution ids a curator rejected
     */
    static Plan plan(Diff diff, Map<Long, Map<String, String>> attributes, MergeOptions options,
            Collection<GoldPart> gold, Set<Extent> goldContents, Set<Long> rejectedSpans, Set<Long> rejectedTriples) {
        int n = diff.annotators().size();
        if (options.mode() == MergeMode.NONE || n < 2) {
            return new Plan(List.of(), List.of());
        }
        List<SpanPlan> spans = new ArrayList<>();
        for (Position position : diff.positions()) {
            Chosen chosen = choose(position, n, options);
            if (chosen == null || chosen.units.stream().anyMatch(u -> rejectedSpans.contains(u.id()))) {
                continue;
            }
            Unit first = chosen.units.getFirst();
            if (occupied(gold, first.extent(), first.label())) {
                continue;
            }
            spans.add(new SpanPlan(first.start(), first.end(), first.label(), common(chosen.units, attributes),
                    chosen.kind));
        }
        List<GoldPart> after = new ArrayList<>(gold);
        spans.forEach(s -> after.add(new GoldPart(s.extent(), s.label())));
        List<TriplePlan> triples = new ArrayList<>();
        for (TriplePosition position : diff.triplePositions()) {
            if (goldContents.contains(position.content())) {
                continue;
            }
            ChosenTriples chosen = chooseTriples(diff, position, n, options);
            if (chosen == null || chosen.triples.stream().anyMatch(t -> rejectedTriples.contains(t.id()))) {
                continue;
            }
            Triple first = chosen.triples.getFirst();
            Part content = part(diff, first.contentSpanId());
            Part source = first.sourceSpanId() == null ? null : part(diff, first.sourceSpanId());
            Set<Part> cues = new HashSet<>();
            chosen.triples.forEach(t -> cues.add(t.cueSpanId() == null ? null : part(diff, t.cueSpanId())));
            Part cue = cues.size() == 1 ? cues.iterator().next() : null;
            if (!has(after, content) || (source != null && !has(after, source))) {
                continue;
            }
            triples.add(new TriplePlan(content, source, cue != null && has(after, cue) ? cue : null, chosen.kind));
        }
        return new Plan(List.copyOf(spans), List.copyOf(triples));
    }

    private record Chosen(List<Unit> units, Provenance.Kind kind) {
    }

    private record ChosenTriples(List<Triple> triples, Provenance.Kind kind) {
    }

    private static Chosen choose(Position position, int n, MergeOptions options) {
        if (position.kind() == PositionKind.AGREE) {
            return new Chosen(position.allUnits(), Provenance.Kind.UNANIMOUS);
        }
        if (options.mode() != MergeMode.MAJORITY) {
            return null;
        }
        Map<List<Object>, List<Unit>> versions = new LinkedHashMap<>();
        for (Unit unit : position.allUnits()) {
            versions.computeIfAbsent(List.of(unit.start(), unit.end(), unit.label()), k -> new ArrayList<>()).add(unit);
        }
        List<Unit> best = majority(versions.values(), n, options.threshold(),
                list -> new HashSet<>(list.stream().map(Unit::annotator).toList()).size());
        return best == null ? null : new Chosen(best, Provenance.Kind.MAJORITY);
    }

    private static ChosenTriples chooseTriples(Diff diff, TriplePosition position, int n, MergeOptions options) {
        List<Triple> all = position.triples().values().stream().flatMap(List::stream).toList();
        if (position.kind() == TripleKind.AGREE) {
            return new ChosenTriples(all, Provenance.Kind.UNANIMOUS);
        }
        if (options.mode() != MergeMode.MAJORITY) {
            return null;
        }
        Map<Extent, List<Triple>> versions = new LinkedHashMap<>();
        for (Triple triple : all) {
            versions.computeIfAbsent(diff.sourceExtent(triple) == null ? NO_SOURCE : diff.sourceExtent(triple),
                    k -> new ArrayList<>()).add(triple);
        }
        List<Triple> best = majority(versions.values(), n, options.threshold(),
                list -> new HashSet<>(list.stream().map(Triple::annotator).toList()).size());
        return best == null ? null : new ChosenTriples(best, Provenance.Kind.MAJORITY);
    }

    /** Marks "no source" among source extents (extents of real spans are never empty). */
    private static final Extent NO_SOURCE = new Extent(0, 0);

    private static <T> List<T> majority(Collection<List<T>> versions, int n, double threshold,
            java.util.function.ToIntFunction<List<T>> holders) {
        List<T> best = null;
        int bestCount = 0;
        boolean tie = false;
        for (List<T> version : versions) {
            int count = holders.applyAsInt(version);
            if (count > bestCount) {
                best = version;
                bestCount = count;
                tie = false;
            } else if (count == bestCount) {
                tie = true;
            }
        }
        if (best == null || tie || bestCount < 2 || bestCount < threshold * n - 1e-9) {
            return null;
        }
        return best;
    }

    /** True when the gold standard has a span on the same extent, or one of the same label overlapping it. */
    static boolean occupied(Collection<GoldPart> gold, Extent extent, String label) {
        return gold.stream().anyMatch(g -> g.extent().equals(extent)
                || (g.label().equals(label) && g.extent().overlaps(extent)));
    }

    private static boolean has(Collection<GoldPart> gold, Part part) {
        return gold.stream().anyMatch(g -> g.extent().equals(part.extent()) && g.label().equals(part.label()));
    }

    private static Part part(Diff diff, long spanId) {
        Unit unit = diff.unit(spanId);
        return new Part(unit.extent(), unit.label());
    }

    /** The attribute values every unit gives alike (a value some units lack is left out). */
    static Map<String, String> common(List<Unit> units, Map<Long, Map<String, String>> attributes) {
        Map<String, String> result = new TreeMap<>(attributes.getOrDefault(units.getFirst().id(), Map.of()));
        for (Unit unit : units.subList(1, units.size())) {
            Map<String, String> own = attributes.getOrDefault(unit.id(), Map.of());
            result.entrySet().removeIf(e -> !Objects.equals(own.get(e.getKey()), e.getValue()));
        }
        return result;
    }
}
