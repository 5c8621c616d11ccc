package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.factspan.TestData;
import org.factspan.TestUsers;
import org.factspan.claims.ClaimService;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ui.ProjectsView;
import org.factspan.curation.CurationService;
import org.factspan.security.RouteAccess.Access;
import org.factspan.security.ui.LoginView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The role matrix of the Vaadin routes: every {@code @Route} of the application, opened by an annotator of the
 * project, an annotator of another project, a curator of the project and an admin (browserless, logged in through
 * Spring Security). An allowed user gets the view; a refused one the "not found" page. Anonymous users are sent to
 * the login page by Spring Security before any view runs: {@link RoleMatrixRestTest} checks that over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixRoutesTest extends SpringBrowserlessTest {

    static final String CURATOR = "matrix-ui-curator";
    static final String ANNOTATOR = "matrix-ui-annotator";
    static final String ANNOTATOR2 = "matrix-ui-annotator2";
    static final String SPARE = "matrix-ui-spare";
    static final String OUTSIDER = "matrix-ui-outsider";

    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;
    @Autowired
    CurationService curation;
    @Autowired
    ClaimService claims;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserService users;

    MatrixWorld w;
    static int cells;

    @BeforeAll
    void world() {
        for (String name : List.of(CURATOR, ANNOTATOR, ANNOTATOR2, SPARE, OUTSIDER)) {
            data.userOnce(name, name, TestUsers.DEMO_PASSWORD, name.equals(CURATOR) ? Role.CURATOR : Role.ANNOTATOR);
        }
        w = new MatrixWorld("ui", new MatrixWorld.Services(data, curation, claims, tokens),
                new MatrixWorld.Team(actor(CURATOR), actor(ANNOTATOR), actor(ANNOTATOR2), actor(SPARE),
                        actor("admin")));
        // the outsider annotates in a project of their own
        data.project(w.slug + "-elsewhere").name("Elsewhere " + w.slug).member(OUTSIDER, ProjectRole.ANNOTATOR).build();
    }

    Actor actor(String name) {
        return users.findActor(name).orElseThrow();
    }

    @Test
    void everyRouteIsClassified() {
        Set<String> found = new TreeSet<>();
        List<String> unclassified = new ArrayList<>();
        for (RouteAccess.RouteInfo r : RouteAccess.routes()) {
            found.add(r.template());
            if (!RouteAccess.ACCESS.containsKey(r.template())) {
                unclassified.add(r.template() + " (" + r.view().getName() + ")");
            }
        }
        assertThat(found).as("routes found").hasSizeGreaterThan(15);
        assertThat(unclassified).as("Routes nobody has classified: add each to RouteAccess.ACCESS with who may open"
                + " it, and document it in decision 014").isEmpty();
        Set<String> stale = new TreeSet<>(RouteAccess.ACCESS.keySet());
        stale.removeAll(found);
        assertThat(stale).as("classified routes that no longer exist: remove them from RouteAccess.ACCESS").isEmpty();
    }

    @Test
    @WithUserDetails(ANNOTATOR)
    void anAnnotatorOfTheProject() {
        check(ANNOTATOR, Set.of(Access.PUBLIC, Access.ANY_USER, Access.PROJECT_MEMBER));
    }

    @Test
    @WithUserDetails(OUTSIDER)
    void anAnnotatorOfAnotherProject() {
        check(OUTSIDER, Set.of(Access.PUBLIC, Access.ANY_USER));
    }

    @Test
    @WithUserDetails(CURATOR)
    void aCuratorOfTheProject() {
        check(CURATOR, Set.of(Access.PUBLIC, Access.ANY_USER, Access.PROJECT_MEMBER, Access.PROJECT_CURATOR));
    }

    @Test
    @WithUserDetails("admin")
    void anAdmin() {
        check("admin", Set.of(Access.values()));
    }

    /** Opens every route as the logged-in user; {@code allowed} are the access classes they pass. */
    void check(String who, Set<Access> allowed) {
        List<String> failures = new ArrayList<>();
        for (RouteAccess.RouteInfo route : RouteAccess.routes()) {
            Access access = RouteAccess.ACCESS.get(route.template());
            if (access == null) {
                continue; // everyRouteIsClassified says so
            }
            String url = RouteAccess.url(route.template(), w);
            Component shown = navigate(url, Component.class);
            cells++;
            String what = who + " /" + url + " [" + access + "]: shows " + shown.getClass().getSimpleName();
            if (access == Access.PUBLIC) {
                // the login page: logged-in users may see it too (it only offers to log in again)
                if (!(shown instanceof LoginView || shown instanceof ProjectsView)) {
                    failures.add(what);
                }
            } else if (allowed.contains(access)) {
                if (!route.view().isInstance(shown)) {
                    failures.add("allowed, but " + what);
                }
            } else if (route.view().isInstance(shown) || !shown.getClass().getSimpleName().contains("NotFound")) {
                failures.add("refused, but " + what);
            }
        }
        System.out.printf("role matrix (routes): %s opened %d routes (%d route cells so far)%n", who,
                RouteAccess.ACCESS.size(), cells);
        assertThat(failures).isEmpty();
    }
}
