package org.factspan.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.factspan.base.StorageFailures;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;

/**
 * Checks {@code Authorization: Bearer} API tokens inside Spring Security's authentication manager, like passwords, so
 * that Spring's {@code AuthenticationFilter} stores the result where every later dispatch of the request finds it
 * (a streamed export's async dispatch too; decision 017). A token is 256 random bits: it cannot be guessed, and its
 * check is one indexed read with no bcrypt, so tokens are not throttled: neither a valid one nor a wrong one (which
 * names no user and costs the server no more than any API call).
 */
class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokenService tokens;

    ApiTokenAuthenticationProvider(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String secret = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        ApiTokenService.TokenUser user;
        try {
            user = tokens.authenticate(secret).orElse(null);
        } catch (RuntimeException e) {
            if (StorageFailures.isStorageFailure(e)) {
                throw new LoginRefusals.StorageUnavailable(e);
            }
            throw new InternalAuthenticationServiceException("The API token could not be checked", e);
        }
        if (user == null) {
            throw LoginRefusals.badToken();
        }
        return ApiTokenAuthentication.accepted(user, List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())),
                authentication.getDetails());
    }

    /** Reads {@code Authorization: Bearer <token>}; no such header: not a token request (Basic may follow). */
    static final class Converter implements AuthenticationConverter {

        private final AuthenticationDetailsSource<HttpServletRequest, ?> details = new WebAuthenticationDetailsSource();

        @Override
        public Authentication convert(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
            }
            ApiTokenAuthentication presented = ApiTokenAuthentication.presented(header.substring(7).strip());
            presented.setDetails(details.buildDetails(request));
            return presented;
        }
    }
}
