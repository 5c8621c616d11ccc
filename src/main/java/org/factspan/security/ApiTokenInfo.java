package org.factspan.security;

import java.time.Instant;

/** A personal API token as listed: its name and the first characters of the secret, never the secret. */
public record ApiTokenInfo(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
}
