package org.factspan.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, in the login form and on HTTP Basic alike, by user name and by client address.
 * After {@value #FREE_FAILURES} failures in a row for one user name (existing or not), that name is locked for a
 * minute; after {@value #FREE_ADDRESS_FAILURES} failed logins from one client address (any names, known or not), that
 * address is locked the same way. Every further failure doubles the wait, up to a quarter of an
 * hour. A successful login clears its name's count, not its address's (one valid account must not launder guesses at
 * others). While a name or an address is locked every password login for it is refused before the database or bcrypt
 * is asked, with one message that does not tell an existing name from a missing one ({@link #MESSAGE}). Kept in
 * memory per app instance, at most {@value #MAX_ENTRIES} names and as many addresses (the least recently failed are
 * forgotten first); see decisions 014 and 017.
 */
@Component
public class LoginThrottle {

    /** The one answer to a throttled login, whether or not the user name exists. */
    public static final String MESSAGE = "Too many failed logins for this user name or from this address: wait a few"
            + " minutes, then try again";

    static final int FREE_FAILURES = 5;
    static final int FREE_ADDRESS_FAILURES = 20;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** Failures older than this are forgotten. */
    static final Duration MEMORY = Duration.ofHours(1);
    static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Map<String, Failures> names = lru();
    private final Map<String, Failures> addresses = lru();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** A map that forgets its least recently touched entry beyond {@link #MAX_ENTRIES}: random names cannot fill memory. */
    private static Map<String, Failures> lru() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }

    /** How long the name stays locked, or zero. */
    public Duration lockedFor(String username) {
        return left(names, key(username));
    }

    public boolean isLocked(String username) {
        return !lockedFor(username).isZero();
    }

    /** How long the client address stays locked, or zero. */
    public Duration addressLockedFor(String address) {
        return address == null ? Duration.ZERO : left(addresses, address);
    }

    /** True when a login for this name from this address must be refused without looking further. */
    public boolean refuses(String username, String address) {
        return isLocked(username) || !addressLockedFor(address).isZero();
    }

    /** A wrong password, an unknown or disabled name: counts for the name and for the address. */
    void failed(String username, String address) {
        count(names, key(username), FREE_FAILURES);
        if (address != null) {
            count(addresses, address, FREE_ADDRESS_FAILURES);
        }
    }

    void succeeded(String username) {
        synchronized (names) {
            names.remove(key(username));
        }
    }

    /** Forgets every count (tests that lock the loopback address clean up with it). */
    void forgetAll() {
        synchronized (names) {
            names.clear();
        }
        synchronized (addresses) {
            addresses.clear();
        }
    }

    private Duration left(Map<String, Failures> map, String key) {
        Failures f;
        synchronized (map) {
            f = map.get(key);
        }
        if (f == null || f.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void count(Map<String, Failures> map, String key, int free) {
        Instant now = clock.instant();
        synchronized (map) {
            Failures f = map.get(key);
            int count = f == null || Duration.between(f.last(), now).compareTo(MEMORY) > 0 ? 1 : f.count() + 1;
            Instant lockedUntil = null;
            if (count >= free) {
                long factor = 1L << Math.min(20, count - free);
                Duration lock = FIRST_LOCK.multipliedBy(factor);
                lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
            }
            map.put(key, new Failures(count, now, lockedUntil));
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
