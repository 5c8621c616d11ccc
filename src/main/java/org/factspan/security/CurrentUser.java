package org.factspan.security;

import org.factspan.base.ForbiddenException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The logged-in user of the current request or Vaadin UI, as an {@link Actor}. */
@Component
public class CurrentUser {

    private final UserService users;

    CurrentUser(UserService users) {
        this.users = users;
    }

    public Actor require() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new ForbiddenException("Not logged in");
        }
        return users.findActor(auth.getName()).orElseThrow(() -> new ForbiddenException("Unknown or disabled user"));
    }
}
