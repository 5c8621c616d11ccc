package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.factspan.ApiClient;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.SpanInfo;
import org.factspan.claims.ClaimService;
import org.factspan.claims.ClaimViews;
import org.factspan.corpus.AssignmentService;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectAdminService;
import org.factspan.corpus.ProjectRole;
import org.factspan.curation.CurationService;
import org.factspan.curation.MergeOptions;
import org.factspan.security.Actor;
import org.factspan.security.ApiTokenService;
import org.factspan.security.Role;
import org.factspan.security.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.factspan.corpus.DocumentId;
import org.factspan.base.Version;

/**
 * "Conflicts are 404/409, never 500, for every concurrent write on one row" (issue 13, decision 016): twenty requests
 * at once change or delete the same row, round after round, for every write endpoint on one row (spans, their
 * attributes, triples, the gold standard, curation rejections and status, claim clusters and members, assignments,
 * labels, members, projects, users, passwords, tokens, recommender switches). Every answer must be 2xx, 404 or 409.
 * Before the fix, concurrent DELETEs and PATCHes of one span answered 500 (ObjectOptimisticLockingFailureException).
 * Runs on H2 and, in the "postgres" Surefire execution, on PostgreSQL; {@value #ROUNDS} rounds of {@value #PARALLEL}
 * calls per endpoint group, at most {@value #SECONDS} s each.
 */
