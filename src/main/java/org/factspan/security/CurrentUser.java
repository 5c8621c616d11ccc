package org.factspan.security;

import org.factspan.base.ForbiddenException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The logged-in user of the current request or Vaadin UI, as an {@link Actor}. Reads the security context
 * through this application context's {@link SecurityContextHolderStrategy} (the one its filters write to),
 * not the JVM-wide static holder, which another application context in the same JVM may have replaced.
 */
@Component
public class CurrentUser {

    private final UserService users;
    private final SecurityContextHolderStrategy strategy;

    CurrentUser(UserService users, ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.users = users;
        this.strategy = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Actor require() {
        var auth = strategy.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new ForbiddenException("Not logged in");
        }
        return users.findActor(auth.getName()).orElseThrow(() -> new ForbiddenException("Unknown or disabled user"));
    }

    /** True when the current call came with a personal API token (not a password or a browser session). */
    public boolean viaApiToken() {
        return strategy.getContext().getAuthentication() instanceof ApiTokenAuthentication;
    }
}
