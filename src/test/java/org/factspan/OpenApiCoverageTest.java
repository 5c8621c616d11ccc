package org.factspan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the OpenAPI description true: every request mapping of every controller in org.factspan (whoever adds it,
 * whenever) appears in /v3/api-docs with its path and method; the description and the browsable UI are reachable
 * without logging in, and the Vaadin UI still answers.
 */
@Tag("slow") // about 19 s on two cores: integration phase (decision 028)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiCoverageTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void everyControllerEndpointIsDescribed() throws Exception {
        ApiClient api = new ApiClient(port);
        ApiClient.Reply docs = api.json("GET", "/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");

        List<String> endpoints = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                if (!e.getValue().getBeanType().getPackageName().startsWith("org.factspan")) {
                    continue;
                }
                Set<String> patterns = e.getKey().getPatternValues();
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                for (String pattern : patterns) {
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        String id = method + " " + pattern;
                        endpoints.add(id);
                        JsonNode path = paths.get(pattern);
                        if (path == null || path.get(method.name().toLowerCase(Locale.ROOT)) == null) {
                            missing.add(id + " (" + e.getValue().getShortLogMessage() + ")");
                        }
                    }
                }
            }
        }
        assertThat(endpoints).as("controllers found").hasSizeGreaterThan(30)
                .contains("GET /api/v1/projects/{slug}/progress", "POST /api/v1/me/tokens");
        assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
        assertThat(docs.json().get("components").get("securitySchemes").has("bearer")).isTrue();
    }

    @Test
    void theBrowsableUiIsPublicAndVaadinStillRoutes() throws Exception {
        ApiClient api = new ApiClient(port);
        ApiClient.Reply ui = api.send("GET", "/swagger-ui/index.html", null, null, null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(api.send("GET", "/swagger-ui.html", null, null, null).status()).isIn(200, 302);
        // the API itself stays protected, and the UI still shows the login view
        assertThat(api.json("GET", "/api/v1/projects", null, null).status()).isEqualTo(401);
        ApiClient.Reply login = api.send("GET", "/login", null, null, null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).containsIgnoringCase("<!doctype html>");
    }
}