@Tag("slow") // about 34 s on two cores: integration phase (decision 028)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentRowWritesTest {

    static final int PARALLEL = 20;
    static final int ROUNDS = 10;
    static final int SECONDS = 90;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CurationService curation;
    @Autowired
    ClaimService claims;
    @Autowired
    AssignmentService assignments;
    @Autowired
    ProjectAdminService projects;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;

    final AtomicInteger nextOffset = new AtomicInteger();
    final List<String> summaries = new ArrayList<>();
    FreshProject p;
    Race.Http http;
    String annotator;
    String annotator2;
    String curator;
    String admin;
    String P;
    long doc;
    String docs;

    @BeforeAll
    void project() {
        p = data.fresh("rows");
        http = new Race.Http(port);
        annotator = "Bearer " + tokens.create(p.annotator, "race").token();
        annotator2 = "Bearer " + tokens.create(p.annotator2, "race").token();
        curator = "Bearer " + tokens.create(p.curator, "race").token();
        admin = ApiClient.basic("admin");
        P = "/api/v1/projects/" + p.slug;
        doc = p.document("000_e2f29e929665aa3d.txt");
        docs = P + "/documents/" + doc;
        // both annotators work on every document (the assignment race changes one document's assignments only)
        for (long d : p.documentIds()) {
            p.assign(d, p.annotator, p.annotator2);
        }
    }

    @AfterAll
    void report() {
        summaries.forEach(System.out::println);
    }

    Race race(String name) {
        return new Race(name, PARALLEL, ROUNDS, Duration.ofSeconds(SECONDS));
    }

    void finish(Race race) {
        summaries.add(race.summary());
        System.out.println(race.summary());
        assertThat(race.failures()).as(race.summary()).isEmpty();
        assertThat(race.rounds()).isPositive();
    }

    SpanInfo span(Actor who, long document, String label) {
        int at = nextOffset.getAndAdd(2);
        return annotations.createSpan(who, p.slug, document, at, at + 6, label);
    }

    /** {@code n} calls made by {@code factory} (given their index), for one round. */
    @SuppressWarnings("unchecked")
    static Callable<Integer>[] calls(int n, java.util.function.IntFunction<Callable<Integer>> factory) {
        Callable<Integer>[] out = new Callable[n];
        for (int i = 0; i < n; i++) {
            out[i] = factory.apply(i);
        }
        return out;
    }

    @Test
    void oneSpan() throws Exception {
        try (Race race = race("span: PATCH, PUT/DELETE attribute and DELETE of one span")) {
            while (race.more()) {
                String path = docs + "/spans/" + span(p.annotator, doc, "CLAIM").id();
                int kind = race.rounds() % 3;
                race.round(calls(PARALLEL, i -> i % 2 == 0 ? http.call(race, "DELETE", path, annotator, null)
                        : kind == 0 ? http.call(race, "PATCH", path, annotator, "{\"label\":\"SOURCE\"}")
                        : kind == 1 ? http.call(race, "PUT", path + "/attributes/note", annotator,
                                "{\"value\":\"n" + i + "\"}")
                        : http.call(race, "DELETE", path + "/attributes/note", annotator, null)));
            }
            finish(race);
        }
    }

    @Test
    void oneTriple() throws Exception {
        try (Race race = race("attribution: DELETE of one triple")) {
            while (race.more()) {
                AttributionInfo t = annotations.createAttribution(p.annotator, p.slug, doc,
                        span(p.annotator, doc, "SOURCE").id(), null, span(p.annotator, doc, "CLAIM").id());
                race.round(calls(PARALLEL, i -> http.call(race, "DELETE", docs + "/attributions/" + t.id(), annotator,
                        null)));
            }
            finish(race);
        }
    }

    @Test
    void oneGoldSpanAndTheCurationState() throws Exception {
        long gdoc = p.document("001_df33a49b151eb0e2.txt");
        String g = P + "/documents/" + gdoc;
        long version = curation.open(p.curator, p.slug, gdoc, MergeOptions.unanimous(), false).version();
        try (Race race = race("gold: PATCH, PUT attribute, DELETE of one gold span; curated; rejections")) {
            while (race.more()) {
                int at = nextOffset.getAndAdd(2);
                var created = curation.createGoldSpan(p.curator, p.slug, new DocumentId(gdoc), new Version(version), at, at + 6, "CLAIM", Map.of());
                long v = created.version();
                String path = g + "/gold/spans/" + created.value().id();
                long annotators = span(p.annotator, gdoc, "CLAIM").id();
                String rejection = g + "/curation/rejections/spans/" + annotators;
                race.round(calls(PARALLEL, i -> switch (i % 5) {
                    case 0 -> http.call(race, "PATCH", path + "?version=" + v, curator, "{\"label\":\"SOURCE\"}");
                    case 1 -> http.call(race, "PUT", path + "/attributes/note?version=" + v, curator,
                            "{\"value\":\"x\"}");
                    case 2 -> http.call(race, "DELETE", path + "?version=" + v, curator, null);
                    case 3 -> http.call(race, i % 2 == 0 ? "PUT" : "DELETE", rejection, curator, null);
                    default -> http.call(race, "POST", g + "/curation/curated?version=" + v, curator, null);
                }));
                version = curation.read(p.curator, p.slug, gdoc, false).version();
                if (curation.read(p.curator, p.slug, gdoc, false).status().name().equals("CURATED")) {
                    version = curation.reopen(p.curator, p.slug, new DocumentId(gdoc), new Version(version));
                }
            }
            finish(race);
        }
    }

    @Test
    void oneClaimClusterAndItsMembers() throws Exception {
        long cdoc = p.document("002_7de7c1baf47c190f.txt");
        String clusters = P + "/claims/clusters";
        try (Race race = race("claims: PUT, DELETE of one cluster; POST, PUT, DELETE of one member")) {
            while (race.more()) {
                ClaimViews.Cluster c = claims.create(p.curator, p.slug, "Statement " + race.rounds(),
                        List.of(span(p.annotator, cdoc, "CLAIM").id()));
                long member = c.members().get(0).id();
                long another = span(p.annotator, cdoc, "CLAIM").id();
                String path = clusters + "/" + c.id();
                race.round(calls(PARALLEL, i -> switch (i % 6) {
                    case 0 -> http.call(race, "PUT", path, curator, "{\"statement\":\"Renamed " + i + "\"}");
                    case 1 -> http.call(race, "DELETE", path, curator, null);
                    case 2 -> http.call(race, "POST", path + "/members", curator, "{\"span\":" + another + "}");
                    case 3 -> http.call(race, "PUT", path + "/members/" + member, curator,
                            "{\"stance\":\"" + (i % 4 == 3 ? "conflicts" : "agrees") + "\"}");
                    case 4 -> http.call(race, "DELETE", path + "/members/" + member, curator, null);
                    default -> http.call(race, "PUT", path + "?version=" + c.version(), curator,
                            "{\"statement\":\"Versioned " + i + "\"}");
                }));
            }
            finish(race);
        }
    }

    @Test
    void oneAssignment() throws Exception {
        long adoc = p.document("003_e83fa0ec37095518.txt");
        String a = P + "/documents/" + adoc + "/assignees/";
        String one = p.annotator.username();
        String two = p.annotator2.username();
        try (Race race = race("assignments: PUT, DELETE, reassign, reopen, finish of one assignment")) {
            while (race.more()) {
                assignments.assignments(p.curator, p.slug).stream().filter(x -> x.documentId() == adoc)
                        .forEach(x -> assignments.unassign(p.curator, p.slug, adoc, x.username()));
                assignments.assign(p.curator, p.slug, adoc, one);
                race.round(calls(PARALLEL, i -> switch (i % 5) {
                    case 0 -> http.call(race, "PUT", a + one, curator, null);
                    case 1 -> http.call(race, "DELETE", a + one, curator, null);
                    case 2 -> http.call(race, "POST", a + one + "/reassign", curator, "{\"to\":\"" + two + "\"}");
                    case 3 -> http.call(race, "POST", a + one + "/reopen", curator, null);
                    // finishing a document whose assignment is just gone: refused as without a race (400 or 403)
                    default -> http.call(race, "POST", P + "/documents/" + adoc + "/finish", annotator, null,
                            java.util.Set.of(400, 403));
                }));
            }
            finish(race);
        }
    }

    @Test
    void oneLabelOneMemberOneRecommender() throws Exception {
        Actor user = data.user("rows-member-" + System.nanoTime(), "Row member", TestUsers.DEMO_PASSWORD,
                Role.ANNOTATOR);
        // a project of its own: on main, concurrent schema changes lost the attributes of other labels
        FreshProject p = data.fresh("rowsschema");
        String P = "/api/v1/projects/" + p.slug;
        String curator = "Bearer " + tokens.create(p.curator, "race").token();
        Actor admin = users.findActor("admin").orElseThrow();
        try (Race race = race("project: PUT, DELETE of one label; PUT, DELETE of one member; PUT recommender")) {
            while (race.more()) {
                String name = "RACE";
                projects.saveLabel(p.curator, p.slug, new LabelInfo(name, "Race", "9", "#123456", LabelKind.SPAN));
                p.join(user, ProjectRole.ANNOTATOR);
                race.round(calls(PARALLEL, i -> switch (i % 5) {
                    case 0 -> http.call(race, "PUT", P + "/labels/" + name, this.admin, "{\"title\":\"Title " + i
                            + "\",\"key\":\"9\",\"color\":\"#654321\",\"kind\":\"SPAN\"}");
                    case 1 -> http.call(race, "DELETE", P + "/labels/" + name, this.admin, null);
                    case 2 -> http.call(race, "PUT", P + "/members/" + user.username(), this.admin,
                            "{\"role\":\"" + (i % 2 == 0 ? "CURATOR" : "ANNOTATOR") + "\"}");
                    case 3 -> http.call(race, "DELETE", P + "/members/" + user.username(), this.admin, null);
                    default -> http.call(race, "PUT", P + "/recommenders/patterns", curator,
                            "{\"enabled\":" + (i % 2 == 0) + "}");
                }));
                if (race.rounds() < ROUNDS) {
                    projects.members(p.curator, p.slug).stream().filter(m -> m.username().equals(user.username()))
                            .findFirst().ifPresent(m -> projects.removeMember(admin, p.slug, user.username()));
                }
            }
            finish(race);
        }
        // no schema change worked on a schema another had just replaced (the other labels keep their attributes)
        assertThat(corpus.requireProject(admin, p.slug).label("CLAIM").orElseThrow().attributes())
                .extracting(org.factspan.corpus.AttributeDef::name).containsExactly("verdict", "check-worthy", "note");
    }

    @Test
    void oneProject() throws Exception {
        try (Race race = race("projects: PUT, DELETE of one project")) {
            while (race.more()) {
                String slug = "rows-project-" + System.nanoTime();
                data.project(slug).name("Doomed " + slug).labels(TestData.claimOnly()).build();
                String path = "/api/v1/projects/" + slug;
                race.round(calls(PARALLEL, i -> i % 2 == 0
                        ? http.call(race, "PUT", path, admin, "{\"description\":\"Changed " + i + "\"}")
                        : http.call(race, "DELETE", path + "?confirm=Doomed%20" + slug, admin, null)));
            }
            finish(race);
        }
    }

    @Test
    void oneUserAndOneToken() throws Exception {
        String name = "rows-user-" + System.nanoTime();
        Actor owner = data.user(name, "Row user", TestUsers.DEMO_PASSWORD, Role.ANNOTATOR);
        String basicOwner = ApiClient.basic(name, TestUsers.DEMO_PASSWORD);
        try (Race race = race("users: PATCH, PUT password of one user; DELETE of one token")) {
            while (race.more()) {
                long token = tokens.create(owner, "doomed " + race.rounds()).info().id();
                race.round(calls(PARALLEL, i -> switch (i % 3) {
                    case 0 -> http.call(race, "PATCH", "/api/v1/users/" + name, admin,
                            "{\"displayName\":\"Row user " + i + "\"}");
                    case 1 -> http.call(race, "PUT", "/api/v1/users/" + name + "/password", admin,
                            "{\"password\":\"" + TestUsers.DEMO_PASSWORD + "\"}");
                    default -> http.call(race, "DELETE", "/api/v1/me/tokens/" + token, basicOwner, null);
                }));
            }
            finish(race);
        }
    }
}
