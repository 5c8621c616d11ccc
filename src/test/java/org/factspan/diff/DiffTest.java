package org.factspan.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiffTest {

    static final String DOC = "d1";
    static final List<String> TWO = List.of("alice", "bob");
    static final List<String> THREE = List.of("alice", "bob", "carol");

    static long nextId = 1;

    static Unit u(String annotator, int start, int end, String label) {
        return new Unit(annotator, DOC, nextId++, start, end, label);
    }

    @Test
    void emptyInputHasNoPositions() {
        Diff diff = Diff.of(DOC, THREE, List.of(), List.of());
        assertThat(diff.positions()).isEmpty();
        assertThat(diff.triplePositions()).isEmpty();
        assertThat(diff.exactMatches("alice", "bob")).isEmpty();
        assertThat(diff.overlapMatches("alice", "bob")).isEmpty();
        assertThat(diff.tripleMatches("alice", "bob")).isEmpty();
        assertThat(Diff.of(DOC, List.of(), List.of()).positions()).isEmpty();
    }

    @Test
    void sameExtentAndLabelForAllIsAgree() {
        Unit a = u("alice", 0, 5, "CLAIM");
        Unit b = u("bob", 0, 5, "CLAIM");
        Unit c = u("carol", 0, 5, "CLAIM");
        Diff diff = Diff.of(DOC, THREE, List.of(c, a, b));
        assertThat(diff.positions()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PositionKind.AGREE);
            assertThat(p.extent()).isEqualTo(new Extent(0, 5));
            assertThat(p.label()).isEqualTo("CLAIM");
            assertThat(p.units("alice")).containsExactly(a);
            assertThat(p.units("bob")).containsExactly(b);
            assertThat(p.units("carol")).containsExactly(c);
            assertThat(p.missing()).isEmpty();
        });
    }

    @Test
    void sameExtentAndLabelForSomeOnlyIsIncomplete() {
        Unit a = u("alice", 0, 5, "CLAIM");
        Unit b = u("bob", 0, 5, "CLAIM");
        Diff diff = Diff.of(DOC, THREE, List.of(a, b));
        assertThat(diff.positions()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PositionKind.INCOMPLETE);
            assertThat(p.annotators()).containsExactly("alice", "bob");
            assertThat(p.missing()).containsExactly("carol");
            assertThat(p.units("carol")).isEmpty();
        });
        assertThat(diff.byKind(PositionKind.AGREE)).isEmpty();
    }

    @Test
    void sameExtentDifferentLabelsIsLabelConflict() {
        Unit a = u("alice", 3, 9, "CLAIM");
        Unit b = u("bob", 3, 9, "SOURCE");
        Unit c = u("carol", 3, 9, "CLAIM");
        Diff diff = Diff.of(DOC, THREE, List.of(a, b, c));
        assertThat(diff.positions()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PositionKind.LABEL_CONFLICT);
            assertThat(p.label()).isNull();
            assertThat(p.labels()).containsExactly("CLAIM", "SOURCE");
            assertThat(p.units("bob")).containsExactly(b);
            assertThat(p.allUnits()).containsExactlyInAnyOrder(a, b, c);
        });
        assertThat(diff.exactMatches("alice", "carol")).containsExactly(new UnitPair(a, c));
        assertThat(diff.exactMatches("alice", "bob")).isEmpty();
    }

    @Test
    void overlappingSameLabelAcrossAnnotatorsIsBoundaryConflict() {
        Unit a = u("alice", 0, 10, "CLAIM");
        Unit b = u("bob", 2, 12, "CLAIM");
        Diff diff = Diff.of(DOC, TWO, List.of(a, b));
        assertThat(diff.positions()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PositionKind.BOUNDARY_CONFLICT);
            assertThat(p.extent()).isEqualTo(new Extent(0, 12));
            assertThat(p.label()).isEqualTo("CLAIM");
            assertThat(p.units("alice")).containsExactly(a);
            assertThat(p.units("bob")).containsExactly(b);
        });
    }

    @Test
    void touchingSpansDoNotOverlap() {
        Diff diff = Diff.of(DOC, TWO, List.of(u("alice", 0, 5, "CLAIM"), u("bob", 5, 9, "CLAIM")));
        assertThat(diff.positions()).extracting(Position::kind)
                .containsExactly(PositionKind.INCOMPLETE, PositionKind.INCOMPLETE);
    }

    @Test
    void overlappingDifferentLabelsAreTwoIncompletePositions() {
        Diff diff = Diff.of(DOC, TWO, List.of(u("alice", 0, 10, "CLAIM"), u("bob", 5, 15, "SOURCE")));
        assertThat(diff.positions()).extracting(Position::kind, Position::label).containsExactly(
                tuple(PositionKind.INCOMPLETE, "CLAIM"), tuple(PositionKind.INCOMPLETE, "SOURCE"));
    }

    @Test
    void nestedSpansOfThreeAnnotatorsFormOneBoundaryConflict() {
        Unit a = u("alice", 0, 20, "CLAIM");
        Unit b = u("bob", 5, 10, "CLAIM");
        Unit c1 = u("carol", 8, 9, "CLAIM");
        Unit c2 = u("carol", 30, 35, "CLAIM");
        Diff diff = Diff.of(DOC, THREE, List.of(c2, c1, b, a));
        assertThat(diff.positions()).hasSize(2);
        Position boundary = diff.positions().get(0);
        assertThat(boundary.kind()).isEqualTo(PositionKind.BOUNDARY_CONFLICT);
        assertThat(boundary.extent()).isEqualTo(new Extent(0, 20));
        assertThat(boundary.units("carol")).containsExactly(c1);
        Position incomplete = diff.positions().get(1);
        assertThat(incomplete.kind()).isEqualTo(PositionKind.INCOMPLETE);
        assertThat(incomplete.units("carol")).containsExactly(c2);
    }

    @Test
    void chainOfOverlapsIsOneBoundaryConflict() {
        // alice [0,10) overlaps bob [8,20), which overlaps carol [18,30): transitively one position
        Diff diff = Diff.of(DOC, THREE,
                List.of(u("alice", 0, 10, "CLAIM"), u("bob", 8, 20, "CLAIM"), u("carol", 18, 30, "CLAIM")));
        assertThat(diff.positions()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PositionKind.BOUNDARY_CONFLICT);
            assertThat(p.extent()).isEqualTo(new Extent(0, 30));
            assertThat(p.missing()).isEmpty();
        });
    }

    @Test
    void oneAnnotatorsOwnOverlappingSpansDoNotLink() {
        Diff diff = Diff.of(DOC, TWO, List.of(u("alice", 0, 10, "CLAIM"), u("alice", 5, 15, "CLAIM")));
        assertThat(diff.positions()).extracting(Position::kind)
                .containsExactly(PositionKind.INCOMPLETE, PositionKind.INCOMPLETE);
    }

    @Test
    void agreedSpanStaysAgreeNextToOverlappingExtraSpan() {
        Unit a = u("alice", 0, 10, "CLAIM");
        Unit b = u("bob", 0, 10, "CLAIM");
        Unit extra = u("alice", 5, 15, "CLAIM");
        Diff diff = Diff.of(DOC, TWO, List.of(a, b, extra));
        assertThat(diff.positions()).extracting(Position::kind)
                .containsExactly(PositionKind.AGREE, PositionKind.INCOMPLETE);
        assertThat(diff.positions().get(1).units("alice")).containsExactly(extra);
    }

    @Test
    void oneAnnotatorWithTwoLabelsOnOneExtentIsLabelConflict() {
        Unit claim = u("alice", 0, 5, "CLAIM");
        Unit source = u("alice", 0, 5, "SOURCE");
        Unit bob = u("bob", 0, 5, "CLAIM");
        Diff alone = Diff.of(DOC, TWO, List.of(claim, source));
        assertThat(alone.positions()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PositionKind.LABEL_CONFLICT);
            assertThat(p.units("alice")).containsExactly(claim, source);
            assertThat(p.missing()).containsExactly("bob");
        });
        Diff withBob = Diff.of(DOC, TWO, List.of(claim, source, bob));
        assertThat(withBob.positions()).singleElement().extracting(Position::kind)
                .isEqualTo(PositionKind.LABEL_CONFLICT);
        assertThat(withBob.exactMatches("alice", "bob")).containsExactly(new UnitPair(claim, bob));
    }

    @Test
    void positionsAreOrderedByStartEndLabelAndIndependentOfInputOrder() {
        List<Unit> units = new ArrayList<>(List.of(u("alice", 10, 20, "SOURCE"), u("bob", 10, 20, "SOURCE"),
                u("alice", 10, 20, "CLAIM"), u("alice", 0, 30, "CLAIM"), u("bob", 10, 15, "CLAIM"),
                u("carol", 40, 45, "CLAIM"), u("bob", 40, 45, "SOURCE"), u("alice", 5, 8, "CLAIM")));
        Diff first = Diff.of(DOC, THREE, units);
        Collections.shuffle(units, new Random(7));
        Diff second = Diff.of(DOC, THREE, units);
        assertThat(second.positions()).isEqualTo(first.positions());
        assertThat(first.positions()).extracting(p -> p.start() + "-" + p.end() + " " + p.label() + " " + p.kind())
                .containsExactly(
                        "0-30 CLAIM BOUNDARY_CONFLICT",
                        "5-8 CLAIM INCOMPLETE",
                        "10-20 null LABEL_CONFLICT",
                        "40-45 null LABEL_CONFLICT");
    }

    @Test
    void everyUnitIsInExactlyOnePosition() {
        Random random = new Random(42);
        List<Unit> units = new ArrayList<>();
        String[] labels = {"CLAIM", "SOURCE", "ATTRIBUTION"};
        for (int i = 0; i < 300; i++) {
            int start = random.nextInt(200);
            units.add(u(THREE.get(random.nextInt(3)), start, start + 1 + random.nextInt(15),
                    labels[random.nextInt(3)]));
        }
        Diff diff = Diff.of(DOC, THREE, units);
        List<Unit> placed = diff.positions().stream().flatMap(p -> p.allUnits().stream()).toList();
        assertThat(placed).containsExactlyInAnyOrderElementsOf(units);
        for (Position p : diff.positions()) {
            for (Unit unit : p.allUnits()) {
                assertThat(p.extent().start()).isLessThanOrEqualTo(unit.start());
                assertThat(p.extent().end()).isGreaterThanOrEqualTo(unit.end());
            }
            switch (p.kind()) {
                case AGREE -> assertThat(p.missing()).isEmpty();
                case INCOMPLETE -> assertThat(p.missing()).isNotEmpty();
                case LABEL_CONFLICT -> assertThat(p.labels()).hasSizeGreaterThan(1);
                case BOUNDARY_CONFLICT -> assertThat(p.annotators()).hasSizeGreaterThan(1);
            }
        }
    }

    @Test
    void exactMatchesAreOneToOne() {
        Unit a1 = u("alice", 0, 5, "CLAIM");
        Unit a2 = u("alice", 0, 5, "CLAIM");
        Unit b1 = u("bob", 0, 5, "CLAIM");
        Unit b2 = u("bob", 6, 9, "CLAIM");
        Diff diff = Diff.of(DOC, TWO, List.of(a1, a2, b1, b2));
        assertThat(diff.exactMatches("alice", "bob")).containsExactly(new UnitPair(a1, b1));
        assertThat(diff.exactMatches("bob", "alice")).containsExactly(new UnitPair(b1, a1));
    }

    @Test
    void overlapMatchingIsMaximumNotGreedy() {
        // a1 overlaps b1 and b2, a2 overlaps only b1. Greedy a1-b1 would leave a2 unmatched; the maximum is 2.
        Unit a1 = u("alice", 0, 10, "CLAIM");
        Unit a2 = u("alice", 12, 14, "CLAIM");
        Unit b1 = u("bob", 5, 13, "CLAIM");
        Unit b2 = u("bob", 8, 9, "CLAIM");
        Unit other = u("bob", 0, 10, "SOURCE");
        Diff diff = Diff.of(DOC, TWO, List.of(a1, a2, b1, b2, other));
        assertThat(diff.overlapMatches("alice", "bob"))
                .containsExactlyInAnyOrder(new UnitPair(a1, b2), new UnitPair(a2, b1));
    }

    @Test
    void refusesForeignUnitsAndUnknownSpans() {
        assertThatThrownBy(() -> Diff.of(DOC, TWO, List.of(u("mallory", 0, 1, "CLAIM"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mallory");
        assertThatThrownBy(() -> Diff.of(DOC, TWO, List.of(new Unit("alice", "d2", 99, 0, 1, "CLAIM"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d2");
        assertThatThrownBy(() -> Diff.of(DOC, List.of("alice", "alice"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> u("alice", 5, 5, "CLAIM")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesOutATripleNamingAnUnknownSpanInsteadOfFailing() {
        // a row whose span is gone (decision 016): one broken triple must not fail curation or agreement
        Unit content = u("alice", 0, 5, "CLAIM");
        Unit source = u("alice", 6, 9, "SOURCE");
        Triple good = new Triple("alice", DOC, 1, source.id(), null, content.id());
        Triple broken = new Triple("alice", DOC, 2, 77L, null, content.id());
        Triple gone = new Triple("bob", DOC, 3, null, null, 78);
        Diff diff = Diff.of(DOC, TWO, List.of(content, source), List.of(good, broken, gone));
        assertThat(diff.skippedTriples()).containsExactlyInAnyOrder(broken, gone);
        assertThat(diff.triples("alice")).containsExactly(good);
        assertThat(diff.triples("bob")).isEmpty();
        assertThat(diff.triplePositions()).hasSize(1);
    }

    // --- triples -------------------------------------------------------------------------------------------

    /** Content [20,40), sources [0,5) or [6,10), cue [11,15); one set of spans per annotator. */
    record Spans(Unit content, Unit sourceA, Unit sourceB, Unit cue) {
        static Spans of(String annotator) {
            return new Spans(u(annotator, 20, 40, "CLAIM"), u(annotator, 0, 5, "SOURCE"),
                    u(annotator, 6, 10, "SOURCE"), u(annotator, 11, 15, "ATTRIBUTION"));
        }

        List<Unit> all() {
            return List.of(content, sourceA, sourceB, cue);
        }

        Triple triple(Unit source, boolean withCue) {
            return new Triple(content.annotator(), DOC, nextId++, source == null ? null : source.id(),
                    withCue ? cue.id() : null, content.id());
        }
    }

    static List<Unit> spansOf(Spans... spans) {
        List<Unit> all = new ArrayList<>();
        for (Spans s : spans) {
            all.addAll(s.all());
        }
        return all;
    }

    @Test
    void triplesWithSameContentAndSourceAgreeRegardlessOfCue() {
        Spans a = Spans.of("alice");
        Spans b = Spans.of("bob");
        Triple ta = a.triple(a.sourceA, true);
        Triple tb = b.triple(b.sourceA, false);
        Diff diff = Diff.of(DOC, TWO, spansOf(a, b), List.of(ta, tb));
        assertThat(diff.triplePositions()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(TripleKind.AGREE);
            assertThat(p.content()).isEqualTo(new Extent(20, 40));
            assertThat(p.source()).isEqualTo(new Extent(0, 5));
            assertThat(p.triples("alice")).containsExactly(ta);
            assertThat(p.triples("bob")).containsExactly(tb);
        });
        assertThat(diff.tripleMatches("alice", "bob")).containsExactly(new TriplePair(ta, tb));
    }

    @Test
    void triplesWithoutSourceOnBothSidesAgree() {
        Spans a = Spans.of("alice");
        Spans b = Spans.of("bob");
        Diff diff = Diff.of(DOC, TWO, spansOf(a, b), List.of(a.triple(null, true), b.triple(null, true)));
        assertThat(diff.triplePositions()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(TripleKind.AGREE);
            assertThat(p.source()).isNull();
        });
        assertThat(diff.tripleMatches("alice", "bob")).hasSize(1);
    }

    @Test
    void tripleForSomeAnnotatorsOnlyIsIncomplete() {
        Spans a = Spans.of("alice");
        Spans b = Spans.of("bob");
        Spans c = Spans.of("carol");
        List<Triple> triples = List.of(a.triple(a.sourceB, true), b.triple(b.sourceB, true));
        Diff diff = Diff.of(DOC, THREE, spansOf(a, b, c), triples);
        assertThat(diff.triplePositions()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(TripleKind.INCOMPLETE);
            assertThat(p.annotators()).containsExactly("alice", "bob");
            assertThat(p.source()).isEqualTo(new Extent(6, 10));
        });
    }

    @Test
    void sameContentDifferentSourceIsConflict() {
        Spans a = Spans.of("alice");
        Spans b = Spans.of("bob");
        Spans c = Spans.of("carol");
        Triple ta = a.triple(a.sourceA, true);
        Triple tb = b.triple(b.sourceB, true);
        Triple tc = c.triple(null, true);
        Diff diff = Diff.of(DOC, THREE, spansOf(a, b, c), List.of(ta, tb, tc));
        assertThat(diff.triplePositions()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(TripleKind.CONFLICT);
            assertThat(p.source()).isNull();
            assertThat(p.triples("carol")).containsExactly(tc);
        });
        assertThat(diff.tripleMatches("alice", "bob")).isEmpty();
        assertThat(diff.triplesByKind(TripleKind.CONFLICT)).hasSize(1);
        assertThat(diff.triplesByKind(TripleKind.AGREE)).isEmpty();
    }

    @Test
    void tripleContentMatchesByExtentNotSpanLabel() {
        Spans a = Spans.of("alice");
        Unit bobContent = u("bob", 20, 40, "SOURCE");
        Unit bobSource = u("bob", 0, 5, "CLAIM");
        Triple ta = a.triple(a.sourceA, false);
        Triple tb = new Triple("bob", DOC, nextId++, bobSource.id(), null, bobContent.id());
        List<Unit> units = new ArrayList<>(a.all());
        units.addAll(List.of(bobContent, bobSource));
        Diff diff = Diff.of(DOC, TWO, units, List.of(ta, tb));
        assertThat(diff.triplesByKind(TripleKind.AGREE)).hasSize(1);
    }
}
