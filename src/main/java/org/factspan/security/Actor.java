package org.factspan.security;

/** Who is calling a service: passed explicitly so that every permission check is visible and testable. */
public record Actor(long userId, String username, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
