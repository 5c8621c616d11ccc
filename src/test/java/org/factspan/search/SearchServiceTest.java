package org.factspan.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factspan.TestData;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.factspan.corpus.DocumentId;
import org.factspan.annotation.SpanId;

/** The search service on the real index: text, filters, context, permissions, keeping up with edits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchServiceTest {

    @Autowired
    TestData data;
    @Autowired
    SearchService search;
    @Autowired
    AnnotationService annotations;
    @Autowired
    UserService users;
    @Autowired
    SearchIndexer indexer;

    SearchFixture f;

    @BeforeEach
    void setUp() {
        f = new SearchFixture(data);
    }

    SearchResult as(org.factspan.security.Actor actor, SearchRequest request) {
        return search.search(actor, f.slug, request);
    }

    @Test
    void findsDocumentTextWithTheHitInContextAndCodePointOffsets() {
        SearchResult result = as(f.ann, SearchRequest.of("arrests"));
        assertThat(result.total()).isEqualTo(1);
        SearchHit hit = result.hits().getFirst();
        assertThat(hit.kind()).isEqualTo(SearchHit.Kind.DOCUMENT);
        assertThat(hit.documentId()).isEqualTo(f.d2);
        assertThat(hit.match()).isEqualTo("arrests");
        assertThat(hit.before()).isEqualTo("\uD83D\uDCF0 Police reported two ");
        assertThat(hit.after()).startsWith(" in Almaty on Friday.");
        // code points: the emoji counts one
        int cp = SearchFixture.cp(SearchFixture.D2, "arrests");
        assertThat(hit.start()).isEqualTo(cp);
        assertThat(hit.end()).isEqualTo(cp + 7);
        assertThat(SearchFixture.D2.codePoints().skip(hit.start()).limit(7)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
                .isEqualTo("arrests");
    }

    @Test
    void stemsAndMatchesPhrasesAndWholeWords() {
        assertThat(as(f.ann, SearchRequest.of("arrest").withKind(SearchRequest.Kind.DOCUMENT)).hits())
                .extracting(SearchHit::documentId).containsExactly(f.d2);
        SearchHit phrase = as(f.ann, SearchRequest.of("\"ministry said\"")).hits().getFirst();
        assertThat(phrase.documentId()).isEqualTo(f.d3);
        assertThat(phrase.match()).isEqualTo("ministry said");
        assertThat(as(f.ann, SearchRequest.of("protesters square")).hits()).extracting(SearchHit::documentId)
                .containsExactly(f.d3);
        // every match is marked in the context; words side by side count as one match
        SearchHit two = as(f.ann, SearchRequest.of("protesters ministry said")).hits().getFirst();
        assertThat(two.fragments()).filteredOn(SearchHit.Fragment::hit).extracting(SearchHit.Fragment::text)
                .containsExactly("Protesters", "ministry said");
        assertThat(two.match()).isEqualTo("ministry said");
        assertThat(String.join("", two.fragments().stream().map(SearchHit.Fragment::text).toList()))
                .isEqualTo(two.before() + two.match() + two.after());
        assertThat(as(f.ann, SearchRequest.of("protesters almaty")).total()).isZero();
        assertThat(as(f.ann, SearchRequest.of("protesters OR almaty")).total()).isEqualTo(2);
    }

    @Test
    void annotatorsFindTheirOwnSpansButNotOthers() {
        SearchResult mine = as(f.ann, SearchRequest.of("minister"));
        assertThat(mine.hits()).extracting(SearchHit::kind).containsExactlyInAnyOrder(SearchHit.Kind.DOCUMENT,
                SearchHit.Kind.SPAN);
        SearchHit span = mine.hits().stream().filter(h -> h.kind() == SearchHit.Kind.SPAN).findFirst().orElseThrow();
        assertThat(span.spanId()).isEqualTo(f.minister.id());
        assertThat(span.annotator()).isEqualTo(f.ann.username());
        assertThat(span.match()).isEqualTo("The minister");
        assertThat(span.before()).isEmpty();
        assertThat(span.after()).startsWith(" said prices");

        // "Police" is other's span: ann finds the document, not the span
        assertThat(as(f.ann, SearchRequest.of("police")).hits()).extracting(SearchHit::kind)
                .containsExactly(SearchHit.Kind.DOCUMENT);
        assertThat(as(f.ann, SearchRequest.of("").withLabels(Set.of("SOURCE"))).hits())
                .extracting(SearchHit::spanId).containsExactly(f.minister.id());
        assertThatThrownBy(() -> as(f.ann, SearchRequest.of("").withAnnotators(Set.of(f.other.username()))))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("own spans");
        assertThat(as(f.ann, SearchRequest.of("").withAnnotators(Set.of(f.ann.username()))).total()).isEqualTo(2);
    }

    @Test
    void curatorsFindEveryonesSpansAndFilterByAnnotator() {
        assertThat(as(f.curator, SearchRequest.of("").withLabels(Set.of("SOURCE"))).hits())
                .extracting(SearchHit::spanId).containsExactly(f.minister.id(), f.police.id());
        assertThat(as(f.curator, SearchRequest.of("police").withAnnotators(Set.of(f.other.username()))).hits())
                .extracting(SearchHit::spanId).containsExactly(f.police.id());
        assertThat(search.options(f.curator, f.slug).annotators()).containsExactly(f.ann.username(),
                f.other.username());
        assertThat(search.options(f.ann, f.slug).annotators()).containsExactly(f.ann.username());
        assertThat(search.options(f.ann, f.slug).attributes()).containsEntry("verdict", List.of("supported",
                "refuted"));
    }

    @Test
    void outsidersAreRefused() {
        assertThatThrownBy(() -> as(f.outsider, SearchRequest.of("police"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> search.similarSpans(f.outsider, f.slug, "police", Set.of(), 5))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void filtersByAttributeValuesAndSearchesNotes() {
        assertThat(as(f.ann, SearchRequest.of("").withAttributes(Map.of("verdict", "refuted"))).hits())
                .extracting(SearchHit::spanId).containsExactly(f.claim.id());
        assertThat(as(f.ann, SearchRequest.of("").withAttributes(Map.of("verdict", "supported"))).total()).isZero();
        SearchHit byNote = as(f.ann, SearchRequest.of("central bank")).hits().getFirst();
        assertThat(byNote.spanId()).isEqualTo(f.claim.id());
        assertThat(byNote.attributes()).containsEntry("verdict", "refuted");
        assertThatThrownBy(() -> as(f.ann, SearchRequest.of("").withAttributes(Map.of("colour", "red"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("colour");
    }

    @Test
    void filtersByDocumentState() {
        // ann started d1 only; other started d2 only; nobody d3
        assertThat(as(f.ann, SearchRequest.of("").withKind(SearchRequest.Kind.DOCUMENT)
                .withStates(Set.of(DocumentState.NOT_STARTED))).hits()).extracting(SearchHit::documentId)
                .containsExactly(f.d2, f.d3);
        assertThat(as(f.ann, SearchRequest.of("").withKind(SearchRequest.Kind.DOCUMENT)
                .withStates(Set.of(DocumentState.IN_PROGRESS))).hits()).extracting(SearchHit::documentId)
                .containsExactly(f.d1);
        // the team: d1 and d2 are in progress, d3 not started
        assertThat(as(f.curator, SearchRequest.of("").withKind(SearchRequest.Kind.DOCUMENT)
                .withStates(Set.of(DocumentState.NOT_STARTED))).hits()).extracting(SearchHit::documentId)
                .containsExactly(f.d3);
        assertThat(as(f.curator, SearchRequest.of("").withStates(Set.of(DocumentState.IN_PROGRESS))
                .withAnnotators(Set.of(f.other.username()))).hits()).extracting(SearchHit::spanId)
                .containsExactly(f.police.id());
    }

    @Test
    void keepsUpWithCreatedRelabeledAndDeletedSpans() {
        int start = SearchFixture.cp(SearchFixture.D3, "Protesters");
        SpanInfo created = annotations.createSpan(f.ann, f.slug, f.d3, start, start + 10, "SOURCE");
        assertThat(as(f.ann, SearchRequest.of("protesters").withLabels(Set.of("SOURCE"))).hits())
                .extracting(SearchHit::spanId).containsExactly(created.id());
        annotations.relabelSpan(f.ann, f.slug, new DocumentId(f.d3), new SpanId(created.id()), "CLAIM");
        assertThat(as(f.ann, SearchRequest.of("protesters").withLabels(Set.of("SOURCE"))).total()).isZero();
        assertThat(as(f.ann, SearchRequest.of("protesters").withLabels(Set.of("CLAIM"))).total()).isEqualTo(1);
        annotations.setAttribute(f.ann, f.slug, new DocumentId(f.d3), new SpanId(created.id()), "verdict", "supported");
        assertThat(as(f.ann, SearchRequest.of("").withAttributes(Map.of("verdict", "supported"))).hits())
                .extracting(SearchHit::spanId).containsExactly(created.id());
        annotations.deleteSpan(f.ann, f.slug, new DocumentId(f.d3), new SpanId(created.id()));
        assertThat(as(f.ann, SearchRequest.of("protesters").withKind(SearchRequest.Kind.SPAN)).total()).isZero();
    }

    @Test
    void aStreamOfSavesIsIndexedInAFewDrainsAndASearchRightAfterFindsEveryOne() throws InterruptedException {
        long before = as(f.ann, SearchRequest.of("").withLabels(Set.of("SOURCE"))).total();
        int drains = indexer.drains(f.slug);
        List<Long> documents = List.of(f.d1, f.d2, f.d3);
        for (int i = 0; i < 8; i++) {
            annotations.createSpan(f.ann, f.slug, documents.get(i % 3), 20 + i, 21 + i, "SOURCE");
            Thread.sleep(100); // time enough for the indexer to index each save by itself
        }
        // the search waits for nothing: the drain waiting for its gap runs at once
        assertThat(as(f.ann, SearchRequest.of("").withLabels(Set.of("SOURCE"))).total()).isEqualTo(before + 8);
        // without a gap between drains (SearchIndexer.DRAIN_GAP) one drain per save; with it, the first save's, one
        // after the gap, and the search's
        assertThat(indexer.drains(f.slug) - drains).isBetween(1, 4);
    }

    @Test
    void searchesDuringConcurrentSavesMissNothingOnceTheSavesAreDone() throws Exception {
        long before = as(f.ann, SearchRequest.of("").withLabels(Set.of("CLAIM"))).total();
        List<Long> documents = List.of(f.d1, f.d2, f.d3);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.concurrent.atomic.AtomicBoolean saving = new java.util.concurrent.atomic.AtomicBoolean(true);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < 3; w++) {
                long document = documents.get(w);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        annotations.createSpan(f.ann, f.slug, document, 30 + i, 31 + i, "CLAIM");
                    }
                    return null;
                }));
            }
            List<java.util.concurrent.Future<?>> searches = new java.util.ArrayList<>();
            for (int r = 0; r < 3; r++) {
                searches.add(pool.submit(() -> {
                    while (saving.get()) {
                        as(f.ann, SearchRequest.of("").withLabels(Set.of("CLAIM")));
                    }
                    return null;
                }));
            }
            for (var d : done) {
                d.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            saving.set(false);
            for (var s : searches) {
                s.get(60, java.util.concurrent.TimeUnit.SECONDS); // no search failed on the way
            }
        } finally {
            pool.shutdownNow();
        }
        // drains were queued, forced by searches and dropped as stale in every order; a live drain is still queued
        // for whatever comes next: three more saves, and nobody searches, are indexed by themselves within the gap
        for (int w = 0; w < 3; w++) {
            annotations.createSpan(f.ann, f.slug, documents.get(w), 50, 51, "CLAIM");
        }
        long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (indexer.queued() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(indexer.queued()).as("documents still waiting for a drain").isZero();
        assertThat(as(f.ann, SearchRequest.of("").withLabels(Set.of("CLAIM"))).total()).isEqualTo(before + 48);
    }

    @Test
    void refusesBadQueriesAndFilters() {
        assertThatThrownBy(() -> as(f.ann, SearchRequest.of("\"unclosed"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Cannot read the query");
        assertThatThrownBy(() -> as(f.ann, SearchRequest.of("x").withLabels(Set.of("NOPE"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("CLAIM, SOURCE, ATTRIBUTION");
        assertThatThrownBy(() -> as(f.ann, new SearchRequest("x", null, null, null, null, null, 0, 0)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("limit");
    }

    @Test
    void similarSpansRankTheClosestFirst() {
        int s = SearchFixture.cp(SearchFixture.D3, "the ministry said nothing");
        annotations.createSpan(f.ann, f.slug, f.d3, s, s + 25, "CLAIM");
        List<SearchHit> similar = search.similarSpans(f.curator, f.slug, "prices will fall soon", Set.of("CLAIM"), 5);
        assertThat(similar).isNotEmpty();
        assertThat(similar.getFirst().spanId()).isEqualTo(f.claim.id());
        assertThat(similar).extracting(SearchHit::label).containsOnly("CLAIM");
    }

    @Test
    void onlyAdminsRebuildAndARebuildKeepsEverything() {
        assertThatThrownBy(() -> search.rebuild(f.curator)).isInstanceOf(ForbiddenException.class);
        int documents = search.rebuild(users.findActor("admin").orElseThrow());
        assertThat(documents).isGreaterThanOrEqualTo(3);
        assertThat(as(f.curator, SearchRequest.of("").withLabels(Set.of("SOURCE"))).total()).isEqualTo(2);
    }
}
