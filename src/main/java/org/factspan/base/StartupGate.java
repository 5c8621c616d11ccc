package org.factspan.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat listens before the first start has created the administrator and demo users and loaded the seed articles
 * (those run once the server is up). A request in that window used to meet a half-built instance: a login refused as
 * a wrong password (which counted towards the login throttle), a project list without the seed project. Until Spring
 * Boot says the instance accepts traffic, every request except the health endpoint gets a 503 with
 * {@code Retry-After}: JSON for scripts, a page that reloads itself for a browser. Nothing is counted, nothing is
 * written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupGate extends OncePerRequestFilter {

    static final String MESSAGE = "Factspan is starting: try again in a few seconds";

    private final ApplicationAvailability availability;
    private volatile boolean open;

    StartupGate(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return open || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            open = true;
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            response.setContentType("text/html");
            response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta http-equiv=\"refresh\" content=\"5\"><title>Factspan is starting</title></head>"
                    + "<body style=\"font-family:sans-serif;margin:3em\"><h1>Factspan is starting</h1>"
                    + "<p>This page reloads itself in a few seconds.</p></body></html>");
        } else {
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"" + MESSAGE
                    + "\",\"timestamp\":\"" + Instant.now() + "\"}");
        }
    }
}
