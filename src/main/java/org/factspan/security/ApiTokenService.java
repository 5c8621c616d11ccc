package org.factspan.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.ingest.Fields;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.base.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API tokens: {@value #PREFIX} followed by 43 characters (256 random bits, base64url). The secret is
 * returned once by {@link #create}; the database keeps only its SHA-256, looked up by an index (decision 009).
 * Everyone manages their own tokens; admins list and revoke anyone's (decision 017). A token may expire at a time
 * chosen when it is created; a password change or reset revokes all of its user's tokens ({@link UserService}), and a
 * disabled user's tokens are refused while the user is disabled.
 */
@Service
public class ApiTokenService {

    /** The user behind a token that was accepted. */
    public record TokenUser(long tokenId, long userId, String username, Role role) {
    }

    public static final String PREFIX = "fsp_";
    static final int MAX_TOKENS = 20;
    /** last_used_at is written at most this often per token, so that a busy client does not write on every call. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);
    /** The latest expiry a token may be given. */
    static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T00:00:00Z");

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokenService.class);

    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate useRecorder;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, AppUserRepository users, Clock clock, AuditLog audit,
            PlatformTransactionManager transactions) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
        this.useRecorder = new TransactionTemplate(transactions);
        useRecorder.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        useRecorder.setTimeout(5);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenInfo> list(Actor actor) {
        return tokens.findByUserIdOrderByCreatedAtDescIdDesc(actor.userId()).stream().map(ApiToken::toInfo).toList();
    }

    /** Creates a token that works until it is revoked. */
    @Transactional
    public NewApiToken create(Actor actor, String name) {
        return create(actor, name, null);
    }

    /** Creates a token; {@code expiresAt} (optional) must lie in the future. */
    @Transactional
    public NewApiToken create(Actor actor, String name, Instant expiresAt) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > Fields.TOKEN_NAME.max()) {
            throw new InvalidRequestException("A token needs a name of 1 to " + Fields.TOKEN_NAME.max()
                    + " characters (what it is for)");
        }
        Instant now = clock.instant();
        if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(LATEST_EXPIRY))) {
            throw new InvalidRequestException("'expiresAt' must be a moment in the future (an ISO-8601 instant such as"
                    + " 2027-01-31T00:00:00Z), or left out for a token that works until it is revoked");
        }
        Fields.TOKEN_NAME.require(label);
        if (tokens.countByUserId(actor.userId()) >= MAX_TOKENS) {
            throw new InvalidRequestException("You have " + MAX_TOKENS + " tokens already; revoke one first");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(actor.userId(), label, hash(token),
                token.substring(0, PREFIX.length() + 6), now, expiresAt));
        return new NewApiToken(saved.toInfo(), token);
    }

    /** Revokes (deletes) one of the caller's tokens; another user's token id answers 404 like a missing one. */
    @Transactional
    public void revoke(Actor actor, long tokenId) {
        ApiToken token = tokens.findById(tokenId).filter(t -> t.getUserId() == actor.userId())
                .orElseThrow(() -> new NotFoundException("You have no token " + tokenId));
        tokens.delete(token);
    }

    /** Admins: the tokens of any user. */
    @Transactional(readOnly = true)
    public List<ApiTokenInfo> listOf(Actor actor, String username) {
        AppUser user = requireUser(actor, username);
        return tokens.findByUserIdOrderByCreatedAtDescIdDesc(user.getId()).stream().map(ApiToken::toInfo).toList();
    }

    /** Admins: revokes one token of a user (a token id of another user answers 404). */
    @Transactional
    public void revokeOf(Actor actor, String username, long tokenId) {
        AppUser user = requireUser(actor, username);
        ApiToken token = tokens.findById(tokenId).filter(t -> t.getUserId() == user.getId())
                .orElseThrow(() -> new NotFoundException(username + " has no token " + tokenId));
        tokens.delete(token);
        audit.record(new AuditLog.Who(actor.userId(), actor.username()), "token.revoke",
                new AuditLog.Target(null, null, null, null, null), null,
                Map.of("user", user.getUsername(), "token", token.getName(), "id", tokenId));
    }

    /** Admins: revokes every token of a user; returns how many there were. */
    @Transactional
    public int revokeAllOf(Actor actor, String username) {
        AppUser user = requireUser(actor, username);
        int revoked = tokens.deleteByUser(user.getId());
        if (revoked > 0) {
            audit.record(new AuditLog.Who(actor.userId(), actor.username()), "token.revoke-all",
                    new AuditLog.Target(null, null, null, null, null), null,
                    Map.of("user", user.getUsername(), "tokens", revoked));
        }
        return revoked;
    }

    /**
     * The user a presented secret belongs to, when the token exists, has not expired and its user is an enabled
     * person. Reads only: recording the use is a separate, best-effort write, so that a database that cannot write
     * (a full disk, a read-only file) still lets tokens read.
     */
    public Optional<TokenUser> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> token = tokens.findByTokenHash(hash(presented)).filter(t -> !t.expiredAt(now));
        Optional<TokenUser> user = token.flatMap(t -> users.findById(t.getUserId())
                .filter(u -> u.isEnabled() && !u.isSystemAccount())
                .map(u -> new TokenUser(t.getId(), u.getId(), u.getUsername(), u.getRole())));
        token.filter(t -> user.isPresent())
                .filter(t -> t.getLastUsedAt() == null || t.getLastUsedAt().plus(USE_RESOLUTION).isBefore(now))
                .ifPresent(t -> recordUse(t.getId(), now));
        return user;
    }

    private void recordUse(long tokenId, Instant now) {
        try {
            useRecorder.executeWithoutResult(s -> tokens.recordUse(tokenId, now, now.minus(USE_RESOLUTION)));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the use of API token {}: {}", tokenId, e.toString());
        }
    }

    private AppUser requireUser(Actor actor, String username) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("Only admins manage other users' tokens");
        }
        AppUser user = users.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> new NotFoundException("No user '" + username + "'"));
        if (user.isSystemAccount()) {
            throw new ConflictException("'" + username + "' is a built-in system account; it has no tokens");
        }
        return user;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
