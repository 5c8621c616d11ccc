package org.factspan.security;

import org.factspan.base.Quote;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A person who logs in. The password is stored only as a bcrypt hash. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** A built-in account that owns data but never logs in (the gold standard's owner, see decision 008). */
    @Column(name = "system_account", nullable = false)
    private boolean systemAccount;

    protected AppUser() {
    }

    public AppUser(String username, String displayName, String passwordHash, Role role, Instant createdAt) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("Invalid username: " + Quote.of(username));
        }
        this.username = username;
        this.displayName = Objects.requireNonNull(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = Objects.requireNonNull(role);
        this.enabled = true;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isSystemAccount() {
        return systemAccount;
    }

    void setDisplayName(String displayName) {
        this.displayName = Objects.requireNonNull(displayName);
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash);
    }

    void setRole(Role role) {
        this.role = Objects.requireNonNull(role);
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Actor toActor() {
        return new Actor(id, username, role);
    }
}
