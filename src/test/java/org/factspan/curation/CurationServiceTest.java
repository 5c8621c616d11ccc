package org.factspan.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.DocumentEditor;
import org.factspan.annotation.Provenance;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.curation.DocumentCuration.GoldSpan;
import org.factspan.curation.DocumentCuration.ReviewSpan;
import org.factspan.diff.PositionKind;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Curation on a fresh project: auto-merge variants, accept/reject, provenance, locking, permissions, the list. */
@Tag("slow") // about 11 s on two idle cores: integration phase (decision 028)
@SpringBootTest
class CurationServiceTest {

    @Autowired
    CurationService curation;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ProjectSetupService setup;
    @Autowired
    UserService users;
    @Autowired
    org.factspan.annotation.AnnotationExchangeService exchange;
    @Autowired
    org.factspan.base.audit.AuditLog audit;
    @Autowired
    org.factspan.corpus.AssignmentService assignments;

    CurationStudy s;

    @BeforeEach
    void setUp() {
        s = new CurationStudy(setup, users, annotations);
    }

    static int at(String phrase) {
        int i = CurationStudy.TEXT.indexOf(phrase);
        assertThat(i).as(phrase).isNotNegative();
        return i;
    }

    static int end(String phrase) {
        return at(phrase) + phrase.length();
    }

    static String gold(DocumentCuration c) {
        return String.join(", ", c.gold().stream().map(g -> g.start() + "-" + g.end() + " " + g.label() + " "
                + g.provenance().kind().id()).toList());
    }

    /** a and b agree on the claim, a has a source b does not, they disagree on the minister's label. */
    void twoAnnotators() {
        s.span(s.a, at("prices fell"), end("prices fell"), "CLAIM", Map.of("verdict", "refuted"));
        s.span(s.b, at("prices fell"), end("prices fell"), "CLAIM", Map.of("verdict", "refuted", "note", "b's"));
        s.span(s.a, at("Officials"), end("Officials"), "SOURCE");
        s.span(s.a, at("The minister"), end("The minister"), "SOURCE");
        s.span(s.b, at("The minister"), end("The minister"), "CLAIM");
    }

    @Test
    void openingMergesWhatEveryAnnotatorHasWithProvenance() {
        twoAnnotators();
        s.finished(s.a, s.b);
        DocumentCuration before = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(before.status()).isEqualTo(CurationStatus.NOT_STARTED);
        assertThat(before.gold()).isEmpty();
        assertThat(before.positions()).extracting(DocumentCuration.ReviewPosition::kind)
                .containsExactly(PositionKind.INCOMPLETE, PositionKind.AGREE, PositionKind.LABEL_CONFLICT);

        DocumentCuration opened = curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false);
        assertThat(opened.status()).isEqualTo(CurationStatus.IN_PROGRESS);
        assertThat(opened.version()).isEqualTo(1);
        assertThat(gold(opened)).isEqualTo(at("prices fell") + "-" + end("prices fell") + " CLAIM unanimous");
        GoldSpan merged = opened.gold().getFirst();
        assertThat(merged.attributes()).as("only values all holders give").containsExactly(
                Map.entry("verdict", "refuted"));
        assertThat(merged.provenance().curator()).isEqualTo(s.cur.username());
        assertThat(merged.provenance().at()).isNotNull();
        assertThat(opened.opened().user()).isEqualTo(s.cur.username());
        assertThat(opened.annotators()).containsExactly(s.a.username(), s.b.username());
        assertThat(opened.spans()).extracting(ReviewSpan::status).containsExactly(ReviewStatus.INCOMPLETE,
                ReviewStatus.AGREE, ReviewStatus.AGREE, ReviewStatus.DISAGREE, ReviewStatus.DISAGREE);
        assertThat(opened.openPositions()).as("a's source, the minister's label, the claim's attribute values")
                .isEqualTo(3);
        assertThat(opened.openPlaces()).extracting(DocumentCuration.Place::kind).containsExactly(
                Disagreement.Kind.INCOMPLETE, Disagreement.Kind.ATTRIBUTE_CONFLICT, Disagreement.Kind.LABEL_CONFLICT);

