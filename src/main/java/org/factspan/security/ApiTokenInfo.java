package org.factspan.security;

import java.time.Instant;

/**
 * A personal API token as listed: its name and the first characters of the secret, never the secret;
 * {@code expiresAt} is null for a token that works until it is revoked.
 */
public record ApiTokenInfo(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
        Instant expiresAt) {

    /** True when the token has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
