package org.factspan.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login form post that a browser sent from another site. Vaadin's login form posts without Spring
 * Security's CSRF token, so Vaadin's security set-up lets {@code POST /login} through unchecked; a hostile page
 * could then log a visitor in under the attacker's account (login CSRF). Browsers name the page's origin in the
 * {@code Origin} header of every cross-site post, so a post whose origin is another host (or {@code null}, as from a
 * sandboxed frame) is refused with 403. Posts without the header (scripts, old clients) carry no ambient credentials
 * to abuse and pass. The host is compared with {@code X-Forwarded-Host} or {@code Host}, not the scheme, so a
 * TLS-terminating proxy in front does not lock people out.
 */
final class SameOriginLoginFilter extends OncePerRequestFilter {

    private final String path;

    SameOriginLoginFilter(String path) {
        this.path = path;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod()) || !path.equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !sameHost(origin, request)) {
            // written here, not through sendError: the error page would answer with a redirect to the login
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("A login form sent from another site is refused; log in on this site's page.");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameHost(String origin, HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-Host");
        String host = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
                : request.getHeader("Host");
        if (host == null || origin.isBlank() || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            // a default port may be left out on either side
            return stripDefaultPort(host.toLowerCase(Locale.ROOT)).equals(stripDefaultPort(authority.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripDefaultPort(String hostAndPort) {
        return hostAndPort.replaceFirst(":(80|443)$", "");
    }
}
