package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.ConflictException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fifty annotators label the same documents at the same time through the service layer (what the UI and
 * the REST API call): each creates spans and triples, deletes some of them again, and in the end every
 * annotator's spans are exactly what they should be: no lost update, no deadlock, no error. Runs on H2 and,
 * in the "postgres" Surefire execution, on PostgreSQL.
 */
@Tag("slow") // about 14 s on two cores: integration phase (decision 028)
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentAnnotatorsTest {

    static final int ANNOTATORS = 50;
    static final int SPANS_EACH = 24;

    @Autowired
    AnnotationService annotations;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    ProjectSetupService setup;
    @Autowired
    JdbcTemplate jdbc;

    final List<Actor> annotators = new ArrayList<>();
    List<Long> documents;
    long projectId;
    String slug;

    @BeforeAll
    void createTeam() {
        // a project of its own (no assignments: every member annotates every document), so that no other test's
        // view of the seed project changes
        slug = "concurrency-" + System.nanoTime();
        projectId = setup.createProject(slug, "Concurrency", null, null, List.of(
                new LabelInfo("CLAIM", "Claim", "1", "#0072B2", LabelKind.CONTENT),
                new LabelInfo("SOURCE", "Source", "2", "#E69F00", LabelKind.SOURCE),
                new LabelInfo("ATTRIBUTION", "Attribution", "3", "#009E73", LabelKind.CUE)));
        for (int d = 0; d < 5; d++) {
            setup.importDocument(projectId, "doc" + d + ".txt", ("Document " + d + ": the police said that eight"
                    + " officers were killed and hundreds were wounded in the unrest. ").repeat(20), Map.of());
        }
        for (int i = 0; i < ANNOTATORS; i++) {
            String name = "team" + i;
            String password = "password-" + i;
            var user = users.findUser(name).orElseGet(() -> users.create(name, "Team member " + name, password,
                    Role.ANNOTATOR));
            setup.addMember(projectId, user.getId(), ProjectRole.ANNOTATOR);
            annotators.add(users.findActor(name).orElseThrow());
        }
        documents = corpus.listDocuments(annotators.get(0), slug).stream().map(d -> d.id()).toList();
    }

    @Test
    void fiftyAnnotatorsCreateAndDeleteAtOnceAndNothingIsLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ANNOTATORS);
        CountDownLatch start = new CountDownLatch(1);
        Map<Long, Set<String>> expected = new ConcurrentHashMap<>();
        AtomicInteger operations = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int a = 0; a < ANNOTATORS; a++) {
            Actor actor = annotators.get(a);
            int seed = a;
            work.add(pool.submit(() -> {
                start.await();
                Set<String> mine = new TreeSet<>();
                for (int i = 0; i < SPANS_EACH; i++) {
                    // every annotator works on every document; offsets overlap between annotators on purpose
                    long doc = documents.get((seed + i) % documents.size());
                    int s = 10 * i + seed % 7;
                    SpanInfo claim = annotations.createSpan(actor, slug, doc, s, s + 12, "CLAIM");
                    SpanInfo source = annotations.createSpan(actor, slug, doc, s + 20, s + 25, "SOURCE");
                    AttributionInfo triple = annotations.createAttribution(actor, slug, doc, source.id(), null,
                            claim.id());
                    operations.addAndGet(3);
                    if (i % 3 == 0) {
                        annotations.deleteSpan(actor, slug, doc, source.id()); // takes the triple with it
                        operations.incrementAndGet();
                        mine.add(doc + ":" + s + "-" + (s + 12) + ":CLAIM");
                    } else if (i % 3 == 1) {
                        annotations.deleteAttribution(actor, slug, doc, triple.id());
                        annotations.deleteSpan(actor, slug, doc, claim.id());
                        operations.addAndGet(2);
                        mine.add(doc + ":" + (s + 20) + "-" + (s + 25) + ":SOURCE");
                    } else {
                        mine.add(doc + ":" + s + "-" + (s + 12) + ":CLAIM");
                        mine.add(doc + ":" + (s + 20) + "-" + (s + 25) + ":SOURCE");
                        mine.add(doc + ":triple:" + (s + 20) + "-" + (s + 25) + "->" + s + "-" + (s + 12));
                    }
                }
                expected.put(actor.userId(), mine);
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : work) {
            f.get(5, TimeUnit.MINUTES); // a deadlock or an error fails here
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("concurrency: %d annotators, %d operations in %.1f s, 0 errors%n", ANNOTATORS,
                operations.get(), seconds);

        for (Actor actor : annotators) {
            Set<String> actual = new TreeSet<>();
            for (long doc : documents) {
                Map<Long, SpanInfo> byId = new HashMap<>();
                for (SpanInfo span : annotations.listMySpans(actor, slug, doc)) {
                    byId.put(span.id(), span);
                    actual.add(doc + ":" + span.start() + "-" + span.end() + ":" + span.label());
                }
                for (AttributionInfo t : annotations.listMyAttributions(actor, slug, doc)) {
                    SpanInfo source = byId.get(t.source());
                    SpanInfo content = byId.get(t.content());
                    assertThat(source).as("source of triple %s", t.id()).isNotNull();
                    assertThat(content).as("content of triple %s", t.id()).isNotNull();
                    actual.add(doc + ":triple:" + source.start() + "-" + source.end() + "->" + content.start() + "-"
                            + content.end());
                }
            }
            assertThat(actual).as("spans of %s", actor.username()).isEqualTo(expected.get(actor.userId()));
        }
        int spansLeft = ANNOTATORS * (SPANS_EACH / 3) * 4;
        assertThat(jdbc.queryForObject("select count(*) from span s join document d on d.id = s.document_id"
                + " where d.project_id = ?", Integer.class, projectId)).isEqualTo(spansLeft);
    }

    @Test
    void theSameSpanCreatedTwiceAtOnceIsStoredOnceAndTheOthersGetAConflict() throws Exception {
        Actor actor = annotators.get(0);
        long doc = documents.get(0);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    annotations.createSpan(actor, slug, doc, 900, 913, "ATTRIBUTION");
                    return "created";
                } catch (ConflictException e) {
                    return "conflict";
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(1, TimeUnit.MINUTES)); // any other exception fails the test
        }
        pool.shutdown();
        assertThat(Collections.frequency(outcomes, "created")).isEqualTo(1);
        assertThat(Collections.frequency(outcomes, "conflict")).isEqualTo(threads - 1);
        assertThat(annotations.listMySpans(actor, slug, doc)).filteredOn(s -> s.start() == 900 && s.end() == 913)
                .hasSize(1);
    }
}