        // Opening again reads; it does not merge again.
        assignments.reopen(s.cur, s.slug, s.doc, s.b.username());
        s.span(s.b, at("Officials"), end("Officials"), "SOURCE");
        s.finished(s.b);
        DocumentCuration again = curation.open(s.cur2, s.slug, s.doc, MergeOptions.unanimous(), false);
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.gold()).hasSize(1);
        assertThat(again.opened().user()).isEqualTo(s.cur.username());
        // Merging again adds the new agreement only.
        Versioned<CurationService.MergeResult> merged2 = curation.merge(s.cur2, s.slug, s.doc, 1,
                MergeOptions.unanimous());
        assertThat(merged2.value()).isEqualTo(new CurationService.MergeResult(1, 0));
        assertThat(merged2.version()).isEqualTo(2);
        assertThat(curation.read(s.cur, s.slug, s.doc, false).gold()).extracting(GoldSpan::label)
                .containsExactly("SOURCE", "CLAIM");
    }

    @Test
    void majorityVoteWithAThresholdAndNoMerge() {
        // 3 annotators: the claim by all (unanimous), the source by a and b (2 of 3), the minister split 1:1:1.
        for (Actor who : List.of(s.a, s.b, s.c)) {
            s.span(who, at("prices fell"), end("prices fell"), "CLAIM");
        }
        s.span(s.a, at("Officials"), end("Officials"), "SOURCE");
        s.span(s.b, at("Officials"), end("Officials"), "SOURCE");
        s.span(s.a, at("The minister"), end("The minister"), "SOURCE");
        s.span(s.b, at("The minister"), end("The minister"), "CLAIM");
        s.span(s.c, at("minister"), end("The minister"), "SOURCE");
        s.finished(s.a, s.b, s.c);

        DocumentCuration strict = curation.open(s.cur, s.slug, s.doc, MergeOptions.majority(0.7), false);
        assertThat(strict.gold()).extracting(g -> g.label() + " " + g.provenance().kind().id())
                .containsExactly("CLAIM unanimous");
        assertThat(strict.merge()).isEqualTo(MergeOptions.majority(0.7));
        Versioned<CurationService.MergeResult> loose = curation.merge(s.cur, s.slug, s.doc, strict.version(),
                MergeOptions.majority(0.6));
        assertThat(loose.value().spans()).isEqualTo(1);
        DocumentCuration after = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(gold(after)).isEqualTo("0-9 SOURCE majority, " + at("prices fell") + "-" + end("prices fell")
                + " CLAIM unanimous");
        assertThat(after.merge().threshold()).isEqualTo(0.6);

        DocumentCuration none = curation.open(s.cur, s.slug, s.doc2, MergeOptions.none(), false);
        assertThat(none.version()).isZero();
        assertThat(none.gold()).isEmpty();
        assertThatThrownBy(() -> MergeOptions.majority(0)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> MergeOptions.of("vote", null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("unanimous, majority, none");
    }

    @Test
    void aTieIsLeftToTheCuratorEvenInMajorityMode() {
        s.span(s.a, at("The minister"), end("The minister"), "SOURCE");
        s.span(s.b, at("The minister"), end("The minister"), "CLAIM");
        DocumentCuration c = curation.open(s.cur, s.slug, s.doc, MergeOptions.majority(0.5), false);
        assertThat(c.gold()).isEmpty();
    }

    @Test
    void acceptingASpanAdjudicatesItAndReplacesAlternatives() {
        twoAnnotators();
        curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false);
        DocumentCuration c = curation.read(s.cur, s.slug, s.doc, false);
        ReviewSpan asSource = c.spans().stream().filter(x -> x.label().equals("SOURCE") && x.start() == 27).findFirst()
                .orElseThrow();
        ReviewSpan asClaim = c.spans().stream().filter(x -> x.label().equals("CLAIM") && x.start() == 27).findFirst()
                .orElseThrow();
        Versioned<CurationService.AcceptResult> first = curation.accept(s.cur, s.slug, s.doc, c.version(),
                Accept.span(asSource.id()));
        assertThat(first.version()).isEqualTo(c.version() + 1);
        DocumentCuration after = curation.read(s.cur, s.slug, s.doc, false);
        GoldSpan minister = after.goldSpan(first.value().goldSpan()).orElseThrow();
        assertThat(minister.label()).isEqualTo("SOURCE");
        assertThat(minister.provenance().kind()).isEqualTo(Provenance.Kind.ADJUDICATED);
        assertThat(minister.provenance().curator()).isEqualTo(s.cur.username());
        assertThat(after.span(asSource.id()).orElseThrow().status()).isEqualTo(ReviewStatus.ACCEPTED);
        assertThat(after.span(asClaim.id()).orElseThrow().status()).isEqualTo(ReviewStatus.DISAGREE);
        assertThat(after.positions().get(2).settled()).isTrue();

        // Changing one's mind: b's CLAIM replaces the gold SOURCE on the same extent.
        Versioned<CurationService.AcceptResult> second = curation.accept(s.cur, s.slug, s.doc, first.version(),
                Accept.span(asClaim.id()));
        assertThat(second.value().replacedSpans()).isEqualTo(1);
        assertThat(curation.read(s.cur, s.slug, s.doc, false).gold()).filteredOn(g -> g.start() == 27)
                .singleElement().satisfies(g -> assertThat(g.label()).isEqualTo("CLAIM"));
    }

    @Test
    void acceptingLabelAttributesAndATriple() {
        SpanInfo aSource = s.span(s.a, at("The minister"), end("The minister"), "SOURCE");
        SpanInfo aClaim = s.span(s.a, at("denied it"), end("denied it"), "CLAIM", Map.of("verdict", "supported"));
        SpanInfo bClaim = s.span(s.b, at("denied it"), end("denied it"), "CLAIM", Map.of("verdict", "refuted",
                "note", "see video"));
        SpanInfo bSource = s.span(s.b, at("reporters"), end("reporters"), "SOURCE");
        long aTriple = s.link(s.a, aSource, aClaim);
        long bTriple = s.link(s.b, bSource, bClaim);
        s.finished(s.a, s.b);
        DocumentCuration c = curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false);
        assertThat(gold(c)).isEqualTo(at("denied it") + "-" + end("denied it") + " CLAIM unanimous");
        assertThat(c.gold().getFirst().attributes()).isEmpty();
        assertThat(c.goldAttributions()).as("the sources differ").isEmpty();

        long v = curation.accept(s.cur, s.slug, s.doc, c.version(), Accept.attributes(bClaim.id(), "verdict"))
                .version();
        assertThat(curation.read(s.cur, s.slug, s.doc, false).gold().getFirst().attributes())
                .containsExactly(Map.entry("verdict", "refuted"));
        v = curation.accept(s.cur, s.slug, s.doc, v, Accept.attributes(bClaim.id(), null)).version();
        DocumentCuration withValues = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(withValues.gold().getFirst().attributes()).containsExactly(Map.entry("note", "see video"),
                Map.entry("verdict", "refuted"));
        assertThat(withValues.gold().getFirst().provenance().kind()).isEqualTo(Provenance.Kind.ADJUDICATED);

        long version = v;
        assertThatThrownBy(() -> curation.accept(s.cur, s.slug, s.doc, version, Accept.attributes(aSource.id(), null)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("accept the span or its label first");

        // The triple brings its source span along; accepting the other one replaces it on the same claim.
        Versioned<CurationService.AcceptResult> triple = curation.accept(s.cur, s.slug, s.doc, v,
                Accept.attribution(bTriple));
        DocumentCuration t1 = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(t1.goldAttributions()).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo(triple.value().goldAttribution());
            assertThat(g.provenance().kind()).isEqualTo(Provenance.Kind.ADJUDICATED);
            assertThat(t1.goldSpan(g.source()).orElseThrow().text()).isEqualTo("reporters");
        });
        assertThat(t1.attributions()).filteredOn(x -> x.id() == bTriple).singleElement()
                .satisfies(x -> assertThat(x.status()).isEqualTo(ReviewStatus.ACCEPTED));
        curation.accept(s.cur, s.slug, s.doc, triple.version(), Accept.attribution(aTriple));
        DocumentCuration t2 = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(t2.goldAttributions()).singleElement()
                .satisfies(g -> assertThat(t2.goldSpan(g.source()).orElseThrow().text()).isEqualTo("The minister"));

        // Label: a SOURCE where gold has a CLAIM on the same extent becomes the gold label.
        setup.assign(s.doc, s.c.userId()); // the project has assignments now: c needs one to see the document
        SpanInfo cLabel = s.span(s.c, at("denied it"), end("denied it"), "SOURCE");
        curation.accept(s.cur, s.slug, s.doc, curation.read(s.cur, s.slug, s.doc, false).version(),
                Accept.label(cLabel.id()));
        DocumentCuration t3 = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(t3.gold()).filteredOn(g -> g.start() == at("denied it")).singleElement()
                .satisfies(g -> assertThat(g.label()).isEqualTo("SOURCE"));
        assertThat(t3.goldAttributions()).as("a SOURCE cannot be the content of an attribution").isEmpty();
    }

    @Test
    void replacingASpanKeepsTheGoldAttributionsThatStillFit() {
        SpanInfo aSource = s.span(s.a, at("The minister"), end("The minister"), "SOURCE");
        SpanInfo bSource = s.span(s.b, at("minister"), end("The minister"), "SOURCE");
        SpanInfo aClaim = s.span(s.a, at("denied it"), end("denied it"), "CLAIM");
        s.span(s.b, at("denied it"), end("denied it"), "CLAIM");
        long aTriple = s.link(s.a, aSource, aClaim);
        DocumentCuration c = curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false);
        long v = curation.accept(s.cur, s.slug, s.doc, c.version(), Accept.attribution(aTriple)).version();
        Versioned<CurationService.AcceptResult> r = curation.accept(s.cur, s.slug, s.doc, v,
                Accept.span(bSource.id()));
        assertThat(r.value().replacedSpans()).isEqualTo(1);
        assertThat(r.value().droppedAttributions()).isZero();
        DocumentCuration after = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(after.goldAttributions()).singleElement().satisfies(g -> {
            assertThat(g.source()).isEqualTo(r.value().goldSpan());
            assertThat(after.goldSpan(g.source()).orElseThrow().text()).isEqualTo("minister");
        });
    }

    @Test
    void rejectedVersionsAreRememberedAndNeverMerged() {
        SpanInfo a1 = s.span(s.a, at("Officials"), end("Officials"), "SOURCE");
        s.span(s.b, at("Officials"), end("Officials"), "CLAIM");
        SpanInfo agreedA = s.span(s.a, at("prices fell"), end("prices fell"), "CLAIM");
        s.span(s.b, at("prices fell"), end("prices fell"), "CLAIM");
        s.finished(s.a, s.b);
        DocumentCuration c = curation.open(s.cur, s.slug, s.doc, MergeOptions.none(), false);
        curation.reject(s.cur, s.slug, s.doc, a1.id(), false);
        curation.reject(s.cur, s.slug, s.doc, agreedA.id(), false);
        curation.reject(s.cur, s.slug, s.doc, a1.id(), false); // twice is once
        DocumentCuration r = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(r.span(a1.id()).orElseThrow().status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(r.positions().getFirst().settled()).as("one of two rejected").isFalse();
        assertThat(r.version()).as("rejecting does not change the gold standard").isEqualTo(c.version());
        assertThat(curation.merge(s.cur, s.slug, s.doc, r.version(), MergeOptions.unanimous()).value().spans())
                .as("the agreed claim has a rejected unit").isZero();

        curation.unreject(s.cur, s.slug, s.doc, agreedA.id(), false);
        DocumentCuration back = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(back.span(agreedA.id()).orElseThrow().status()).isEqualTo(ReviewStatus.AGREE);
        assertThat(curation.merge(s.cur, s.slug, s.doc, back.version(), MergeOptions.unanimous()).value().spans())
                .isEqualTo(1);
        // Accepting clears a rejection.
        curation.accept(s.cur, s.slug, s.doc, curation.read(s.cur, s.slug, s.doc, false).version(),
                Accept.span(a1.id()));
        assertThat(curation.read(s.cur, s.slug, s.doc, false).span(a1.id()).orElseThrow().status())
                .isEqualTo(ReviewStatus.ACCEPTED);
        assertThatThrownBy(() -> curation.reject(s.cur, s.slug, s.doc, 999_999_999L, false))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void twoCuratorsNeverOverwriteEachOtherSilently() {
        twoAnnotators();
        s.finished(s.a, s.b);
        long v = curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false).version();
        DocumentCuration seenByCur2 = curation.read(s.cur2, s.slug, s.doc, false);
        assertThat(seenByCur2.version()).isEqualTo(v);

        Versioned<SpanInfo> mine = curation.createGoldSpan(s.cur, s.slug, s.doc, v, at("said"), end("said"),
                "ATTRIBUTION", Map.of());
        assertThat(mine.version()).isEqualTo(v + 1);
        ReviewSpan claim = seenByCur2.spans().stream().filter(x -> x.label().equals("CLAIM") && x.start() == 27)
                .findFirst().orElseThrow();
        for (Runnable stale : List.<Runnable>of(
                () -> curation.accept(s.cur2, s.slug, s.doc, v, Accept.span(claim.id())),
                () -> curation.createGoldSpan(s.cur2, s.slug, s.doc, v, 0, 9, "SOURCE", Map.of()),
                () -> curation.deleteGoldSpan(s.cur2, s.slug, s.doc, v, mine.value().id()),
                () -> curation.markCurated(s.cur2, s.slug, s.doc, v),
                () -> curation.merge(s.cur2, s.slug, s.doc, v, MergeOptions.majority(0.5)))) {
            assertThatThrownBy(stale::run).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("changed by " + s.cur.username())
                    .hasMessageContaining("Reload");
        }
        DocumentCuration now = curation.read(s.cur2, s.slug, s.doc, false);
        assertThat(now.version()).isEqualTo(v + 1);
        assertThat(now.gold()).hasSize(2).allSatisfy(g -> assertThat(g.label()).isIn("CLAIM", "ATTRIBUTION"));
        assertThat(now.changed().user()).isEqualTo(s.cur.username());

        // Through two editors (the view's path): the second one's undo and edits are refused too.
        DocumentEditor one = new DocumentEditor(new GoldStore(curation, s.cur, s.slug, s.doc, now.version()));
        GoldStore twoStore = new GoldStore(curation, s.cur2, s.slug, s.doc, now.version());
        DocumentEditor two = new DocumentEditor(twoStore);
        SpanInfo created = one.createSpan(0, 9, "SOURCE");
        assertThat(one.spans()).extracting(SpanInfo::id).contains(created.id());
        assertThatThrownBy(() -> two.createSpan(at("reporters"), end("reporters"), "SOURCE"))
                .isInstanceOf(ConflictException.class);
        assertThat(twoStore.version()).isEqualTo(now.version());
        twoStore.setVersion(curation.read(s.cur2, s.slug, s.doc, false).version());
        two.createSpan(at("reporters"), end("reporters"), "SOURCE");
        assertThatThrownBy(one::undo).isInstanceOf(ConflictException.class);
        assertThat(one.canUndo()).isTrue();
        assertThat(curation.read(s.cur, s.slug, s.doc, false).gold()).extracting(GoldSpan::provenance)
                .filteredOn(p -> p.kind() == Provenance.Kind.CURATOR).hasSize(3);
    }

    @Test
    void simultaneousChangesFromTheSameVersionLetExactlyOneThrough() throws Exception {
        long v = curation.open(s.cur, s.slug, s.doc, MergeOptions.none(), false).version();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
            for (Actor who : List.of(s.cur, s.cur2)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return curation.createGoldSpan(who, s.slug, s.doc, v, 0, 9, "SOURCE", Map.of());
                    } catch (ConflictException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new java.util.ArrayList<>();
            for (var f : results) {
                outcomes.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o instanceof Versioned<?>).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ConflictException).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        DocumentCuration after = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(after.version()).isEqualTo(v + 1);
        assertThat(after.gold()).hasSize(1);
    }

    @Test
    void theGoldStandardIsNotAmongTheAnnotatorsAnywhere() {
        twoAnnotators();
        long v = curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false).version();
        curation.createGoldSpan(s.cur, s.slug, s.doc, v, 0, 9, "SOURCE", Map.of());
        List<String> owners = new java.util.ArrayList<>();
        exchange.forEachDocument(s.cur, s.slug, org.factspan.annotation.AnnotationExchangeService.ALL,
                org.factspan.annotation.AnnotationFilter.none(), d -> d.spans().forEach(x -> owners.add(x.annotator())));
        assertThat(owners).isNotEmpty().doesNotContain(AnnotationService.GOLD).doesNotContainNull();
        assertThat(exchange.sets(s.cur, s.slug)).doesNotContain(AnnotationService.GOLD);
        assertThat(annotations.allAnnotations(s.cur, s.slug, null).annotators())
                .containsExactly(s.a.username(), s.b.username());
        assertThat(annotations.annotatorNames(s.cur, s.slug)).containsExactly(s.a.username(), s.b.username());
        assertThat(users.findActor(AnnotationService.GOLD)).as("never logs in").isEmpty();
        assertThat(users.hasUsers()).isTrue();
    }

    @Test
    void editingGoldDirectlyRecordsTheCuratorAndUndoWorks() {
        long v = curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false).version();
        GoldStore store = new GoldStore(curation, s.cur, s.slug, s.doc, v);
        DocumentEditor editor = new DocumentEditor(store);
        SpanInfo source = editor.createSpan(0, 9, "SOURCE");
        SpanInfo claim = editor.createSpan(at("prices fell"), end("prices fell"), "CLAIM");
        editor.setAttribute(claim.id(), "verdict", "supported");
        AttributionInfo link = editor.link(List.of(source.id(), claim.id()));
        assertThat(store.version()).isEqualTo(v + 4);
        DocumentCuration c = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(c.gold()).allSatisfy(g -> {
            assertThat(g.provenance().kind()).isEqualTo(Provenance.Kind.CURATOR);
            assertThat(g.provenance().curator()).isEqualTo(s.cur.username());
        });
        assertThat(c.goldAttributions()).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo(link.id());
            assertThat(g.provenance().kind()).isEqualTo(Provenance.Kind.CURATOR);
        });
        long before = store.version();
        assertThatThrownBy(() -> editor.relabelSpan(source.id(), "CLAIM")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("unlink");
        assertThat(store.version()).as("refused, nothing counted").isEqualTo(before);
        assertThat(curation.read(s.cur, s.slug, s.doc, false).version()).isEqualTo(before);
        editor.unlink(link.id());
        editor.relabelSpan(source.id(), "CLAIM");
        assertThat(editor.undo()).isTrue();
        assertThat(editor.undo()).isTrue();
        assertThat(curation.read(s.cur, s.slug, s.doc, false).goldAttributions()).hasSize(1);
        assertThat(curation.read(s.cur, s.slug, s.doc, false).version()).isEqualTo(store.version());
        // The gold standard is not anybody's own work, and no annotator sees it.
        assertThat(annotations.listMySpans(s.a, s.slug, s.doc)).isEmpty();
        assertThat(annotations.allAnnotations(s.cur, s.slug, null).spans()).isEmpty();
    }

    @Test
    void curatedDocumentsAreFinalUntilReopened() {
        twoAnnotators();
        s.finished(s.a, s.b);
        long v = curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false).version();
        long curated = curation.markCurated(s.cur, s.slug, s.doc, v, true);
        DocumentCuration c = curation.read(s.cur2, s.slug, s.doc, false);
        assertThat(c.status()).isEqualTo(CurationStatus.CURATED);
        assertThat(c.curated().user()).isEqualTo(s.cur.username());
        assertThat(curation.statuses(s.cur, s.slug)).containsEntry(s.doc, CurationStatus.CURATED)
                .containsEntry(s.doc2, CurationStatus.NOT_STARTED);
        assertThatThrownBy(() -> curation.createGoldSpan(s.cur2, s.slug, s.doc, curated, 0, 9, "SOURCE", Map.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("reopen");
        assertThatThrownBy(() -> curation.markCurated(s.cur2, s.slug, s.doc, curated))
                .isInstanceOf(ConflictException.class);
        long reopened = curation.reopen(s.cur2, s.slug, s.doc, curated);
        assertThat(curation.read(s.cur, s.slug, s.doc, false).status()).isEqualTo(CurationStatus.IN_PROGRESS);
        curation.createGoldSpan(s.cur2, s.slug, s.doc, reopened, 0, 9, "SOURCE", Map.of());
        assertThatThrownBy(() -> curation.reopen(s.cur2, s.slug, s.doc, reopened + 1))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not marked curated");
    }

    @Test
    void refusedCallsStoreNothing() {
        twoAnnotators();
        SpanInfo aSpan = annotations.listMySpans(s.a, s.slug, s.doc).getFirst();
        for (Actor refused : List.of(s.a, s.outsider)) {
            List<Runnable> calls = List.of(
                    () -> curation.open(refused, s.slug, s.doc, MergeOptions.unanimous(), false),
                    () -> curation.read(refused, s.slug, s.doc, false),
                    () -> curation.accept(refused, s.slug, s.doc, 0, Accept.span(aSpan.id())),
                    () -> curation.reject(refused, s.slug, s.doc, aSpan.id(), false),
                    () -> curation.createGoldSpan(refused, s.slug, s.doc, 0, 0, 9, "SOURCE", Map.of()),
                    () -> curation.markCurated(refused, s.slug, s.doc, 0),
                    () -> curation.disagreements(refused, s.slug, null, false),
                    () -> curation.statuses(refused, s.slug),
                    () -> annotations.createSpan(refused, annotations.gold(Provenance.Kind.CURATOR), s.slug, s.doc, 0,
                            9, "SOURCE", Map.of()),
                    () -> annotations.listSpans(refused, annotations.gold(null), s.slug, s.doc));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run).isInstanceOf(ForbiddenException.class);
            }
        }
        // An annotator cannot work on another annotator's set either.
        assertThatThrownBy(() -> annotations.createSpan(s.a, org.factspan.annotation.Owner.of(s.b), s.slug, s.doc, 0,
                9, "SOURCE", Map.of())).isInstanceOf(ForbiddenException.class);
        DocumentCuration c = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(c.status()).isEqualTo(CurationStatus.NOT_STARTED);
        assertThat(c.gold()).isEmpty();
        assertThat(c.spans()).noneMatch(x -> x.status() == ReviewStatus.REJECTED);
        // Changes before opening are refused as well.
        assertThatThrownBy(() -> curation.createGoldSpan(s.cur, s.slug, s.doc, 0, 0, 9, "SOURCE", Map.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not been opened");
        // Bad input changes nothing, the version included.
        long v = curation.open(s.cur, s.slug, s.doc, MergeOptions.none(), false).version();
        assertThatThrownBy(() -> curation.createGoldSpan(s.cur, s.slug, s.doc, v, 5, 2, "SOURCE", Map.of()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> curation.accept(s.cur, s.slug, s.doc, v, Accept.span(999_999_999L)))
                .isInstanceOf(NotFoundException.class);
        assertThat(curation.read(s.cur, s.slug, s.doc, false).version()).isEqualTo(v);
        assertThat(curation.read(s.cur, s.slug, s.doc, false).gold()).isEmpty();
    }

    @Test
    void anonymisedNamesAreNumberedOverTheProject() {
        twoAnnotators();
        DocumentCuration c = curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), true);
        assertThat(c.annotators()).containsExactly("Annotator 1", "Annotator 2");
        assertThat(c.spans()).extracting(ReviewSpan::annotator).containsOnly("Annotator 1", "Annotator 2");
        assertThat(curation.disagreements(s.cur, s.slug, null, true)).allSatisfy(d ->
                assertThat(d.annotators()).allSatisfy(n -> assertThat(n).startsWith("Annotator ")));
    }

    @Test
    void disagreementsAreSortedByImportanceAndFiltered() {
        // doc: label conflict (a, b), boundary conflict (a, b, c), incomplete (a only), incomplete (a, b of three).
        s.span(s.a, at("The minister"), end("The minister"), "SOURCE");
        s.span(s.b, at("The minister"), end("The minister"), "CLAIM");
        s.span(s.a, at("denied it on Friday"), end("denied it on Friday"), "CLAIM");
        s.span(s.b, at("denied it"), end("denied it"), "CLAIM");
        s.span(s.c, at("denied it on"), end("denied it on"), "CLAIM");
        s.span(s.a, at("reporters"), end("reporters"), "SOURCE");
        s.span(s.a, 0, 9, "SOURCE");
        s.span(s.b, 0, 9, "SOURCE");
        // doc2: an agreement only (no disagreement).
        for (Actor who : List.of(s.a, s.b)) {
            annotations.createSpan(who, s.slug, s.doc2, 0, 6, "CLAIM");
        }
        List<Disagreement> all = curation.disagreements(s.cur, s.slug, null, false);
        assertThat(all).extracting(d -> d.kind() + " " + d.text() + " " + d.annotators().size()).containsExactly(
                "LABEL_CONFLICT The minister 2", "BOUNDARY_CONFLICT denied it on Friday 3", "INCOMPLETE Officials 2",
                "INCOMPLETE reporters 1");
        assertThat(all.getFirst().labels()).containsExactly("CLAIM", "SOURCE");
        assertThat(all.getFirst().missing()).containsExactly(s.c.username());
        assertThat(all).allSatisfy(d -> assertThat(d.documentId()).isEqualTo(s.doc));

        assertThat(curation.disagreements(s.cur, s.slug, new CurationService.DisagreementFilter(null, "SOURCE", null,
                false), false)).extracting(Disagreement::text).containsExactly("The minister", "Officials", "reporters");
        assertThat(curation.disagreements(s.cur, s.slug, new CurationService.DisagreementFilter(null, null,
                s.c.username(), false), false)).extracting(Disagreement::text).containsExactly("denied it on Friday");
        assertThat(curation.disagreements(s.cur, s.slug, new CurationService.DisagreementFilter(s.doc2, null, null,
                false), false)).isEmpty();

        // Settling one hides it unless settled ones are asked for.
        DocumentCuration c = curation.open(s.cur, s.slug, s.doc, MergeOptions.none(), false);
        long reporters = c.spans().stream().filter(x -> x.text().equals("reporters")).findFirst().orElseThrow().id();
        curation.accept(s.cur, s.slug, s.doc, c.version(), Accept.span(reporters));
        assertThat(curation.disagreements(s.cur, s.slug, null, false)).extracting(Disagreement::text)
                .doesNotContain("reporters");
        assertThat(curation.disagreements(s.cur, s.slug, new CurationService.DisagreementFilter(null, null, null, true),
                false)).filteredOn(d -> d.text().equals("reporters")).singleElement()
                .satisfies(d -> assertThat(d.settled()).isTrue());

        assertThatThrownBy(() -> curation.disagreements(s.cur, s.slug, new CurationService.DisagreementFilter(null,
                "NOPE", null, false), false)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> curation.disagreements(s.cur, s.slug, new CurationService.DisagreementFilter(
                999_999_999L, null, null, false), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> curation.disagreements(s.cur, s.slug, new CurationService.DisagreementFilter(null,
                null, "nobody", false), false)).isInstanceOf(InvalidRequestException.class);
    }

    /** Every kind of place on one crafted document, for the tests of the one list. */
    record EveryKind(SpanInfo officials, SpanInfo longClaim, SpanInfo aMinister, SpanInfo aDenied, long aTriple,
            long aOfficialsTriple) {
    }

    EveryKind everyKind() {
        SpanInfo officials = s.span(s.a, at("Officials"), end("Officials"), "SOURCE");
        SpanInfo longClaim = s.span(s.a, at("prices fell."), end("prices fell."), "CLAIM");
        s.span(s.b, at("prices fell"), end("prices fell"), "CLAIM");
        SpanInfo aMinister = s.span(s.a, at("The minister"), end("The minister"), "SOURCE");
        s.span(s.b, at("The minister"), end("The minister"), "CLAIM");
        SpanInfo aDenied = s.span(s.a, at("denied it"), end("denied it"), "CLAIM", Map.of("verdict", "supported"));
        SpanInfo bDenied = s.span(s.b, at("denied it"), end("denied it"), "CLAIM", Map.of("verdict", "refuted"));
        s.span(s.a, at("reporters"), end("reporters"), "SOURCE");
        SpanInfo bReporters = s.span(s.b, at("reporters"), end("reporters"), "SOURCE");
        long aTriple = s.link(s.a, aMinister, aDenied);
        s.link(s.b, bReporters, bDenied);
        long aOfficialsTriple = s.link(s.a, officials, longClaim);
        s.finished(s.a, s.b);
        return new EveryKind(officials, longClaim, aMinister, aDenied, aTriple, aOfficialsTriple);
    }

    static List<String> keys(List<Disagreement> list) {
        return list.stream().map(d -> d.kind().id() + " " + d.start() + "-" + d.end()).sorted().toList();
    }

    static List<String> placeKeys(List<DocumentCuration.Place> list) {
        return list.stream().map(d -> d.kind().id() + " " + d.start() + "-" + d.end()).sorted().toList();
    }

    @Test
    void oneListOfPlacesForEveryKindBehindTheCountTheListAndTheRefusal() {
        EveryKind k = everyKind();
        DocumentCuration c = curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false);
        assertThat(c.openPlaces()).extracting(DocumentCuration.Place::kind).containsExactlyInAnyOrder(
                Disagreement.Kind.INCOMPLETE, Disagreement.Kind.BOUNDARY_CONFLICT,
                Disagreement.Kind.ATTRIBUTION_INCOMPLETE, Disagreement.Kind.LABEL_CONFLICT,
                Disagreement.Kind.ATTRIBUTE_CONFLICT, Disagreement.Kind.ATTRIBUTION_CONFLICT);
        assertThat(c.openPositions()).isEqualTo(6);
        List<Disagreement> listed = curation.disagreements(s.cur, s.slug,
                new CurationService.DisagreementFilter(s.doc, null, null, false), false);
        assertThat(keys(listed)).isEqualTo(placeKeys(c.openPlaces()));
        assertThat(c.openPlaces()).allSatisfy(p -> assertThat(p.position()).isNotNegative());
        assertThat(c.openPlaces()).extracting(DocumentCuration.Place::description).contains(
                s.a.username() + " has a triple here that " + s.b.username() + " does not.",
                s.a.username() + " and " + s.b.username() + " attribute this claim to different sources.");
        DocumentCuration.Place boundary = c.openPlaces().stream()
                .filter(p -> p.kind() == Disagreement.Kind.BOUNDARY_CONFLICT).findFirst().orElseThrow();
        assertThat(boundary.versions()).extracting(DocumentCuration.Version::text)
                .containsExactlyInAnyOrder("prices fell.", "prices fell");

        assertThatThrownBy(() -> curation.markCurated(s.cur, s.slug, s.doc, c.version()))
                .isInstanceOfSatisfying(OpenPlacesException.class, e -> assertThat(keys(e.places()))
                        .isEqualTo(placeKeys(c.openPlaces())));
        assertThat(curation.read(s.cur, s.slug, s.doc, false).status()).isEqualTo(CurationStatus.IN_PROGRESS);

        // Settle them one by one; the count, the list and the refusal follow each step.
        long v = c.version();
        v = curation.accept(s.cur, s.slug, s.doc, v, Accept.span(k.officials().id())).version();
        v = curation.accept(s.cur, s.slug, s.doc, v, Accept.span(k.longClaim().id())).version();
        v = curation.accept(s.cur, s.slug, s.doc, v, Accept.span(k.aMinister().id())).version();
        v = curation.accept(s.cur, s.slug, s.doc, v, Accept.attributes(k.aDenied().id(), null)).version();
        DocumentCuration half = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(half.openPlaces()).extracting(DocumentCuration.Place::kind).containsExactlyInAnyOrder(
                Disagreement.Kind.ATTRIBUTION_INCOMPLETE, Disagreement.Kind.ATTRIBUTION_CONFLICT);
        assertThat(keys(curation.disagreements(s.cur, s.slug, new CurationService.DisagreementFilter(s.doc, null,
                null, false), false))).isEqualTo(placeKeys(half.openPlaces()));
        v = curation.accept(s.cur, s.slug, s.doc, v, Accept.attribution(k.aTriple())).version();
        v = curation.accept(s.cur, s.slug, s.doc, v, Accept.attribution(k.aOfficialsTriple())).version();
        DocumentCuration settled = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(settled.openPositions()).isZero();
        assertThat(curation.disagreements(s.cur, s.slug, new CurationService.DisagreementFilter(s.doc, null, null,
                false), false)).isEmpty();
        assertThat(settled.places()).hasSize(6).allMatch(DocumentCuration.Place::settled);
        curation.markCurated(s.cur, s.slug, s.doc, v);
        DocumentCuration done = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(done.status()).isEqualTo(CurationStatus.CURATED);
        assertThat(done.curatedOpen()).as("nothing was open").isNull();
    }

    @Test
    void curatingAnywayIsRecordedAndShownUntilReopened() {
        everyKind();
        long v = curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false).version();
        assertThatThrownBy(() -> curation.markCurated(s.a, s.slug, s.doc, v, true))
                .isInstanceOf(ForbiddenException.class);
        long next = curation.markCurated(s.cur, s.slug, s.doc, v, true);
        DocumentCuration c = curation.read(s.cur2, s.slug, s.doc, false);
        assertThat(c.status()).isEqualTo(CurationStatus.CURATED);
        assertThat(c.curatedOpen()).isEqualTo(6);
        var events = audit.ofDocument(s.doc).stream().filter(e -> e.action().equals("curation.curated")).toList();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().after()).contains("\"override\":true").contains("\"open\":6")
                .contains("attribution_conflict");
        curation.reopen(s.cur, s.slug, s.doc, next);
        assertThat(curation.read(s.cur, s.slug, s.doc, false).curatedOpen()).isNull();
    }

    @Test
    void unfinishedWorkIsNeverCountedAsAgreement() {
        // b finished; a (also assigned) labeled the same span and is still at work; c is assigned, not started.
        s.span(s.a, at("prices fell"), end("prices fell"), "CLAIM");
        s.span(s.b, at("prices fell"), end("prices fell"), "CLAIM");
        s.span(s.b, at("Officials"), end("Officials"), "SOURCE");
        s.finished(s.b);
        setup.assign(s.doc, s.a.userId());
        setup.assign(s.doc, s.c.userId());
        DocumentCuration before = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(before.finishedAnnotators()).containsExactly(s.b.username());
        assertThat(before.unfinishedAnnotators()).containsExactlyInAnyOrder(s.a.username(), s.c.username());
        assertThat(before.work()).filteredOn(w -> w.annotator().equals(s.c.username())).singleElement()
                .satisfies(w -> assertThat(w.assigned()).isTrue()).satisfies(w -> assertThat(w.spans()).isZero());

        DocumentCuration opened = curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false);
        assertThat(opened.gold()).as("one finished annotator: nothing is agreement").isEmpty();
        assertThat(opened.mergedFrom()).containsExactly(s.b.username());
        assertThat(opened.merge().unfinished()).isFalse();

        // Including unfinished work is an explicit choice, and the curation records it.
        Versioned<CurationService.MergeResult> r = curation.merge(s.cur, s.slug, s.doc, opened.version(),
                MergeOptions.unanimous().withUnfinished(true));
        assertThat(r.value().spans()).isEqualTo(1);
        DocumentCuration after = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(gold(after)).isEqualTo(at("prices fell") + "-" + end("prices fell") + " CLAIM unanimous");
        assertThat(after.merge().unfinished()).isTrue();
        assertThat(after.mergedFrom()).containsExactly(s.a.username(), s.b.username());
        assertThat(audit.ofDocument(s.doc).stream().filter(e -> e.action().equals("curation.merge")).toList())
                .singleElement().satisfies(e -> assertThat(e.after()).contains("\"unfinished\":true"));
    }

    @Test
    void oneAnnotatorsWorkIsNeverDescribedAsAgreement() {
        for (String phrase : List.of("Officials", "prices fell", "The minister")) {
            s.span(s.b, at(phrase), end(phrase), phrase.equals("prices fell") ? "CLAIM" : "SOURCE");
        }
        s.finished(s.b);
        DocumentCuration c = curation.read(s.cur, s.slug, s.doc, false);
        assertThat(c.positions()).noneMatch(p -> p.kind() == PositionKind.AGREE);
        assertThat(c.spans()).noneMatch(x -> x.status() == ReviewStatus.AGREE);
        assertThat(c.openPositions()).isEqualTo(3);
        assertThat(c.openPlaces()).allSatisfy(p -> assertThat(p.description()).contains("alone")
                .doesNotContain("agree"));
        String start = org.factspan.curation.ui.CurationView.startText(c);
        assertThat(start).doesNotContain("agree on").contains("Only " + s.b.username() + " finished");
        assertThat(curation.open(s.cur, s.slug, s.doc, MergeOptions.unanimous(), false).gold()).isEmpty();
    }
}
