package org.factspan.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.factspan.TestUsers;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentId;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Attributes, relabeling, attribution triples and undo/redo, on the seed article from VOI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditorServiceTest {

    static final String SLUG = TestUsers.SEED_PROJECT;

    @Autowired
    AnnotationService annotations;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    SpanRepository spans;
    @Autowired
    AttributionRepository attributions;
    @Autowired
    SpanAttributeRepository attributes;
    @Autowired
    HistoryService history;

    Actor alice;
    Actor bob;
    DocumentContent doc;
    long otherDocument;

    @BeforeEach
    void setUp() {
        attributions.deleteAll();
        attributes.deleteAll();
        spans.deleteAll();
        alice = users.findActor("alice").orElseThrow();
        bob = users.findActor("bob").orElseThrow();
        var docs = corpus.listDocuments(alice, SLUG);
        doc = corpus.openDocument(alice, SLUG, docs.get(4).id());
        otherDocument = docs.get(0).id();
    }

    SpanInfo span(Actor who, String phrase, String label) {
        int u16 = doc.text().indexOf(phrase);
        assertThat(u16).as(phrase).isNotNegative();
        int start = doc.text().codePointCount(0, u16);
        return annotations.createSpan(who, SLUG, doc.id(), start, start + phrase.codePointCount(0, phrase.length()), label);
    }

    long counts() {
        return spans.count() * 1_000_000 + attributions.count() * 1000 + attributes.count();
    }

    void refused(Runnable call, Class<? extends RuntimeException> type, String message) {
        long before = counts();
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message);
        assertThat(counts()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void attributesAreValidatedAgainstTheSchema() {
        SpanInfo claim = span(alice, "stabilize", "CLAIM");
        SpanInfo updated = annotations.setAttribute(alice, SLUG, new DocumentId(doc.id()), new SpanId(claim.id()), "verdict", "refuted");
        assertThat(updated.attributes()).containsEntry("verdict", "refuted");
        annotations.setAttribute(alice, SLUG, new DocumentId(doc.id()), new SpanId(claim.id()), "note", "compare with AFP");
        assertThat(annotations.listMySpans(alice, SLUG, doc.id()).get(0).attributes())
                .containsExactlyInAnyOrderEntriesOf(Map.of("verdict", "refuted", "note", "compare with AFP"));

        refused(() -> annotations.setAttribute(alice, SLUG, new DocumentId(doc.id()), new SpanId(claim.id()), "verdict", "maybe"),
                InvalidRequestException.class, "'maybe' is not one of supported, refuted, unverifiable, not checked");
        refused(() -> annotations.setAttribute(alice, SLUG, new DocumentId(doc.id()), new SpanId(claim.id()), "type", "person"),
                InvalidRequestException.class, "Label CLAIM has no attribute 'type'");
        refused(() -> annotations.setAttribute(bob, SLUG, new DocumentId(doc.id()), new SpanId(claim.id()), "verdict", "supported"),
                ForbiddenException.class, "another annotator");
        refused(() -> annotations.setAttribute(alice, SLUG, new DocumentId(doc.id()), new SpanId(claim.id()), "note", "x".repeat(4001)),
                InvalidRequestException.class, "may have at most 4000 characters");

        SpanInfo cue = span(alice, "said", "ATTRIBUTION");
        refused(() -> annotations.setAttribute(alice, SLUG, new DocumentId(doc.id()), new SpanId(cue.id()), "direct-quote", "yes"),
                InvalidRequestException.class, "true or false");
        annotations.setAttribute(alice, SLUG, new DocumentId(doc.id()), new SpanId(cue.id()), "direct-quote", "true");

        annotations.setAttribute(alice, SLUG, new DocumentId(doc.id()), new SpanId(claim.id()), "verdict", null);
        assertThat(annotations.listMySpans(alice, SLUG, doc.id()).stream().filter(s -> s.id() == claim.id())
                .findFirst().orElseThrow().attributes()).doesNotContainKey("verdict").containsKey("note");
    }

    @Test
    void relabelKeepsOnlyAttributesTheNewLabelDefines() {
        SpanInfo span = span(alice, "Kassym-Jomart Tokayev", "CLAIM");
        annotations.setAttribute(alice, SLUG, new DocumentId(doc.id()), new SpanId(span.id()), "verdict", "supported");
        annotations.setAttribute(alice, SLUG, new DocumentId(doc.id()), new SpanId(span.id()), "note", "a name, not a claim");
        SpanInfo relabeled = annotations.relabelSpan(alice, SLUG, new DocumentId(doc.id()), new SpanId(span.id()), "SOURCE");
        assertThat(relabeled.label()).isEqualTo("SOURCE");
        assertThat(relabeled.attributes()).containsExactlyEntriesOf(Map.of("note", "a name, not a claim"));
        refused(() -> annotations.relabelSpan(alice, SLUG, new DocumentId(doc.id()), new SpanId(span.id()), "OPINION"), InvalidRequestException.class,
                "Unknown label");
        span(alice, "Kassym-Jomart Tokayev", "CLAIM");
        refused(() -> annotations.relabelSpan(alice, SLUG, new DocumentId(doc.id()), new SpanId(span.id()), "CLAIM"), ConflictException.class,
                "already");
    }

    @Test
    void attributionTriplesAreValidated() {
        SpanInfo source = span(alice, "Kassym-Jomart Tokayev", "SOURCE");
        SpanInfo cue = span(alice, "said", "ATTRIBUTION");
        SpanInfo claim = span(alice, "he had submitted an application", "CLAIM");

        AttributionInfo triple = annotations.createAttribution(alice, SLUG, doc.id(), source.id(), cue.id(), claim.id());
        assertThat(triple.source()).isEqualTo(source.id());
        assertThat(annotations.listMyAttributions(alice, SLUG, doc.id())).containsExactly(triple);
        assertThat(annotations.listMyAttributions(bob, SLUG, doc.id())).isEmpty();

        refused(() -> annotations.createAttribution(alice, SLUG, doc.id(), source.id(), cue.id(), claim.id()),
                ConflictException.class, "exists already");
        refused(() -> annotations.createAttribution(alice, SLUG, doc.id(), claim.id(), cue.id(), claim.id()),
                InvalidRequestException.class, "source of an attribution must be a SOURCE span");
        refused(() -> annotations.createAttribution(alice, SLUG, doc.id(), source.id(), source.id(), claim.id()),
                InvalidRequestException.class, "cue of an attribution must be a cue span");
        refused(() -> annotations.createAttribution(alice, SLUG, doc.id(), source.id(), null, cue.id()),
                InvalidRequestException.class, "content of an attribution must be a CLAIM span");

        SpanInfo bobsSource = span(bob, "Tokayev said", "SOURCE");
        refused(() -> annotations.createAttribution(alice, SLUG, doc.id(), bobsSource.id(), null, claim.id()),
                ForbiddenException.class, "another annotator");
        refused(() -> annotations.createAttribution(alice, SLUG, otherDocument, null, cue.id(), claim.id()),
                org.factspan.base.NotFoundException.class, "No span " + cue.id() + " in document " + otherDocument);

        // Source or cue may be missing, not both (issue 13); a claim may have several triples.
        refused(() -> annotations.createAttribution(alice, SLUG, doc.id(), null, null, claim.id()),
                InvalidRequestException.class, "needs a SOURCE span or a cue span");
        refused(() -> annotations.linkSpans(alice, SLUG, doc.id(), List.of(claim.id())),
                InvalidRequestException.class, "needs a SOURCE span or a cue span");
        AttributionInfo anonymous = annotations.createAttribution(alice, SLUG, doc.id(), null, cue.id(), claim.id());
        assertThat(anonymous.source()).isNull();
        assertThat(annotations.listMyAttributions(alice, SLUG, doc.id())).hasSize(2);
    }

    @Test
    void linkingAssignsRolesByLabelInAnyOrder() {
        SpanInfo source = span(alice, "Kassym-Jomart Tokayev", "SOURCE");
        SpanInfo cue = span(alice, "said", "ATTRIBUTION");
        SpanInfo claim = span(alice, "he had submitted an application", "CLAIM");
        AttributionInfo linked = annotations.linkSpans(alice, SLUG, doc.id(), List.of(cue.id(), source.id(), claim.id()));
        assertThat(linked.source()).isEqualTo(source.id());
        assertThat(linked.cue()).isEqualTo(cue.id());
        assertThat(linked.content()).isEqualTo(claim.id());
        refused(() -> annotations.linkSpans(alice, SLUG, doc.id(), List.of(cue.id(), source.id())),
                InvalidRequestException.class, "needs a CLAIM span");
        SpanInfo second = span(alice, "Tokayev", "SOURCE");
        refused(() -> annotations.linkSpans(alice, SLUG, doc.id(), List.of(second.id(), source.id(), claim.id())),
                InvalidRequestException.class, "does not fit");
    }

    @Test
    void deletingASpanRemovesTheTriplesThatUseIt() {
        SpanInfo source = span(alice, "Kassym-Jomart Tokayev", "SOURCE");
        SpanInfo claim = span(alice, "he had submitted an application", "CLAIM");
        annotations.createAttribution(alice, SLUG, doc.id(), source.id(), null, claim.id());
        assertThat(annotations.attributionsUsing(alice, new DocumentId(doc.id()), new SpanId(source.id()))).hasSize(1);
        AnnotationService.DeletedSpan deleted = annotations.deleteSpan(alice, SLUG, new DocumentId(doc.id()), new SpanId(source.id()));
        assertThat(deleted.attributions()).hasSize(1);
        assertThat(annotations.listMyAttributions(alice, SLUG, doc.id())).isEmpty();
        assertThat(annotations.listMySpans(alice, SLUG, doc.id())).extracting(SpanInfo::id).containsExactly(claim.id());
    }

    @Test
    void undoingADeleteBringsTheSpanBackWithoutATripleThatCannotBeMadeAgain() {
        // a triple with neither source nor cue, stored before V9 (decision 016): none can be made since
        DocumentEditor editor = new DocumentEditor(annotations, alice, SLUG, doc.id());
        SpanInfo claim = span(alice, "he had submitted an application", "CLAIM");
        SpanInfo cue = span(alice, "said", "ATTRIBUTION");
        annotations.createAttribution(alice, SLUG, doc.id(), null, cue.id(), claim.id());
        jdbc.update("insert into attribution (document_id, user_id, source_span_id, cue_span_id, content_span_id,"
                + " created_at) values (?, ?, null, null, ?, current_timestamp)", doc.id(), alice.userId(), claim.id());
        assertThat(editor.deleteSpan(claim.id()).attributions()).hasSize(2);
        assertThat(editor.undo()).isTrue();
        assertThat(annotations.listMySpans(alice, SLUG, doc.id())).extracting(SpanInfo::label)
                .containsExactlyInAnyOrder("CLAIM", "ATTRIBUTION");
        assertThat(annotations.listMyAttributions(alice, SLUG, doc.id())).singleElement()
                .satisfies(t -> assertThat(t.cue()).isEqualTo(cue.id()));
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void everyEditCanBeUndoneAndRedone() {
        DocumentEditor editor = new DocumentEditor(annotations, alice, SLUG, doc.id());
        int u16 = doc.text().indexOf("Kassym-Jomart Tokayev");
        SpanInfo source = editor.createSpan(u16, u16 + 21, "SOURCE");
        int c = doc.text().indexOf("he had submitted an application");
        SpanInfo claim = editor.createSpan(c, c + 31, "CLAIM");
        editor.setAttribute(claim.id(), "verdict", "unverifiable");
        editor.link(List.of(source.id(), claim.id()));
        editor.relabelSpan(source.id(), "SOURCE"); // no change: not recorded
        editor.deleteSpan(source.id());
        assertThat(state()).isEqualTo("CLAIM[verdict=unverifiable] | ");

        assertThat(editor.undo()).isTrue(); // delete: span and its triple come back
        assertThat(state()).isEqualTo("SOURCE CLAIM[verdict=unverifiable] | SOURCE->CLAIM");
        assertThat(editor.undo()).isTrue(); // link
        assertThat(state()).isEqualTo("SOURCE CLAIM[verdict=unverifiable] | ");
        assertThat(editor.undo()).isTrue(); // attribute
        assertThat(state()).isEqualTo("SOURCE CLAIM | ");
        assertThat(editor.undo()).isTrue(); // create claim
        assertThat(editor.undo()).isTrue(); // create source
        assertThat(state()).isEqualTo(" | ");
        assertThat(editor.undo()).isFalse();

        for (int i = 0; i < 5; i++) {
            assertThat(editor.redo()).isTrue();
        }
        assertThat(state()).isEqualTo("CLAIM[verdict=unverifiable] | ");
        assertThat(editor.redo()).isFalse();

        // Undo everything again (the ids never changed), then a new edit clears the redo stack.
        while (editor.undo()) {
            // keep undoing
        }
        assertThat(state()).isEqualTo(" | ");
        editor.createSpan(c, c + 31, "CLAIM");
        assertThat(editor.canRedo()).isFalse();

        SpanInfo relabel = editor.createSpan(u16, u16 + 21, "CLAIM");
        editor.setAttribute(relabel.id(), "verdict", "refuted");
        editor.relabelSpan(relabel.id(), "SOURCE");
        assertThat(state()).isEqualTo("SOURCE CLAIM | ");
        editor.undo();
        assertThat(state()).isEqualTo("CLAIM[verdict=refuted] CLAIM | ");
    }

    @Test
    void undoAndRedoKeepEveryIdSoHistoryAndExportsDoNotFork() {
        DocumentEditor editor = new DocumentEditor(annotations, alice, SLUG, doc.id());
        int u16 = doc.text().indexOf("Kassym-Jomart Tokayev");
        SpanInfo source = editor.createSpan(u16, u16 + 21, "SOURCE");
        int c = doc.text().indexOf("he had submitted an application");
        SpanInfo claim = editor.createSpan(c, c + 31, "CLAIM");
        editor.setAttribute(claim.id(), "verdict", "unverifiable");
        AttributionInfo triple = editor.link(List.of(source.id(), claim.id()));
        editor.drain();

        editor.deleteSpan(claim.id());
        DocumentEditor.Change deleted = editor.drain();
        assertThat(deleted.removedSpans()).containsExactly(claim.id());
        assertThat(deleted.removedLinks()).containsExactly(triple.id());

        assertThat(editor.undo()).isTrue();
        DocumentEditor.Change back = editor.drain();
        assertThat(back.spans()).extracting(SpanInfo::id).containsExactly(claim.id());
        assertThat(back.spans().getFirst().attributes()).containsEntry("verdict", "unverifiable");
        assertThat(back.links()).containsExactly(triple);
        assertThat(annotations.listMySpans(alice, SLUG, doc.id())).extracting(SpanInfo::id)
                .containsExactlyInAnyOrder(source.id(), claim.id());
        assertThat(annotations.listMyAttributions(alice, SLUG, doc.id())).containsExactly(triple);

        // undo everything, redo everything: the same ids throughout
        while (editor.undo()) {
            // keep undoing
        }
        assertThat(annotations.listMySpans(alice, SLUG, doc.id())).isEmpty();
        while (editor.redo()) {
            // keep redoing
        }
        assertThat(annotations.listMySpans(alice, SLUG, doc.id())).extracting(SpanInfo::id).containsExactly(
                source.id());
        editor.undo(); // the delete of the claim, once more
        assertThat(annotations.listMySpans(alice, SLUG, doc.id())).extracting(SpanInfo::id)
                .containsExactlyInAnyOrder(source.id(), claim.id());
        assertThat(annotations.listMyAttributions(alice, SLUG, doc.id())).extracting(AttributionInfo::id)
                .containsExactly(triple.id());

        // the span's history is one story under one id
        assertThat(history.ofSpan(alice, SLUG, new DocumentId(doc.id()), new SpanId(claim.id()))).extracting(e -> e.action())
                .containsSubsequence("span.create", "span.delete", "span.restore", "span.delete", "span.restore");
    }

    @Test
    void aStaleUndoIsExplainedAndDroppedNeverNoSpanN() {
        DocumentEditor editor = new DocumentEditor(annotations, alice, SLUG, doc.id());
        int u16 = doc.text().indexOf("Kassym-Jomart Tokayev");
        SpanInfo source = editor.createSpan(u16, u16 + 21, "SOURCE");
        // the same span deleted in another window
        annotations.deleteSpan(alice, SLUG, new DocumentId(doc.id()), new SpanId(source.id()));
        assertThatThrownBy(editor::undo).isInstanceOf(ConflictException.class)
                .hasMessageContaining("‘Kassym-Jomart Tokayev’").hasMessageContaining("elsewhere")
                .hasMessageNotContaining("No span");
        assertThat(editor.canUndo()).isFalse();
    }

    @Test
    void aRestoredSpanPassesTheChecksOfANewOne() {
        SpanInfo source = span(alice, "Kassym-Jomart Tokayev", "SOURCE");
        annotations.deleteSpan(alice, SLUG, new DocumentId(doc.id()), new SpanId(source.id()));
        SpanInfo again = span(alice, "Kassym-Jomart Tokayev", "SOURCE");
        Owner own = Owner.of(alice);
        refused(() -> annotations.restoreSpan(alice, own, SLUG, doc.id(), source), ConflictException.class,
                "already");
        refused(() -> annotations.restoreSpan(alice, own, SLUG, doc.id(), again), ConflictException.class,
                "there already");
        refused(() -> annotations.restoreSpan(bob, Owner.of(alice), SLUG, doc.id(), source), ForbiddenException.class,
                "only your own");
    }

    /** Spans in document order with attributes, then triples as labels. */
    String state() {
        List<SpanInfo> mine = annotations.listMySpans(alice, SLUG, doc.id());
        String spansPart = String.join(" ", mine.stream().sorted(java.util.Comparator.comparingInt(SpanInfo::start)
                .thenComparing(SpanInfo::label)).map(s -> s.label() + (s.attributes().isEmpty() ? ""
                        : s.attributes().toString().replace("{", "[").replace("}", "]"))).toList());
        Map<Long, String> labels = new java.util.HashMap<>();
        mine.forEach(s -> labels.put(s.id(), s.label()));
        String triples = String.join(",", annotations.listMyAttributions(alice, SLUG, doc.id()).stream()
                .map(a -> (a.source() == null ? "" : labels.get(a.source()) + "->") + labels.get(a.content())).toList());
        return spansPart + " | " + triples;
    }
}
