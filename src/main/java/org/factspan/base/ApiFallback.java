package org.factspan.base;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mistyped API path answers a JSON 404 instead of falling through to Vaadin, which would serve its HTML page with
 * 200 to a script that expected JSON. It is a handler mapping of its own, asked after the controllers' mapping: a
 * path that exists with another method or media type is answered by Spring there (405, 415, as JSON through
 * {@link ApiExceptionHandler}), not as "no such endpoint" (decision 017).
 */
@Configuration(proxyBeanMethods = false)
class ApiFallback {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    SimpleUrlHandlerMapping apiFallbackMapping() {
        // before Vaadin's catch-all forwarding and the static resources (both LOWEST_PRECEDENCE - 1)
        return new SimpleUrlHandlerMapping(Map.of("/api/**", (HttpRequestHandler) ApiFallback::noSuchEndpoint),
                Ordered.LOWEST_PRECEDENCE - 10);
    }

    static void noSuchEndpoint(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var body = ApiExceptionHandler.error(HttpStatus.NOT_FOUND, "No such API endpoint: " + request.getMethod() + " "
                + request.getRequestURI() + " (see the README, REST API)").getBody();
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getWriter(), body);
    }
}
