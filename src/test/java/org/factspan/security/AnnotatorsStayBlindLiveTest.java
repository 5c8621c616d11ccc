package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.ui.LiveDocuments;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Live sessions keep annotators blind: an open editor follows only its owner's work, so when alice labels a span
 * (through the service, as the REST API does, or in her editor) bob's open editor is never told, while alice's second
 * window and a curator's view are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnnotatorsStayBlindLiveTest {

    @Autowired
    LiveDocuments live;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;

    @Test
    void anotherAnnotatorsChangeIsNeverToldToAnOpenEditor() {
        Actor alice = users.findActor("alice").orElseThrow();
        long doc = corpus.listDocuments(alice, TestUsers.SEED_PROJECT).get(2).id();
        AtomicInteger bobTold = new AtomicInteger();
        AtomicInteger aliceTold = new AtomicInteger();
        AtomicInteger curatorTold = new AtomicInteger();
        Object bobsEditor = new Object();
        var bob = live.follow(doc, "bob", bobsEditor, bobTold::incrementAndGet);
        var aliceSecondWindow = live.follow(doc, "alice", new Object(), aliceTold::incrementAndGet);
        var curator = live.follow(doc, null, new Object(), curatorTold::incrementAndGet);
        try {
            // the hub starts reading the audit trail when someone follows: let it find its place first
            await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> true);
            var span = annotations.createSpan(alice, TestUsers.SEED_PROJECT, doc, 0, 5, "CLAIM");
            await().atMost(Duration.ofSeconds(10)).until(() -> aliceTold.get() > 0 && curatorTold.get() > 0);
            // an editor of alice's says it changed her work, right away
            live.changed(doc, "alice", new Object());
            await().atMost(Duration.ofSeconds(10)).until(() -> aliceTold.get() > 1);
            annotations.deleteSpan(alice, TestUsers.SEED_PROJECT, new DocumentId(doc), new SpanId(span.id()));
            await().atMost(Duration.ofSeconds(10)).until(() -> aliceTold.get() > 2 && curatorTold.get() > 1);
            assertThat(bobTold.get()).as("bob's editor was never told about alice's work").isZero();
        } finally {
            bob.remove();
            aliceSecondWindow.remove();
            curator.remove();
        }
    }
}
