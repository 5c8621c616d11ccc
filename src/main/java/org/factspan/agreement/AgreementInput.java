package org.factspan.agreement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.factspan.diff.Diff;
import org.factspan.diff.Triple;
import org.factspan.diff.Unit;
import org.factspan.diff.UnitPair;

/**
 * Everything a measure reads: the annotators (their order is the order of pairs), the documents in document order
 * with their lengths in code points, and all annotators' units and triples. Every unit and triple must belong to a
 * listed annotator and document, and every unit must lie within its document.
 */
public record AgreementInput(List<String> annotators, List<AgreementDocument> documents, List<Unit> units,
        List<Triple> triples, DiffCache diffCache) {

    /**
     * The diffs of an input (and the coding units both kappas read), built once on first use and shared by every
     * measure of a request (decision 023). Not part of the input's value: any two caches are equal.
     */
    public static final class DiffCache {
        private volatile List<Diff> diffs;
        private volatile CodingUnits coding;

        public DiffCache() {
        }

        /**
         * A cache holding diffs built already, e.g. one document's diff out of a whole request's for the
         * per-document breakdown. They must be the diffs of the input the cache is given to.
         */
        public static DiffCache of(List<Diff> built) {
            DiffCache cache = new DiffCache();
            cache.diffs = List.copyOf(built);
            return cache;
        }

        private volatile List<String> labels;

        List<String> labels(AgreementInput input) {
            List<String> known = labels;
            if (known == null) {
                Set<String> distinct = new TreeSet<>();
                input.units().forEach(u -> distinct.add(u.label()));
                known = List.copyOf(distinct);
                labels = known;
            }
            return known;
        }

        synchronized CodingUnits coding(AgreementInput input) {
            if (coding == null) {
                coding = new CodingUnits(input);
            }
            return coding;
        }

        List<Diff> get(java.util.function.Supplier<List<Diff>> build) {
            List<Diff> built = diffs;
            if (built == null) {
                synchronized (this) {
                    built = diffs;
                    if (built == null) {
                        built = build.get();
                        diffs = built;
                    }
                }
            }
            return built;
        }

        /**
         * Exact matches of a pair in one diff (by identity), found once per request: the measure and the per-document
         * breakdown both count them; {@link #share} hands the same map to a document's cache.
         */
        private Map<Diff, Map<String, List<UnitPair>>> exact = new ConcurrentHashMap<>();

        /** A cache holding diffs of this request's (e.g. one document's), sharing the exact matches found already. */
        public DiffCache share(List<Diff> built) {
            DiffCache cache = of(built);
            cache.exact = exact;
            return cache;
        }

        List<UnitPair> exactMatches(Diff diff, String a, String b) {
            return exact.computeIfAbsent(diff, d -> new ConcurrentHashMap<>())
                    .computeIfAbsent(a + '\u0000' + b, k -> List.copyOf(diff.exactMatches(a, b)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DiffCache;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public String toString() {
            return "DiffCache";
        }
    }

    public AgreementInput(List<String> annotators, List<AgreementDocument> documents, List<Unit> units,
            List<Triple> triples) {
        this(annotators, documents, units, triples, new DiffCache());
    }

    public AgreementInput {
        diffCache = diffCache == null ? new DiffCache() : diffCache;
        annotators = List.copyOf(annotators);
        documents = List.copyOf(documents);
        units = List.copyOf(units);
        triples = List.copyOf(triples);
        if (new HashSet<>(annotators).size() != annotators.size()) {
            throw new IllegalArgumentException("Duplicate annotator in " + annotators);
        }
        Map<String, Integer> lengths = new LinkedHashMap<>();
        for (AgreementDocument document : documents) {
            if (lengths.put(document.id(), document.length()) != null) {
                throw new IllegalArgumentException("Duplicate document " + document.id());
            }
        }
        Set<String> known = Set.copyOf(annotators);
        for (Unit unit : units) {
            Integer length = lengths.get(unit.documentId());
            if (length == null || !known.contains(unit.annotator())) {
                throw new IllegalArgumentException("Unit " + unit.id() + " is outside the study");
            }
            if (unit.end() > length) {
                throw new IllegalArgumentException("Unit " + unit.id() + " ends at " + unit.end()
                        + " beyond document " + unit.documentId() + " of length " + length);
            }
        }
        for (Triple triple : triples) {
            if (!lengths.containsKey(triple.documentId()) || !known.contains(triple.annotator())) {
                throw new IllegalArgumentException("Triple " + triple.id() + " is outside the study");
            }
        }
    }

    /** Spans only. */
    public static AgreementInput ofUnits(List<String> annotators, List<AgreementDocument> documents,
            List<Unit> units) {
        return new AgreementInput(annotators, documents, units, List.of());
    }

    /** One diff per document, in document order; built once per input, however many measures ask. */
    public List<Diff> diffs() {
        return diffCache.get(this::buildDiffs);
    }

    private List<Diff> buildDiffs() {
        Map<String, List<Unit>> unitsByDoc = new LinkedHashMap<>();
        Map<String, List<Triple>> triplesByDoc = new LinkedHashMap<>();
        documents.forEach(d -> {
            unitsByDoc.put(d.id(), new ArrayList<>());
            triplesByDoc.put(d.id(), new ArrayList<>());
        });
        units.forEach(u -> unitsByDoc.get(u.documentId()).add(u));
        triples.forEach(t -> triplesByDoc.get(t.documentId()).add(t));
        // documents are independent: their diffs are built on all cores (a list in document order all the same)
        return documents.parallelStream()
                .map(d -> Diff.of(d.id(), annotators, unitsByDoc.get(d.id()), triplesByDoc.get(d.id())))
                .toList();
    }

    /** The coding units of the kappa measures, built once per input. */
    CodingUnits coding() {
        return diffCache.coding(this);
    }

    /** The distinct labels of all units, sorted. */
    public List<String> labels() {
        return diffCache.labels(this);
    }

    /** Units of one annotator. */
    public long unitCount(String annotator) {
        return units.stream().filter(u -> Objects.equals(u.annotator(), annotator)).count();
    }
}
