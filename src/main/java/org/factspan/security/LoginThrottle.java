package org.factspan.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, in the login form and on the REST API alike: after {@value #FREE_FAILURES}
 * wrong passwords in a row for one user name, that name is locked for a minute, and every further failure
 * doubles the wait, up to a quarter of an hour. A successful login clears the count. While locked, even the
 * right password is refused (Spring Security's "account locked", checked before the password, so a locked
 * name also costs the server no bcrypt). Kept in memory per app instance: a restart forgets it, and with
 * several instances each counts its own failures (see docs/decisions/014-reliability-and-security.md).
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** Failures older than this are forgotten. */
    static final Duration MEMORY = Duration.ofHours(1);

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the name stays locked, or zero. */
    public Duration lockedFor(String username) {
        Failures f = failures.get(key(username));
        if (f == null || f.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean isLocked(String username) {
        return !lockedFor(username).isZero();
    }

    void failed(String username) {
        Instant now = clock.instant();
        failures.compute(key(username), (k, f) -> {
            int count = f == null || Duration.between(f.last(), now).compareTo(MEMORY) > 0 ? 1 : f.count() + 1;
            Instant lockedUntil = null;
            if (count >= FREE_FAILURES) {
                long factor = 1L << Math.min(20, count - FREE_FAILURES);
                Duration lock = FIRST_LOCK.multipliedBy(factor);
                lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
            }
            return new Failures(count, now, lockedUntil);
        });
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> Duration.between(e.getValue().last(), now).compareTo(MEMORY) > 0);
        }
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
