package org.factspan.security;

import java.util.List;
import org.factspan.base.ForbiddenException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own account: who they are, their password, their personal API tokens. Tokens are created with a
 * password (HTTP Basic) or on the account page, never with another token.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeApi {

    record PasswordChange(String currentPassword, String newPassword) {
        /** Spring's DEBUG log prints request bodies: never the passwords. */
        @Override
        public String toString() {
            return "PasswordChange[currentPassword=***, newPassword=***]";
        }
    }

    /** {@code expiresAt}: optional, an ISO-8601 instant in the future. */
    record TokenRequest(String name, java.time.Instant expiresAt) {
    }

    private final UserService users;
    private final ApiTokenService tokens;
    private final CurrentUser currentUser;

    MeApi(UserService users, ApiTokenService tokens, CurrentUser currentUser) {
        this.users = users;
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @GetMapping
    UserInfo me() {
        return users.me(currentUser.require());
    }

    /** Changes the password; the answer says how many API tokens were revoked with the old one. */
    @PutMapping("/password")
    UserService.CredentialsChanged changePassword(@RequestBody PasswordChange body) {
        return users.changeOwnPassword(currentUser.require(), body == null ? null : body.currentPassword(),
                body == null ? null : body.newPassword());
    }

    @GetMapping("/tokens")
    List<ApiTokenInfo> tokens() {
        return tokens.list(currentUser.require());
    }

    /** Creates a token; the answer carries the secret, this once. */
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    NewApiToken createToken(@RequestBody TokenRequest body) {
        if (currentUser.viaApiToken()) {
            throw new ForbiddenException("An API token cannot create tokens: log in with your password (HTTP Basic or"
                    + " the account page) to create one");
        }
        return tokens.create(currentUser.require(), body == null ? null : body.name(),
                body == null ? null : body.expiresAt());
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(currentUser.require(), id);
    }
}
