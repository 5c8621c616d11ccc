package org.factspan.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.CorpusService;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.factspan.corpus.DocumentId;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnotationServiceTest {

    static final String SLUG = TestUsers.SEED_PROJECT;

    @Autowired
    TestData data;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    SpanRepository spans;

    Actor alice;
    Actor bob;
    long documentId;
    int length;

    @BeforeEach
    void setUp() {
        alice = users.findActor("alice").orElseThrow();
        bob = users.findActor("bob").orElseThrow();
        var doc = corpus.listDocuments(alice, SLUG).get(4);
        documentId = doc.id();
        length = doc.length();
        spans.deleteAll();
    }

    @Test
    void createsListsAndDeletesTheCallersSpans() {
        SpanInfo span = annotations.createSpan(alice, SLUG, documentId, 0, 7, "CLAIM");
        assertThat(span.text()).isEqualTo("Chaotic");
        assertThat(span.annotator()).isEqualTo("alice");
        assertThat(annotations.listMySpans(alice, SLUG, documentId)).extracting(SpanInfo::id).containsExactly(span.id());
        assertThat(annotations.listMySpans(bob, SLUG, documentId)).isEmpty();
        annotations.deleteSpan(alice, SLUG, new DocumentId(documentId), new SpanId(span.id()));
        assertThat(annotations.listMySpans(alice, SLUG, documentId)).isEmpty();
    }

    @Test
    void startNotBeforeEndIsRefusedAndNothingIsStored() {
        assertRefused(() -> annotations.createSpan(alice, SLUG, documentId, 5, 5, "CLAIM"), InvalidRequestException.class,
                "not a non-empty range");
        assertRefused(() -> annotations.createSpan(alice, SLUG, documentId, 9, 5, "CLAIM"), InvalidRequestException.class,
                "not a non-empty range");
    }

    @Test
    void offsetsOutsideTheTextAreRefused() {
        assertRefused(() -> annotations.createSpan(alice, SLUG, documentId, -1, 5, "CLAIM"),
                InvalidRequestException.class, "inside the text");
        assertRefused(() -> annotations.createSpan(alice, SLUG, documentId, 10, length + 1, "CLAIM"),
                InvalidRequestException.class, "0.." + length);
    }

    @Test
    void unknownLabelIsRefusedWithTheKnownOnes() {
        assertRefused(() -> annotations.createSpan(alice, SLUG, documentId, 0, 7, "OPINION"),
                InvalidRequestException.class, "Unknown label 'OPINION'; this project has CLAIM, SOURCE, ATTRIBUTION");
        assertRefused(() -> annotations.createSpan(alice, SLUG, documentId, 0, 7, null), InvalidRequestException.class,
                "Unknown label");
    }

    @Test
    void aDocumentOfAProjectTheUserIsNotInIsRefused() {
        String otherSlug = "other-" + System.nanoTime();
        long otherDoc = data.project(otherSlug).name("Other").labels(TestData.claimOnly())
                .document("x.txt", "Someone said something.").build().document("x.txt");
        assertRefused(() -> annotations.createSpan(alice, otherSlug, otherDoc, 0, 7, "CLAIM"), ForbiddenException.class,
                "not a member");
        // The document id under the wrong project is not found, whatever the caller's rights.
        assertRefused(() -> annotations.createSpan(alice, SLUG, otherDoc, 0, 7, "CLAIM"), NotFoundException.class,
                "No document " + otherDoc);
    }

    @Test
    void identicalDuplicateIsRefusedButOverlapIsAllowed() {
        annotations.createSpan(alice, SLUG, documentId, 0, 7, "CLAIM");
        assertRefused(() -> annotations.createSpan(alice, SLUG, documentId, 0, 7, "CLAIM"), ConflictException.class,
                "already");
        annotations.createSpan(alice, SLUG, documentId, 0, 7, "SOURCE");
        annotations.createSpan(alice, SLUG, documentId, 3, 20, "CLAIM");
        assertThat(spans.count()).isEqualTo(3);
    }

    @Test
    void anotherAnnotatorsSpanCannotBeDeleted() {
        SpanInfo span = annotations.createSpan(alice, SLUG, documentId, 0, 7, "CLAIM");
        assertThatThrownBy(() -> annotations.deleteSpan(bob, SLUG, new DocumentId(documentId), new SpanId(span.id())))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("another annotator");
        assertThat(spans.count()).isEqualTo(1);
    }

    @Test
    void offsetsAreCodePointsAfterAnEmoji() {
        String slug = "emoji-" + System.nanoTime();
        long doc = data.project(slug).name("Emoji").labels(TestData.claimOnly())
                .document("e.txt", "😀 Tokayev said 𝒳 wins").build().document("e.txt");
        Actor admin = users.findActor("admin").orElseThrow();
        assertThat(annotations.createSpan(admin, slug, doc, 2, 9, "CLAIM").text()).isEqualTo("Tokayev");
        assertThat(annotations.createSpan(admin, slug, doc, 15, 16, "CLAIM").text()).isEqualTo("𝒳");
        assertThat(corpus.openDocument(admin, slug, doc).length()).isEqualTo(21);
    }

    private void assertRefused(Runnable call, Class<? extends RuntimeException> type, String message) {
        long before = spans.count();
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessageContaining(message);
        assertThat(spans.count()).as("nothing stored").isEqualTo(before);
    }
}
