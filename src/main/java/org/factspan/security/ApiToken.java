package org.factspan.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal API token; only the SHA-256 of its secret is stored (decision 009). */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** When the token stops working; null: until revoked. */
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected ApiToken() {
    }

    ApiToken(long userId, String name, String tokenHash, String prefix, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    Long getId() {
        return id;
    }

    long getUserId() {
        return userId;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    String getName() {
        return name;
    }

    /** True from {@code expiresAt} on. */
    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    ApiTokenInfo toInfo() {
        return new ApiTokenInfo(id, name, prefix, createdAt, lastUsedAt, expiresAt);
    }
}
