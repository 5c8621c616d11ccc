package org.factspan.diff;

import static java.util.Comparator.comparing;
import static java.util.Comparator.comparingInt;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one diff of Factspan: lines up several annotators' spans and attribution triples of ONE document. Curation
 * and agreement both read it, so "the annotators agree" means the same thing everywhere.
 *
 * <h2>Span positions</h2>
 * Units are first grouped by exact extent (start, end). An <em>extent group</em> with more than one distinct label
 * (from different annotators, or from one annotator who put two labels on the same extent) is a
 * {@link PositionKind#LABEL_CONFLICT} position holding all units on that extent. Every other extent group has one
 * label and is an <em>exact group</em> (extent, label), held by the annotators who have a unit there:
 * <ul>
 * <li>{@link PositionKind#AGREE}: every annotator of the diff holds the exact group.</li>
 * <li>The remaining exact groups of one label are linked when their extents overlap (share a code point) and they
 * are held by at least two different annotators between them (one annotator's own overlapping spans do not link).
 * Each connected set of two or more linked groups is one {@link PositionKind#BOUNDARY_CONFLICT} position with that
 * label whose extent is the smallest one covering all its units.</li>
 * <li>{@link PositionKind#INCOMPLETE}: an exact group that is neither AGREE nor linked to another group: some
 * annotators have exactly this span, and the others have nothing of the same label overlapping it outside AGREE
 * and LABEL_CONFLICT positions. A span of another label that overlaps without the same extent is not a conflict
 * of this position.</li>
 * </ul>
 * Every unit belongs to exactly one position. Positions are ordered by start, end, label (LABEL_CONFLICT's null
 * label first), then kind; units in a position by start, end, label, id.
 *
 * <h2>Triple positions</h2>
 * A triple's key is the extent of its content span and the extent of its source span (or "no source"); the cue is
 * not part of the key. Triples are grouped by content extent: a group whose triples have more than one distinct
 * source key is {@link TripleKind#CONFLICT}; otherwise it is {@link TripleKind#AGREE} when every annotator has a
 * triple there and {@link TripleKind#INCOMPLETE} when only some do. Ordered by content extent, then source (no
 * source first).
 *
 * <h2>Pair queries</h2>
 * {@link #exactMatches}, {@link #overlapMatches} and {@link #tripleMatches} match two annotators' units or triples
 * one-to-one; the agreement measures count these.
 */
public final class Diff {

    /** Units ordered by start, end, label, annotator, id. */
    public static final Comparator<Unit> UNIT_ORDER = comparingInt(Unit::start).thenComparingInt(Unit::end)
            .thenComparing(Unit::label).thenComparing(Unit::annotator).thenComparingLong(Unit::id);

    private static final Comparator<Position> POSITION_ORDER = comparing(Position::extent)
            .thenComparing(Position::label, nullsFirst(naturalOrder())).thenComparing(Position::kind);

    private final String documentId;
    private final List<String> annotators;
    private final List<Unit> units;
    private final List<Triple> triples;
    private final List<Triple> skipped = new ArrayList<>();
    private final Map<Long, Unit> unitsById;
    /** Built on first use: agreement reads only the pair queries, curation the positions (decision 023). */
    private volatile List<Position> positions;
    private volatile List<TriplePosition> triplePositions;
    /** Each annotator's units and triples, in the orders above (built once: every pair query reads them). */
    private final Map<String, List<Unit>> unitsByAnnotator = new HashMap<>();
    private final Map<String, List<Triple>> triplesByAnnotator = new HashMap<>();

    private Diff(String documentId, List<String> annotators, Collection<Unit> units, Collection<Triple> triples) {
        this.documentId = Objects.requireNonNull(documentId, "documentId");
        this.annotators = List.copyOf(annotators);
        if (new HashSet<>(this.annotators).size() != this.annotators.size()) {
            throw new IllegalArgumentException("Duplicate annotator in " + annotators);
        }
        Set<String> known = Set.copyOf(this.annotators);
        this.unitsById = new HashMap<>();
        for (Unit unit : units) {
            check(known, unit.annotator(), unit.documentId(), "Unit " + unit.id());
            if (unitsById.put(unit.id(), unit) != null) {
                throw new IllegalArgumentException("Duplicate unit id " + unit.id());
            }
        }
        this.units = units.stream().sorted(UNIT_ORDER).toList();
        List<Triple> resolvable = new ArrayList<>(triples.size());
        for (Triple triple : triples) {
            check(known, triple.annotator(), triple.documentId(), "Triple " + triple.id());
            if (unitsById.containsKey(triple.contentSpanId())
                    && (triple.sourceSpanId() == null || unitsById.containsKey(triple.sourceSpanId()))
                    && (triple.cueSpanId() == null || unitsById.containsKey(triple.cueSpanId()))) {
                resolvable.add(triple);
            } else {
                skipped.add(triple);
            }
        }
        if (!skipped.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Document {0}: skipped {1} triple(s) naming a span that is not among"
                    + " the units: {2}", documentId, skipped.size(), skipped.stream().map(Triple::id).toList());
        }
        this.triples = resolvable.stream().sorted(comparing((Triple t) -> contentExtent(t))
                .thenComparing(this::sourceExtent, nullsFirst(naturalOrder())).thenComparing(Triple::annotator)
                .thenComparingLong(Triple::id)).toList();
        this.annotators.forEach(a -> {
            unitsByAnnotator.put(a, new ArrayList<>());
            triplesByAnnotator.put(a, new ArrayList<>());
        });
        this.units.forEach(u -> unitsByAnnotator.get(u.annotator()).add(u));
        this.triples.forEach(t -> triplesByAnnotator.get(t.annotator()).add(t));
        unitsByAnnotator.replaceAll((a, list) -> List.copyOf(list));
        triplesByAnnotator.replaceAll((a, list) -> List.copyOf(list));
    }

    private static final System.Logger LOG = System.getLogger(Diff.class.getName());

    /** The diff of spans only. */
    public static Diff of(String documentId, List<String> annotators, Collection<Unit> units) {
        return new Diff(documentId, annotators, units, List.of());
    }

    /**
     * The diff of spans and triples of one document. Every unit and triple must belong to {@code documentId} and
     * to one of {@code annotators}. A triple naming a span id that is not among {@code units} (a row whose span is
     * gone, decision 016) is left out and logged, so that one broken row never fails a whole curation or agreement:
     * {@link #skippedTriples()}.
     */
    public static Diff of(String documentId, List<String> annotators, Collection<Unit> units,
            Collection<Triple> triples) {
        return new Diff(documentId, annotators, units, triples);
    }

    private void check(Set<String> known, String annotator, String document, String what) {
        if (!known.contains(annotator)) {
            throw new IllegalArgumentException(what + " is by " + annotator + ", not one of " + annotators);
        }
        if (!documentId.equals(document)) {
            throw new IllegalArgumentException(what + " is in document " + document + ", not " + documentId);
        }
    }

    private Unit resolve(long spanId, Triple triple) {
        Unit unit = unitsById.get(spanId);
        if (unit == null) {
            throw new IllegalArgumentException("Triple " + triple.id() + " names unknown span " + spanId);
        }
        return unit;
    }

    public String documentId() {
        return documentId;
    }

    /** The triples left out because they name a span that is not among the units. */
    public List<Triple> skippedTriples() {
        return List.copyOf(skipped);
    }

    public List<String> annotators() {
        return annotators;
    }

    /** All span positions in order. */
    public List<Position> positions() {
        List<Position> lined = positions;
        if (lined == null) {
            synchronized (this) {
                lined = positions;
                if (lined == null) {
                    lined = linePositions();
                    positions = lined;
                }
            }
        }
        return lined;
    }

    /** The span positions of one kind, in order. */
    public List<Position> byKind(PositionKind kind) {
        return positions().stream().filter(p -> p.kind() == kind).toList();
    }

    /** All triple positions in order. */
    public List<TriplePosition> triplePositions() {
        List<TriplePosition> lined = triplePositions;
        if (lined == null) {
            synchronized (this) {
                lined = triplePositions;
                if (lined == null) {
                    lined = lineTriples();
                    triplePositions = lined;
                }
            }
        }
        return lined;
    }

    /** The triple positions of one kind, in order. */
    public List<TriplePosition> triplesByKind(TripleKind kind) {
        return triplePositions().stream().filter(p -> p.kind() == kind).toList();
    }

    /** One annotator's units in {@link #UNIT_ORDER}. */
    public List<Unit> units(String annotator) {
        return unitsByAnnotator.getOrDefault(annotator, List.of());
    }

    /** One annotator's triples, ordered by content extent, source extent, id. */
    public List<Triple> triples(String annotator) {
        return triplesByAnnotator.getOrDefault(annotator, List.of());
    }

    /** The unit with this id, or null. */
    public Unit unit(long id) {
        return unitsById.get(id);
    }

    /** The extent of a triple's content span. */
    public Extent contentExtent(Triple triple) {
        return resolve(triple.contentSpanId(), triple).extent();
    }

    /** The extent of a triple's source span, or null when it has none. */
    public Extent sourceExtent(Triple triple) {
        return triple.sourceSpanId() == null ? null : resolve(triple.sourceSpanId(), triple).extent();
    }

    /**
     * Units of {@code a} and {@code b} with equal start, end and label, matched one-to-one: for each (extent,
     * label), min(count of a, count of b) pairs, taken in id order. Ordered by {@link #UNIT_ORDER} of a's unit.
     */
    public List<UnitPair> exactMatches(String a, String b) {
        Map<ExactKey, List<Unit>> right = new HashMap<>();
        for (Unit unit : units(b)) {
            right.computeIfAbsent(new ExactKey(unit.extent(), unit.label()), k -> new ArrayList<>()).add(unit);
        }
        List<UnitPair> pairs = new ArrayList<>();
        for (Unit unit : units(a)) {
            List<Unit> candidates = right.get(new ExactKey(unit.extent(), unit.label()));
            if (candidates != null && !candidates.isEmpty()) {
                pairs.add(new UnitPair(unit, candidates.removeFirst()));
            }
        }
        return pairs;
    }

    /**
     * Units of {@code a} and {@code b} with the same label and overlapping extents, matched one-to-one so that the
     * number of pairs is as large as possible (maximum bipartite matching per label). Exact matches are a special
     * case. Ordered by label, then {@link #UNIT_ORDER} of a's unit.
     */
    public List<UnitPair> overlapMatches(String a, String b) {
        Map<String, List<Unit>> left = byLabel(units(a));
        Map<String, List<Unit>> right = byLabel(units(b));
        List<UnitPair> pairs = new ArrayList<>();
        left.forEach((label, leftUnits) -> {
            List<Unit> rightUnits = right.getOrDefault(label, List.of());
            for (int[] pair : BipartiteMatching.overlapping(leftUnits, rightUnits, Unit::extent, Unit::extent,
                    (x, y) -> true)) {
                pairs.add(new UnitPair(leftUnits.get(pair[0]), rightUnits.get(pair[1])));
            }
        });
        return pairs;
    }

    /**
     * Triples of {@code a} and {@code b} with the same key (content extent, and source extent or both without
     * source), matched one-to-one: min(count of a, count of b) per key. Ordered like {@link #triples(String)}.
     */
    public List<TriplePair> tripleMatches(String a, String b) {
        Map<TripleKey, List<Triple>> right = new HashMap<>();
        for (Triple triple : triples(b)) {
            right.computeIfAbsent(key(triple), k -> new ArrayList<>()).add(triple);
        }
        List<TriplePair> pairs = new ArrayList<>();
        for (Triple triple : triples(a)) {
            List<Triple> candidates = right.get(key(triple));
            if (candidates != null && !candidates.isEmpty()) {
                pairs.add(new TriplePair(triple, candidates.removeFirst()));
            }
        }
        return pairs;
    }

    /** The extent of a triple's cue span, or null when it has none. */
    public Extent cueExtent(Triple triple) {
        return triple.cueSpanId() == null ? null : resolve(triple.cueSpanId(), triple).extent();
    }

    /**
     * Triples of {@code a} and {@code b} that match loosely, one-to-one so that the number of pairs is as large as
     * possible (maximum bipartite matching): their content spans overlap, their sources overlap (or neither has a
     * source), and their cues overlap (or neither has a cue). Exact matches of {@link #tripleMatches} whose cues
     * agree are a special case. Ordered like {@link #triples(String)} of a.
     */
    public List<TriplePair> tripleOverlapMatches(String a, String b) {
        List<Triple> left = triples(a);
        List<Triple> right = triples(b);
        List<TriplePair> pairs = new ArrayList<>();
        // triples(b) is ordered by content extent, as the sweep needs; pairs come ordered by a's index
        for (int[] pair : BipartiteMatching.overlapping(left, right, this::contentExtent, this::contentExtent,
                (x, y) -> overlapOrBothNone(sourceExtent(x), sourceExtent(y))
                        && overlapOrBothNone(cueExtent(x), cueExtent(y)))) {
            pairs.add(new TriplePair(left.get(pair[0]), right.get(pair[1])));
        }
        return pairs;
    }

    private static boolean overlapOrBothNone(Extent x, Extent y) {
        return x == null ? y == null : y != null && x.overlaps(y);
    }

    private static Map<String, List<Unit>> byLabel(List<Unit> units) {
        Map<String, List<Unit>> map = new TreeMap<>();
        units.forEach(u -> map.computeIfAbsent(u.label(), k -> new ArrayList<>()).add(u));
        return map;
    }

    private TripleKey key(Triple triple) {
        return new TripleKey(contentExtent(triple), sourceExtent(triple));
    }

    private List<Position> linePositions() {
        Map<Extent, List<Unit>> byExtent = new TreeMap<>();
        units.forEach(u -> byExtent.computeIfAbsent(u.extent(), k -> new ArrayList<>()).add(u));
        List<Position> result = new ArrayList<>();
        Map<String, List<ExactGroup>> open = new TreeMap<>();
        byExtent.forEach((extent, here) -> {
            Set<String> labels = new LinkedHashSet<>(here.stream().map(Unit::label).toList());
            if (labels.size() > 1) {
                result.add(position(PositionKind.LABEL_CONFLICT, extent, null, here));
                return;
            }
            String label = labels.iterator().next();
            Set<String> holders = new HashSet<>(here.stream().map(Unit::annotator).toList());
            if (holders.size() == annotators.size()) {
                result.add(position(PositionKind.AGREE, extent, label, here));
            } else {
                open.computeIfAbsent(label, k -> new ArrayList<>()).add(new ExactGroup(extent, holders, here));
            }
        });
        open.forEach((label, groups) -> result.addAll(linkGroups(label, groups)));
        result.sort(POSITION_ORDER);
        return List.copyOf(result);
    }

    /** Union-find over the open exact groups of one label, which arrive sorted by extent. */
    private List<Position> linkGroups(String label, List<ExactGroup> groups) {
        int[] parent = new int[groups.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < groups.size(); i++) {
            ExactGroup gi = groups.get(i);
            for (int j = i + 1; j < groups.size() && groups.get(j).extent.start() < gi.extent.end(); j++) {
                ExactGroup gj = groups.get(j);
                if (gi.extent.overlaps(gj.extent) && twoAnnotators(gi.holders, gj.holders)) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<ExactGroup>> components = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(groups.get(i));
        }
        List<Position> result = new ArrayList<>();
        for (List<ExactGroup> component : components.values()) {
            if (component.size() == 1) {
                result.add(position(PositionKind.INCOMPLETE, component.getFirst().extent, label,
                        component.getFirst().units));
            } else {
                int start = component.stream().mapToInt(g -> g.extent.start()).min().orElseThrow();
                int end = component.stream().mapToInt(g -> g.extent.end()).max().orElseThrow();
                List<Unit> all = component.stream().flatMap(g -> g.units.stream()).toList();
                result.add(position(PositionKind.BOUNDARY_CONFLICT, new Extent(start, end), label, all));
            }
        }
        return result;
    }

    private static boolean twoAnnotators(Set<String> x, Set<String> y) {
        return !(x.size() == 1 && x.equals(y));
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private Position position(PositionKind kind, Extent extent, String label, List<Unit> here) {
        Map<String, List<Unit>> perAnnotator = new LinkedHashMap<>();
        annotators.forEach(a -> perAnnotator.put(a, new ArrayList<>()));
        here.stream().sorted(comparingInt(Unit::start).thenComparingInt(Unit::end).thenComparing(Unit::label)
                .thenComparingLong(Unit::id)).forEach(u -> perAnnotator.get(u.annotator()).add(u));
        return new Position(kind, documentId, extent, label, perAnnotator);
    }

    private List<TriplePosition> lineTriples() {
        Map<Extent, List<Triple>> byContent = new TreeMap<>();
        triples.forEach(t -> byContent.computeIfAbsent(contentExtent(t), k -> new ArrayList<>()).add(t));
        List<TriplePosition> result = new ArrayList<>();
        byContent.forEach((content, here) -> {
            Set<Extent> sources = new HashSet<>();
            here.forEach(t -> sources.add(sourceExtent(t)));
            Set<String> holders = new HashSet<>(here.stream().map(Triple::annotator).toList());
            TripleKind kind = sources.size() > 1 ? TripleKind.CONFLICT
                    : holders.size() == annotators.size() ? TripleKind.AGREE : TripleKind.INCOMPLETE;
            Extent source = kind == TripleKind.CONFLICT ? null : sourceExtent(here.getFirst());
            Map<String, List<Triple>> perAnnotator = new LinkedHashMap<>();
            annotators.forEach(a -> perAnnotator.put(a, new ArrayList<>()));
            here.stream().sorted(comparing(this::sourceExtent, nullsFirst(naturalOrder()))
                    .thenComparingLong(Triple::id)).forEach(t -> perAnnotator.get(t.annotator()).add(t));
            result.add(new TriplePosition(kind, documentId, content, source, perAnnotator));
        });
        return List.copyOf(result);
    }

    private record ExactKey(Extent extent, String label) {
    }

    private record TripleKey(Extent content, Extent source) {
    }

    private record ExactGroup(Extent extent, Set<String> holders, List<Unit> units) {
    }
}
