package org.factspan.security;

import java.time.Instant;

/** A user as the user management shows it (never the password hash). */
public record UserInfo(long id, String username, String displayName, Role role, boolean enabled, Instant createdAt) {

    static UserInfo of(AppUser u) {
        return new UserInfo(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.isEnabled(),
                u.getCreatedAt());
    }
}
