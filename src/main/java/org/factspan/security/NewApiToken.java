package org.factspan.security;

/** A token just created: {@code token} is the secret, shown this once and stored only as a hash. */
public record NewApiToken(ApiTokenInfo info, String token) {

    /** Spring's DEBUG log prints response bodies: only the token's public prefix. */
    @Override
    public String toString() {
        return "NewApiToken[info=" + info + ", token=" + (info == null ? "" : info.prefix()) + "***]";
    }
}
