package org.factspan.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factspan.base.Quote;
import org.factspan.ingest.Fields;
import org.factspan.ingest.ValidText;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.base.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users: lookup, creation, and user management. Management (create, change, disable, reset a password) is for
 * admins; everyone changes their own password. A new password, changed or reset, revokes the user's API tokens
 * (credentials follow the person, decision 017); a disabled user's tokens are refused until the user is enabled. An admin cannot disable or demote themselves, so that there is
 * always an admin left who can log in. Refused calls change nothing.
 */
@Service
public class UserService {

    /** The answer to a password change or reset: how many API tokens went with the old password. */
    public record CredentialsChanged(String user, int tokensRevoked, String message) {

        static CredentialsChanged of(String user, int tokens, boolean own) {
            String whose = own ? "your" : user + "'s";
            return new CredentialsChanged(user, tokens, "Password " + (own ? "changed" : "of " + user + " set") + "; "
                    + (tokens == 0 ? whose + " API tokens: none to revoke"
                            : tokens + " of " + whose + " API tokens " + (tokens == 1 ? "was" : "were")
                                    + " revoked: scripts need new ones"));
        }
    }

    private final AppUserRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final AuditLog audit;

    UserService(AppUserRepository users, ApiTokenRepository tokens, PasswordEncoder passwordEncoder, Clock clock,
            AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Actor> findActor(String username) {
        return users.findByUsername(username).filter(AppUser::isEnabled).map(AppUser::toActor);
    }

    @Transactional(readOnly = true)
    public Optional<AppUser> findUser(String username) {
        return users.findByUsername(username);
    }

    /** True when a person's account exists; built-in system accounts (such as the gold standard's) do not count. */
    @Transactional(readOnly = true)
    public Optional<AppUser> findById(long id) {
        return users.findById(id);
    }

    @Transactional(readOnly = true)
    public boolean hasUsers() {
        return users.existsBySystemAccountFalse();
    }

    /** A built-in system account by name (it never logs in, so {@link #findActor} does not find it). */
    @Transactional(readOnly = true)
    public Optional<Actor> findSystemAccount(String username) {
        return users.findByUsername(username).filter(AppUser::isSystemAccount).map(AppUser::toActor);
    }

    @Transactional
    public AppUser create(String username, String displayName, String rawPassword, Role role) {
        if (rawPassword == null || rawPassword.length() < 8) {
            throw new IllegalArgumentException("Password of " + username + " must have at least 8 characters");
        }
        return users.save(new AppUser(username, displayName, passwordEncoder.encode(rawPassword), role, clock.instant()));
    }

    /** The user behind an actor, enabled or not (user management and the account page). */
    @Transactional(readOnly = true)
    public UserInfo me(Actor actor) {
        return users.findById(actor.userId()).map(UserInfo::of)
                .orElseThrow(() -> new NotFoundException("No user " + actor.username()));
    }

    @Transactional(readOnly = true)
    public List<UserInfo> listUsers(Actor actor) {
        requireAdmin(actor);
        // system accounts (the gold standard's owner) are not people: never listed (decision 023)
        return users.findAll().stream().filter(u -> !u.isSystemAccount()).map(UserInfo::of)
                .sorted(Comparator.comparing(UserInfo::username)).toList();
    }

    @Transactional(readOnly = true)
    public UserInfo getUser(Actor actor, String username) {
        requireAdmin(actor);
        return UserInfo.of(require(username));
    }

    @Transactional
    public UserInfo createUser(Actor actor, String username, String displayName, String password, Role role) {
        requireAdmin(actor);
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new InvalidRequestException("User name must be 1 to 64 lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("A user " + Quote.of(username) + " exists already");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        checkPassword(password);
        UserInfo created = UserInfo.of(users.save(new AppUser(username, checkDisplayName(name),
                passwordEncoder.encode(password), role == null ? Role.ANNOTATOR : role, clock.instant())));
        record(actor, "user.create", null, Map.of("user", username, "role", created.role().name()));
        return created;
    }

    /** Changes display name, global role and enabled flag; null leaves a field as it is. */
    @Transactional
    public UserInfo updateUser(Actor actor, String username, String displayName, Role role, Boolean enabled) {
        requireAdmin(actor);
        AppUser user = requireChangeable(username);
        boolean self = user.getId() == actor.userId();
        if (self && Boolean.FALSE.equals(enabled)) {
            throw new InvalidRequestException("You cannot disable yourself");
        }
        if (self && role != null && role != Role.ADMIN) {
            throw new InvalidRequestException("You cannot take the admin role from yourself; another admin can");
        }
        Map<String, Object> before = Map.of("user", user.getUsername(), "displayName", user.getDisplayName(),
                "role", user.getRole().name(), "enabled", user.isEnabled());
        if (displayName != null) {
            user.setDisplayName(checkDisplayName(displayName.strip()));
        }
        if (role != null) {
            user.setRole(role);
        }
        if (enabled != null) {
            user.setEnabled(enabled);
        }
        record(actor, "user.update", before, Map.of("user", user.getUsername(), "displayName", user.getDisplayName(),
                "role", user.getRole().name(), "enabled", user.isEnabled()));
        return UserInfo.of(user);
    }

    /** Sets a new password (an admin's reset) and revokes the user's API tokens, in one transaction. */
    @Transactional
    public CredentialsChanged resetPassword(Actor actor, String username, String newPassword) {
        requireAdmin(actor);
        AppUser user = requireChangeable(username);
        checkPassword(newPassword);
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        int revoked = tokens.deleteByUser(user.getId());
        record(actor, "user.password-reset", null, Map.of("user", user.getUsername(), "tokensRevoked", revoked));
        return CredentialsChanged.of(user.getUsername(), revoked, user.getId() == actor.userId());
    }

    private void record(Actor actor, String action, Object before, Object after) {
        audit.record(new AuditLog.Who(actor.userId(), actor.username()), action,
                new AuditLog.Target(null, null, null, null, null), before, after);
    }

    /** Changes one's own password and revokes one's API tokens, in one transaction. */
    @Transactional
    public CredentialsChanged changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        AppUser user = users.findById(actor.userId()).orElseThrow(() -> new NotFoundException("No such user"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidRequestException("The current password is not right");
        }
        checkPassword(newPassword);
        if (passwordEncoder.matches(newPassword, user.getPasswordHash())) {
            throw new InvalidRequestException("The new password is the same as the current one");
        }
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        return CredentialsChanged.of(user.getUsername(), tokens.deleteByUser(user.getId()), true);
    }

    private AppUser require(String username) {
        return users.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> new NotFoundException("No user " + Quote.of(username)));
    }

    /**
     * A user an admin may change: not a system account. The gold standard's account ("gold") owns the curated
     * spans; enabled and given a password, anyone knowing it could write gold directly, past curation.
     */
    private AppUser requireChangeable(String username) {
        AppUser user = require(username);
        if (user.isSystemAccount()) {
            throw new ConflictException(Quote.of(username) + " is a built-in system account; it cannot log in and"
                    + " cannot be changed");
        }
        return user;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("Only admins manage users");
        }
    }

    private static String checkDisplayName(String name) {
        if (name.isEmpty()) {
            throw new InvalidRequestException("The display name must have 1 to " + Fields.DISPLAY_NAME.max()
                    + " characters");
        }
        return Fields.DISPLAY_NAME.require(name);
    }

    /** At least 8 characters; at most 72 bytes of UTF-8, all that bcrypt reads. */
    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < 8) {
            throw new InvalidRequestException("A password needs at least 8 characters");
        }
        ValidText.require("password", password); // names the position, never the password
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new InvalidRequestException("A password may have at most 72 bytes (bcrypt reads no more)");
        }
    }
}
