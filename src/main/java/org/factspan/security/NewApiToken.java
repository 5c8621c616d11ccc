package org.factspan.security;

/** A token just created: {@code token} is the secret, shown this once and stored only as a hash. */
public record NewApiToken(ApiTokenInfo info, String token) {
}
