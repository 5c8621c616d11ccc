package org.factspan.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An {@code Authorization: Bearer} API token: before the check it carries the presented secret, after it the token's
 * user (the name is the principal) and the token's id. {@link CurrentUser#viaApiToken()} tells the services that the
 * call came with a token (a token cannot create tokens).
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String secret;
    private final String username;
    private final long tokenId;

    private ApiTokenAuthentication(String secret, String username, long tokenId,
            Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.secret = secret;
        this.username = username;
        this.tokenId = tokenId;
    }

    /** A presented token, not yet checked. */
    static ApiTokenAuthentication presented(String secret) {
        return new ApiTokenAuthentication(secret, null, 0, List.of());
    }

    /** A token that was accepted, for its user. */
    static ApiTokenAuthentication accepted(ApiTokenService.TokenUser user,
            Collection<? extends GrantedAuthority> authorities, Object details) {
        var result = new ApiTokenAuthentication(null, user.username(), user.tokenId(), authorities);
        result.setDetails(details);
        result.setAuthenticated(true);
        return result;
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public String getName() {
        return username == null ? "" : username;
    }

    public long tokenId() {
        return tokenId;
    }

    /** Never the secret (Spring logs authentications at DEBUG). */
    @Override
    public String toString() {
        return "ApiTokenAuthentication[user=" + username + ", token=" + tokenId + ", authenticated=" + isAuthenticated()
                + "]";
    }
}
