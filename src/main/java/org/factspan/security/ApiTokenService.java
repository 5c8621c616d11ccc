package org.factspan.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.factspan.ingest.Fields;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@value #PREFIX} followed by 43 characters (256 random bits, base64url). The secret is
 * returned once by {@link #create}; the database keeps only its SHA-256, looked up by an index (decision 009).
 * Everyone manages only their own tokens.
 */
@Service
public class ApiTokenService {

    public static final String PREFIX = "fsp_";
    static final int MAX_TOKENS = 20;
    /** last_used_at is written at most this often per token, so that a busy client does not write on every call. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, AppUserRepository users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApiTokenInfo> list(Actor actor) {
        return tokens.findByUserIdOrderByCreatedAtDescIdDesc(actor.userId()).stream().map(ApiToken::toInfo).toList();
    }

    @Transactional
    public NewApiToken create(Actor actor, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > Fields.TOKEN_NAME.max()) {
            throw new InvalidRequestException("A token needs a name of 1 to " + Fields.TOKEN_NAME.max()
                    + " characters (what it is for)");
        }
        Fields.TOKEN_NAME.require(label);
        if (tokens.countByUserId(actor.userId()) >= MAX_TOKENS) {
            throw new InvalidRequestException("You have " + MAX_TOKENS + " tokens already; revoke one first");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(actor.userId(), label, hash(token),
                token.substring(0, PREFIX.length() + 6), clock.instant()));
        return new NewApiToken(saved.toInfo(), token);
    }

    /** Revokes (deletes) one of the caller's tokens; another user's token id answers 404 like a missing one. */
    @Transactional
    public void revoke(Actor actor, long tokenId) {
        ApiToken token = tokens.findById(tokenId).filter(t -> t.getUserId() == actor.userId())
                .orElseThrow(() -> new NotFoundException("You have no token " + tokenId));
        tokens.delete(token);
    }

    /** The user name a presented secret belongs to, when the token exists and its user is enabled. */
    @Transactional
    public Optional<String> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(presented)).flatMap(token -> {
            var now = clock.instant();
            if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(USE_RESOLUTION).isBefore(now)) {
                token.used(now);
            }
            return users.findById(token.getUserId()).filter(AppUser::isEnabled).map(AppUser::getUsername);
        });
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
