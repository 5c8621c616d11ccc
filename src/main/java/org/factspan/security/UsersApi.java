package org.factspan.security;

import java.util.List;
import org.factspan.base.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User management and other users' API tokens (admins only; the services check). */
@RestController
@RequestMapping("/api/v1/users")
class UsersApi {

    record NewUser(String username, String displayName, String password, Role role) {
        /** Spring's DEBUG log prints request bodies: never the password. */
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", displayName=" + displayName + ", password=***, role=" + role
                    + "]";
        }
    }

    record UserChange(String displayName, Role role, Boolean enabled) {
    }

    record NewPassword(String password) {
        @Override
        public String toString() {
            return "NewPassword[password=***]";
        }
    }

    private final UserService users;
    private final ApiTokenService tokens;
    private final CurrentUser currentUser;

    UsersApi(UserService users, ApiTokenService tokens, CurrentUser currentUser) {
        this.users = users;
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<UserInfo> list() {
        return users.listUsers(currentUser.require());
    }

    @GetMapping("/{username}")
    UserInfo get(@PathVariable String username) {
        return users.getUser(currentUser.require(), username);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserInfo create(@RequestBody NewUser body) {
        if (body == null) {
            throw new InvalidRequestException("Body {\"username\", \"displayName\", \"password\", \"role\"} is required");
        }
        return users.createUser(currentUser.require(), body.username(), body.displayName(), body.password(),
                body.role());
    }

    /** Changes display name, global role or enabled ({@code "enabled": false} disables the user). */
    @PatchMapping("/{username}")
    UserInfo update(@PathVariable String username, @RequestBody UserChange body) {
        if (body == null) {
            throw new InvalidRequestException("Body {\"displayName\", \"role\", \"enabled\"} is required");
        }
        return users.updateUser(currentUser.require(), username, body.displayName(), body.role(), body.enabled());
    }

    /** Sets a new password for the user (a reset by an admin); the user's API tokens are revoked with the old one. */
    @PutMapping("/{username}/password")
    UserService.CredentialsChanged resetPassword(@PathVariable String username, @RequestBody NewPassword body) {
        return users.resetPassword(currentUser.require(), username, body == null ? null : body.password());
    }

    /** The user's API tokens (never their secrets). */
    @GetMapping("/{username}/tokens")
    List<ApiTokenInfo> tokens(@PathVariable String username) {
        return tokens.listOf(currentUser.require(), username);
    }

    /** Revokes one of the user's tokens. */
    @DeleteMapping("/{username}/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable String username, @PathVariable long id) {
        tokens.revokeOf(currentUser.require(), username, id);
    }

    /** Revokes all of the user's tokens: {@code {"tokensRevoked": n}}. */
    @DeleteMapping("/{username}/tokens")
    java.util.Map<String, Integer> revokeTokens(@PathVariable String username) {
        return java.util.Map.of("tokensRevoked", tokens.revokeAllOf(currentUser.require(), username));
    }
}
