package org.factspan.security;

import java.time.Clock;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: lookup and creation. */
@Service
public class UserService {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
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
}
