package org.factspan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factspan.ApiClient;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.AnnotationService;
import org.factspan.claims.ClaimService;
import org.factspan.corpus.CorpusService;
import org.factspan.curation.CurationService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role matrix of the REST API (issue 8, "No leaks"): every endpoint the application maps, found in Spring's
 * handler mappings (so a new endpoint cannot be forgotten: it fails here until it is classified in {@link #ACCESS}),
 * called by each role: anonymous, an annotator of the project, an annotator of another project, a curator of the
 * project and an admin. Path variables are filled with real ids of a {@link MatrixWorld}.
 * <ul>
 * <li>anonymous: {@code 401} everywhere under {@code /api/**};</li>
 * <li>a refused role: {@code 403}, or {@code 404} where the path names something of one's own ({@code /me/...}:
 * another user's token does not exist for you); and the database is exactly as before;</li>
 * <li>an allowed role: anything but {@code 401}/{@code 403} (a {@code 400}/{@code 404}/{@code 409} passed the
 * permission check), and never {@code 405}/{@code 415}/{@code 5xx}, which would mean the request did not reach the
 * endpoint or broke it.</li>
 * </ul>
 * Named *RestTest, not *ApiTest: it makes some 600 requests with bcrypt logins, so it runs on H2 only.
 */
@Tag("slow") // about 50 s on two cores: integration phase (decision 028)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixRestTest {

    /** Who calls. */
    enum Caller {
        ANONYMOUS, ANNOTATOR, OUTSIDER, CURATOR, ADMIN
    }

    /** What a refused caller gets. */
    enum Refusal {
        UNAUTHORIZED_401, FORBIDDEN_403, HIDDEN_404
    }

    /**
     * Who may call an endpoint (docs/rest-api.md, "Who may call what"; decision 014). "The project" is the one in the path.
     */
    enum Access {
        /** Any logged-in user (about themselves, or what they may see). */
        ANY_USER,
        /** Any logged-in user, on something of their own named in {@code /me/...}; another's id answers 404. */
        OWN_UNDER_ME,
        /** Members of the project (annotators, curators) and admins; the results are what the caller may see. */
        PROJECT_MEMBER,
        /** Curators of the project and admins. */
        PROJECT_CURATOR,
        /** Only the annotator who owns the span or attribution in the path: not the curator, not an admin. */
        OWNER,
        /** Admins only. */
        ADMIN;

        /** Empty when {@code caller} may call; otherwise what they get. */
        java.util.Optional<Refusal> refusal(Caller caller) {
            if (caller == Caller.ANONYMOUS) {
                return java.util.Optional.of(Refusal.UNAUTHORIZED_401);
            }
            boolean allowed = switch (this) {
                case ANY_USER -> true;
                case OWN_UNDER_ME -> caller == Caller.ANNOTATOR;
                case PROJECT_MEMBER -> caller != Caller.OUTSIDER;
                case PROJECT_CURATOR -> caller == Caller.CURATOR || caller == Caller.ADMIN;
                case OWNER -> caller == Caller.ANNOTATOR;
                case ADMIN -> caller == Caller.ADMIN;
            };
            if (allowed) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(this == OWN_UNDER_ME ? Refusal.HIDDEN_404 : Refusal.FORBIDDEN_403);
        }
    }

    static final String P = "/api/v1/projects/{slug}";
    static final String DOC = P + "/documents/{documentId}";

    /** Every endpoint (method and path pattern as Spring maps it) and who may call it. Keep docs/rest-api.md and 014 in step. */
    static final Map<String, Access> ACCESS = new LinkedHashMap<>();

    static {
        // you
        a("GET /api/v1/me", Access.ANY_USER);
        a("PUT /api/v1/me/password", Access.ANY_USER);
        a("GET /api/v1/me/tokens", Access.ANY_USER);
        a("POST /api/v1/me/tokens", Access.ANY_USER);
        a("DELETE /api/v1/me/tokens/{id}", Access.OWN_UNDER_ME);
        a("GET /api/v1/projects", Access.ANY_USER);
        // admins
        a("GET /api/v1/users", Access.ADMIN);
        a("POST /api/v1/users", Access.ADMIN);
        a("GET /api/v1/users/{username}", Access.ADMIN);
        a("PATCH /api/v1/users/{username}", Access.ADMIN);
        a("PUT /api/v1/users/{username}/password", Access.ADMIN);
        a("GET /api/v1/users/{username}/tokens", Access.ADMIN);
        a("DELETE /api/v1/users/{username}/tokens", Access.ADMIN);
        a("DELETE /api/v1/users/{username}/tokens/{id}", Access.ADMIN);
        a("POST /api/v1/admin/backups", Access.ADMIN);
        a("GET /api/v1/admin/backups", Access.ADMIN);
        a("GET /api/v1/admin/backups/{name}", Access.ADMIN);
        a("POST /api/v1/search/rebuild", Access.ADMIN);
        a("POST /api/v1/projects", Access.ADMIN);
        a("DELETE " + P, Access.ADMIN);
        a("PUT " + P + "/members/{username}", Access.ADMIN);
        a("DELETE " + P + "/members/{username}", Access.ADMIN);
        // a project: reading, one's own annotations, search, suggestions, export
        a("GET " + P, Access.PROJECT_MEMBER);
        a("GET " + P + "/documents", Access.PROJECT_MEMBER);
        a("GET " + DOC + "/text", Access.PROJECT_MEMBER);
        a("GET " + DOC + "/spans", Access.PROJECT_MEMBER);
        a("POST " + DOC + "/spans", Access.PROJECT_MEMBER);
        a("PATCH " + DOC + "/spans/{spanId}", Access.OWNER);
        a("DELETE " + DOC + "/spans/{spanId}", Access.OWNER);
        a("PUT " + DOC + "/spans/{spanId}/attributes/{name}", Access.OWNER);
        a("DELETE " + DOC + "/spans/{spanId}/attributes/{name}", Access.OWNER);
        a("GET " + DOC + "/attributions", Access.PROJECT_MEMBER);
        a("POST " + DOC + "/attributions", Access.PROJECT_MEMBER);
        a("DELETE " + DOC + "/attributions/{attributionId}", Access.OWNER);
        a("GET " + DOC + "/history", Access.PROJECT_MEMBER);
        a("GET " + DOC + "/spans/{spanId}/history", Access.PROJECT_MEMBER);
        a("GET " + P + "/assignments/mine", Access.PROJECT_MEMBER);
        a("GET " + P + "/assignments/next", Access.PROJECT_MEMBER);
        a("POST " + DOC + "/finish", Access.PROJECT_MEMBER);
        a("GET " + P + "/search", Access.PROJECT_MEMBER);
        a("GET " + P + "/search/options", Access.PROJECT_MEMBER);
        a("GET " + DOC + "/suggestions", Access.PROJECT_MEMBER);
        a("POST " + DOC + "/suggestions/accept", Access.PROJECT_MEMBER);
        a("POST " + DOC + "/suggestions/reject", Access.PROJECT_MEMBER);
        a("GET " + P + "/recommenders", Access.PROJECT_MEMBER);
        a("GET " + P + "/export", Access.PROJECT_MEMBER);
        a("POST " + P + "/annotations", Access.PROJECT_MEMBER);
        a("GET " + P + "/claims/clusters", Access.PROJECT_MEMBER);
        a("GET " + P + "/claims/clusters/{id}", Access.PROJECT_MEMBER);
        a("GET " + P + "/claims/clusters/{id}/history", Access.PROJECT_MEMBER);
        a("GET " + P + "/claims/clusters/{id}/timeline", Access.PROJECT_MEMBER);
        a("GET " + P + "/claims/clusters/{id}/timeline.svg", Access.PROJECT_MEMBER);
        a("GET " + P + "/claims/clusters/{id}/claimreview", Access.PROJECT_MEMBER);
        // a project: curators and admins
        a("PUT " + P, Access.PROJECT_CURATOR);
        a("GET " + P + "/members", Access.PROJECT_CURATOR);
        a("GET " + P + "/labels/{label}/usage", Access.PROJECT_CURATOR);
        a("PUT " + P + "/labels/{label}", Access.PROJECT_CURATOR);
        a("DELETE " + P + "/labels/{label}", Access.PROJECT_CURATOR);
        a("POST " + P + "/documents", Access.PROJECT_CURATOR);
        a("GET " + P + "/assignments", Access.PROJECT_CURATOR);
        a("POST " + P + "/assignments/auto", Access.PROJECT_CURATOR);
        a("PUT " + DOC + "/assignees/{username}", Access.PROJECT_CURATOR);
        a("DELETE " + DOC + "/assignees/{username}", Access.PROJECT_CURATOR);
        a("POST " + DOC + "/assignees/{username}/reassign", Access.PROJECT_CURATOR);
        a("POST " + DOC + "/assignees/{username}/reopen", Access.PROJECT_CURATOR);
        a("GET " + P + "/progress", Access.PROJECT_CURATOR);
        a("GET " + P + "/agreement", Access.PROJECT_CURATOR);
        a("PUT " + P + "/recommenders/{id}", Access.PROJECT_CURATOR);
        a("POST " + P + "/recommenders/evaluation", Access.PROJECT_CURATOR);
        a("GET " + P + "/recommenders/evaluation", Access.PROJECT_CURATOR);
        a("GET " + DOC + "/curation", Access.PROJECT_CURATOR);
        a("POST " + DOC + "/curation", Access.PROJECT_CURATOR);
        a("POST " + DOC + "/curation/merge", Access.PROJECT_CURATOR);
        a("POST " + DOC + "/curation/accept", Access.PROJECT_CURATOR);
        a("PUT " + DOC + "/curation/rejections/spans/{spanId}", Access.PROJECT_CURATOR);
        a("DELETE " + DOC + "/curation/rejections/spans/{spanId}", Access.PROJECT_CURATOR);
        a("PUT " + DOC + "/curation/rejections/attributions/{attributionId}", Access.PROJECT_CURATOR);
        a("DELETE " + DOC + "/curation/rejections/attributions/{attributionId}", Access.PROJECT_CURATOR);
        a("POST " + DOC + "/curation/curated", Access.PROJECT_CURATOR);
        a("DELETE " + DOC + "/curation/curated", Access.PROJECT_CURATOR);
        a("GET " + DOC + "/gold/spans", Access.PROJECT_CURATOR);
        a("POST " + DOC + "/gold/spans", Access.PROJECT_CURATOR);
        a("PATCH " + DOC + "/gold/spans/{spanId}", Access.PROJECT_CURATOR);
        a("DELETE " + DOC + "/gold/spans/{spanId}", Access.PROJECT_CURATOR);
        a("PUT " + DOC + "/gold/spans/{spanId}/attributes/{name}", Access.PROJECT_CURATOR);
        a("DELETE " + DOC + "/gold/spans/{spanId}/attributes/{name}", Access.PROJECT_CURATOR);
        a("GET " + DOC + "/gold/attributions", Access.PROJECT_CURATOR);
        a("POST " + DOC + "/gold/attributions", Access.PROJECT_CURATOR);
        a("DELETE " + DOC + "/gold/attributions/{attributionId}", Access.PROJECT_CURATOR);
        a("GET " + P + "/disagreements", Access.PROJECT_CURATOR);
        a("GET " + P + "/broken-attributions", Access.PROJECT_CURATOR);
        a("DELETE " + DOC + "/broken-attributions/{attributionId}", Access.PROJECT_CURATOR);
        a("POST " + P + "/claims/clusters", Access.PROJECT_CURATOR);
        a("PUT " + P + "/claims/clusters/{id}", Access.PROJECT_CURATOR);
        a("DELETE " + P + "/claims/clusters/{id}", Access.PROJECT_CURATOR);
        a("POST " + P + "/claims/clusters/{id}/members", Access.PROJECT_CURATOR);
        a("PUT " + P + "/claims/clusters/{id}/members/{memberId}", Access.PROJECT_CURATOR);
        a("DELETE " + P + "/claims/clusters/{id}/members/{memberId}", Access.PROJECT_CURATOR);
        a("GET " + P + "/claims/suggestions", Access.PROJECT_CURATOR);
        a("GET " + P + "/claims/spans", Access.PROJECT_CURATOR);
        a("PUT " + P + "/claims/clusters/{id}/verdict", Access.PROJECT_CURATOR);
        a("DELETE " + P + "/claims/clusters/{id}/verdict", Access.PROJECT_CURATOR);
        a("PUT " + P + "/claims/spans/{spanId}/time", Access.PROJECT_CURATOR);
        a("DELETE " + P + "/claims/spans/{spanId}/time", Access.PROJECT_CURATOR);
        a("PUT " + DOC + "/published", Access.PROJECT_CURATOR);
    }

    private static void a(String endpoint, Access access) {
        if (ACCESS.put(endpoint, access) != null) {
            throw new IllegalStateException("Classified twice: " + endpoint);
        }
    }

    /** One handler mapping: a method, a path pattern, and what it consumes (the first type, if it says). */
    record Endpoint(String method, String pattern, String consumes, String handler) {
        String key() {
            return method + " " + pattern;
        }
    }

    /** A request ready to send. */
    record Call(String path, String contentType, byte[] body) {
    }

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CorpusService corpus;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CurationService curation;
    @Autowired
    ClaimService claims;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserService users;

    MatrixWorld.Services services;
    MatrixWorld.Team team;
    Map<Caller, String> names = new LinkedHashMap<>();
    String victim;
    ApiClient api;

    @BeforeAll
    void team() {
        FreshProject base = data.fresh("matrix");
        FreshProject other = data.fresh("elsewhere");
        String spare = (base.slug + "-spare").substring("fresh-".length());
        Actor spareOne = data.user(spare, spare, org.factspan.TestUsers.DEMO_PASSWORD, Role.ANNOTATOR);
        victim = (base.slug + "-victim").substring("fresh-".length());
        data.user(victim, victim, org.factspan.TestUsers.DEMO_PASSWORD, Role.ANNOTATOR);
        services = new MatrixWorld.Services(data, curation, claims, tokens);
        team = new MatrixWorld.Team(base.curator, base.annotator, base.annotator2, spareOne, data.admin());
        names.put(Caller.ANONYMOUS, null);
        names.put(Caller.ANNOTATOR, base.annotator.username());
        names.put(Caller.OUTSIDER, other.annotator.username());
        names.put(Caller.CURATOR, base.curator.username());
        names.put(Caller.ADMIN, "admin");
        api = new ApiClient(port);
    }

    /** Every request mapping of the application's controllers. */
    List<Endpoint> endpoints() {
        List<Endpoint> found = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                if (!e.getValue().getBeanType().getPackageName().startsWith("org.factspan")) {
                    continue;
                }
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                String consumes = e.getKey().getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                        .map(MediaType::toString).orElse(null);
                for (String pattern : e.getKey().getPatternValues()) {
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
                            : methods) {
                        found.add(new Endpoint(method.name(), pattern, consumes, e.getValue().getShortLogMessage()));
                    }
                }
            }
        }
        found.sort(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method)
                .thenComparing(x -> String.valueOf(x.consumes())));
        return found;
    }

    @Test
    void everyEndpointIsClassified() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(90);
        Set<String> mapped = new TreeSet<>();
        List<String> unclassified = new ArrayList<>();
        for (Endpoint e : endpoints) {
            mapped.add(e.key());
            if (!ACCESS.containsKey(e.key())) {
                unclassified.add(e.key() + " (" + e.handler() + ")");
            }
        }
        assertThat(unclassified).as("Endpoints nobody has classified: add each to RoleMatrixRestTest.ACCESS with who"
                + " may call it, and document it in the REST tables of docs/rest-api.md and decision 014").isEmpty();
        Set<String> stale = new TreeSet<>(ACCESS.keySet());
        stale.removeAll(mapped);
        assertThat(stale).as("classified endpoints that no longer exist: remove them from ACCESS").isEmpty();
    }

    @Test
    void everyRoleGetsWhatTheTableSaysOnEveryEndpoint() throws Exception {
        List<String> failures = new ArrayList<>();
        int cells = 0;
        int refused = 0;
        Map<Integer, Integer> allowedStatuses = new java.util.TreeMap<>();
        MatrixWorld w = null;
        for (Endpoint e : endpoints()) {
            Access access = ACCESS.get(e.key());
            if (access == null) {
                continue; // everyEndpointIsClassified says so
            }
            if (w == null) {
                w = new MatrixWorld("m", services, team);
            }
            boolean changes = !e.method().equals("GET");
            // refused callers first, on untouched data; then the allowed ones
            List<Caller> order = new ArrayList<>();
            for (Caller c : Caller.values()) {
                if (access.refusal(c).isPresent()) {
                    order.add(c);
                }
            }
            for (Caller c : Caller.values()) {
                if (access.refusal(c).isEmpty()) {
                    order.add(c);
                }
            }
            for (Caller caller : order) {
                Call call = call(e, w);
                String auth = names.get(caller) == null ? null : ApiClient.basic(names.get(caller));
                var refusal = access.refusal(caller);
                String before = refusal.isPresent() ? fingerprint() : null;
                ApiClient.Reply r = api.send(e.method(), call.path(), auth, call.contentType(), call.body());
                cells++;
                String what = caller + " " + e.method() + " " + call.path() + " [" + access + "]: " + r.status() + " "
                        + abbreviate(r.body());
                if (refusal.isPresent()) {
                    refused++;
                    int expected = switch (refusal.get()) {
                        case UNAUTHORIZED_401 -> 401;
                        case FORBIDDEN_403 -> 403;
                        case HIDDEN_404 -> 404;
                    };
                    if (r.status() != expected) {
                        failures.add("expected " + expected + ": " + what);
                    }
                    if (!fingerprint().equals(before)) {
                        failures.add("the database changed on a refused call: " + what);
                    }
                } else {
                    allowedStatuses.merge(r.status(), 1, Integer::sum);
                    if (r.status() == 401 || r.status() == 403 || r.status() == 405 || r.status() == 415
                            || r.status() >= 500) {
                        failures.add("allowed, but: " + what);
                    }
                }
            }
            if (changes) {
                w = null; // the allowed callers may have changed it: the next endpoint gets a fresh world
            }
        }
        System.out.printf("role matrix (REST): %d endpoints x %d callers = %d cells checked, %d of them refused"
                + " (status and unchanged database checked)%n", cells / Caller.values().length,
                Caller.values().length, cells, refused);
        System.out.println("role matrix (REST): statuses of the allowed calls: " + allowedStatuses);
        assertThat(failures).isEmpty();
    }

    /**
     * Anonymous users and the routes (the other callers: {@link RoleMatrixRoutesTest}): without a session every route
     * but the login page answers a redirect to {@code /login} before any view runs; the login page answers itself.
     */
    @Test
    void withoutASessionEveryRouteButLoginRedirectsToTheLoginPage() throws Exception {
        MatrixWorld w = new MatrixWorld("anon", services, team);
        var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (RouteAccess.RouteInfo route : RouteAccess.routes()) {
            String url = "http://localhost:" + port + "/" + RouteAccess.url(route.template(), w);
            var reply = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            cells++;
            String location = reply.headers().firstValue("Location").orElse("");
            if (RouteAccess.ACCESS.get(route.template()) == RouteAccess.Access.PUBLIC) {
                if (reply.statusCode() != 200) {
                    failures.add(url + ": " + reply.statusCode() + " (a public route)");
                }
            } else if (reply.statusCode() != 302 || !location.endsWith("/login")) {
                failures.add(url + ": " + reply.statusCode() + " " + location);
            } else if (reply.body().contains(w.name) || reply.body().contains(w.slug + "\"")) {
                failures.add(url + ": the redirect carries project data");
            }
        }
        System.out.printf("role matrix (routes): anonymous opened %d routes%n", cells);
        assertThat(cells).isEqualTo(RouteAccess.ACCESS.size());
        assertThat(failures).isEmpty();
    }

    /** The request for one endpoint in one world: path variables filled, and a body and query that are well-formed. */
    Call call(Endpoint e, MatrixWorld w) {
        String p = e.pattern();
        String path = fill(p, w);
        String json = MediaType.APPLICATION_JSON_VALUE;
        String query = "";
        String body = null;
        String method = e.method();
        if (p.contains("/curation/") || p.contains("/gold/")) {
            query = "?version=" + w.version;
        }
        if (p.endsWith("/export")) {
            query = "?format=jsonl";
        } else if (p.endsWith("/annotations")) {
            query = "?format=jsonl";
            body = "{\"id\":" + w.doc + ",\"spans\":[]}";
        } else if (p.endsWith("/claims/suggestions")) {
            query = "?span=" + w.goldClaim;
        } else if (p.equals("/api/**")) {
            path = "/api/v1/no-such-endpoint";
        } else if (p.equals(P) && method.equals("DELETE")) {
            query = "?confirm=" + java.net.URLEncoder.encode(w.name, StandardCharsets.UTF_8);
        }
        if (p.endsWith(P + "/documents") && method.equals("POST")) {
            if (e.consumes() != null && e.consumes().startsWith("multipart")) {
                return multipart(path, "matrix.txt", "A short new text for the role matrix.");
            }
            return new Call(path + "?filename=matrix.txt", "text/plain", bytes("Another new text for the matrix."));
        }
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            if (body == null) {
                body = body(method, p, w);
            }
        }
        return new Call(path + query, body == null ? null : json, body == null ? null : bytes(body));
    }

    /** A well-formed body for each writing endpoint, so that only the permission check can refuse it. */
    String body(String method, String p, MatrixWorld w) {
        if (p.endsWith("/claims/clusters/{id}/verdict")) {
            return "{\"status\":\"consistent\",\"rating\":\"true\",\"explanation\":\"Set by the matrix\"}";
        }
        if (p.endsWith("/claims/spans/{spanId}/time")) {
            return "{\"expression\":\"2022-01-05\"}";
        }
        if (p.endsWith("/published")) {
            return "{\"value\":\"2022-01-05\",\"zone\":\"Asia/Almaty\"}";
        }
        if (p.endsWith("/gold/spans") || p.endsWith("/spans") && !p.contains("/gold/")) {
            return "{\"start\":100,\"end\":110,\"label\":\"CLAIM\"}";
        }
        if (p.endsWith("/spans/{spanId}")) {
            return "{\"label\":\"SOURCE\"}";
        }
        if (p.endsWith("/attributes/{name}")) {
            return "{\"value\":\"supported\"}";
        }
        if (p.endsWith("/gold/attributions")) {
            return "{\"source\":" + w.goldSource + ",\"content\":" + w.goldClaim + "}";
        }
        if (p.endsWith("/attributions")) {
            // a span of nobody's: naming the annotator's own span would be refused to everyone else for that reason
            return "{\"source\":987654320,\"content\":987654321}";
        }
        if (p.endsWith("/suggestions/accept") || p.endsWith("/suggestions/reject")) {
            return "{\"start\":0,\"end\":5,\"label\":\"SOURCE\"}";
        }
        if (p.endsWith("/recommenders/{id}")) {
            return "{\"enabled\":true}";
        }
        if (p.endsWith("/curation") || p.endsWith("/curation/merge")) {
            return "{\"mode\":\"unanimous\"}";
        }
        if (p.endsWith("/curation/accept")) {
            return "{\"what\":\"span\",\"id\":" + w.otherClaim + "}";
        }
        if (p.endsWith("/claims/clusters")) {
            return "{\"statement\":\"Another statement\",\"spans\":[" + w.goldClaim + "]}";
        }
        if (p.endsWith("/claims/clusters/{id}")) {
            return "{\"statement\":\"A better statement\"}";
        }
        if (p.endsWith("/members") && p.contains("/claims/")) {
            return "{\"span\":" + w.goldClaim + "}";
        }
        if (p.endsWith("/members/{memberId}")) {
            return "{\"stance\":\"agrees\"}";
        }
        if (p.endsWith("/members/{username}")) {
            return "{\"role\":\"CURATOR\"}";
        }
        if (p.endsWith("/reassign")) {
            return "{\"to\":\"" + team.annotator2().username() + "\"}";
        }
        if (p.endsWith("/labels/{label}")) {
            return "{\"title\":\"Claim\",\"key\":\"1\",\"letter\":\"c\",\"color\":\"#0072B2\",\"kind\":\"CONTENT\","
                    + "\"attributes\":[]}";
        }
        if (p.equals(P)) {
            return "{\"description\":\"Changed by the role matrix\"}";
        }
        if (p.equals("/api/v1/projects")) {
            return "{\"slug\":\"" + w.slug + "-new\",\"name\":\"New " + w.name + "\",\"labels\":[{\"name\":\"CLAIM\","
                    + "\"title\":\"Claim\",\"key\":\"1\",\"color\":\"#0072B2\",\"kind\":\"CONTENT\"}]}";
        }
        if (p.equals("/api/v1/users")) {
            return "{\"username\":\"" + w.slug + "-user\",\"displayName\":\"New user\",\"password\":"
                    + "\"a-long-enough-secret-1\",\"role\":\"ANNOTATOR\"}";
        }
        if (p.equals("/api/v1/users/{username}")) {
            return "{\"displayName\":\"Renamed by the matrix\"}";
        }
        if (p.endsWith("/password")) {
            return p.startsWith("/api/v1/me") ? "{\"currentPassword\":\"not-the-password\",\"newPassword\":\"x\"}"
                    : "{\"password\":\"another-long-secret-2\"}";
        }
        if (p.equals("/api/v1/me/tokens")) {
            return "{\"name\":\"from the matrix\"}";
        }
        return "{}";
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** Fills path variables with the world's ids; which id depends on where the variable stands. */
    String fill(String pattern, MatrixWorld w) {
        boolean gold = pattern.contains("/gold/");
        boolean rejection = pattern.contains("/rejections/");
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "slug" -> w.slug;
                case "documentId" -> Long.toString(w.doc);
                case "spanId" -> Long.toString(gold ? w.goldClaim : rejection ? w.otherClaim : w.annClaim);
                case "attributionId" -> Long.toString(gold ? w.goldTriple : rejection ? w.otherTriple : w.annTriple);
                case "label" -> "CLAIM";
                case "name" -> pattern.contains("/backups/") ? "factspan-20000101-000000.zip" : "verdict";
                case "memberId" -> Long.toString(w.clusterMember);
                case "id" -> pattern.contains("/tokens/") ? Long.toString(w.token)
                        : pattern.contains("/recommenders/") ? "patterns" : Long.toString(w.cluster);
                case "username" -> pattern.contains("/members/") ? team.spare().username()
                        : pattern.contains("/assignees/") ? team.annotator().username() : victim;
                default -> throw new IllegalStateException("Unknown path variable " + m.group() + " in " + pattern
                        + ": teach RoleMatrixRestTest.fill what to put there");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    Call multipart(String path, String file, String content) {
        String boundary = "----matrix" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return new Call(path, "multipart/form-data; boundary=" + boundary, bytes(body));
    }

    /**
     * A digest of every row of every table (but Flyway's history): a refused call must leave all of them as they
     * were, the audit trail included.
     */
    String fingerprint() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Set<String> tables = new LinkedHashSet<>(jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name", String.class));
        for (String table : tables) {
            if (table.equalsIgnoreCase("flyway_schema_history")) {
                continue;
            }
            digest.update(table.getBytes(StandardCharsets.UTF_8));
            jdbc.query("select * from " + table + " order by 1", rs -> {
                int columns = rs.getMetaData().getColumnCount();
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('\u0001');
                }
                digest.update(row.toString().getBytes(StandardCharsets.UTF_8));
            });
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
