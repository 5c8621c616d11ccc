package org.factspan.base;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A mistyped API path answers a JSON 404 instead of falling through to Vaadin, which would serve its HTML page
 * with 200 to a script that expected JSON. Every real endpoint is more specific than this pattern and wins.
 */
@RestController
class ApiFallback {

    @RequestMapping("/api/**")
    void noSuchEndpoint(HttpServletRequest request) {
        throw new NotFoundException("No such API endpoint: " + request.getMethod() + " " + request.getRequestURI()
                + " (see the README, REST API)");
    }
}
