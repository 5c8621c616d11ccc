package org.factspan.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <personal API token>} on the REST API, next to HTTP Basic. A valid token
 * authenticates its (enabled) user for this request only; an invalid one answers 401 at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    interface ErrorWriter {
        void write(HttpServletResponse response, int status, String error, String message) throws IOException;
    }

    private final ApiTokenService tokens;
    private final UserService users;
    private final SecurityContextHolderStrategy strategy;
    private final ErrorWriter errors;

    BearerTokenFilter(ApiTokenService tokens, UserService users, SecurityContextHolderStrategy strategy,
            ErrorWriter errors) {
        this.tokens = tokens;
        this.users = users;
        this.strategy = strategy;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var username = tokens.authenticate(header.substring(7).strip());
        var actor = username.flatMap(users::findActor);
        if (actor.isEmpty()) {
            errors.write(response, 401, "Unauthorized", "The API token is unknown, revoked, or its user is disabled");
            return;
        }
        var context = strategy.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor.get().username(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + actor.get().role().name()))));
        strategy.setContext(context);
        chain.doFilter(request, response);
    }
}
