package org.factspan.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing, in the login form and on HTTP Basic alike, by user name and by client address.
 * After {@value #FREE_FAILURES} failures in a row for one user name (existing or not), that name is locked for a
 * minute; after {@value #FREE_ADDRESS_FAILURES} failed logins from one client address (any names, known or not), that
 * address is locked the same way. Every further failure doubles the wait, up to a quarter of an
 * hour. A successful login clears its name's count, not its address's (one valid account must not launder guesses at
 * others). While a name or an address is locked every password login for it is refused before the database or bcrypt
 * is asked, with one message that does not tell an existing name from a missing one ({@link #MESSAGE}). Kept in the
 * database (table {@code login_failure}), so every instance on one database counts the same failures: eight wrong
 * passwords spread over two instances lock the name on both (decision 025). Names and addresses are stored as SHA-256
 * hashes; failures older than {@link #MEMORY} are deleted as new ones come in. A successful login writes only when
 * its name had failures. Unit tests use an in-memory store with the same rules; see decisions 014, 017 and 025.
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

    /** What one login attempt needs to know before it goes on: refused at once, or whether its name has failures. */
    public record Check(boolean refused, boolean nameHasFailures) {
    }

    record Failures(int count, Instant last, Instant lockedUntil) {
    }

    /** Where the counts live: one row per scope ({@code name}, {@code address}) and hashed subject. */
    interface Store {
        Failures get(String scope, String subject);

        /** Changes one entry atomically (across instances for the database store); null removes it. */
        void update(String scope, String subject, UnaryOperator<Failures> change);

        void remove(String scope, String subject);

        void forgetOlderThan(Instant before);

        void clear();
    }

    private static final String NAME = "name";
    private static final String ADDRESS = "address";

    private final Clock clock;
    private final Store store;
    private final AtomicLong failuresSeen = new AtomicLong();

    /** In memory (unit tests). */
    LoginThrottle(Clock clock) {
        this(clock, new MemoryStore());
    }

    @Autowired
    LoginThrottle(Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this(clock, new DatabaseStore(jdbc, new TransactionTemplate(transactions)));
    }

    LoginThrottle(Clock clock, Store store) {
        this.clock = clock;
        this.store = store;
    }

    /** How long the name stays locked, or zero. */
    public Duration lockedFor(String username) {
        return left(store.get(NAME, key(username)));
    }

    public boolean isLocked(String username) {
        return !lockedFor(username).isZero();
    }

    /** How long the client address stays locked, or zero. */
    public Duration addressLockedFor(String address) {
        return address == null ? Duration.ZERO : left(store.get(ADDRESS, hash(address)));
    }

    /** True when a login for this name from this address must be refused without looking further. */
    public boolean refuses(String username, String address) {
        return check(username, address).refused();
    }

    /** {@link #refuses} and whether a success must clear the name's count, in one look. */
    public Check check(String username, String address) {
        Failures name = store.get(NAME, key(username));
        boolean refused = !left(name).isZero() || !addressLockedFor(address).isZero();
        return new Check(refused, name != null);
    }

    /** A wrong password, an unknown or disabled name: counts for the name and for the address. */
    void failed(String username, String address) {
        Instant now = clock.instant();
        store.update(NAME, key(username), f -> next(f, now, FREE_FAILURES));
        if (address != null) {
            store.update(ADDRESS, hash(address), f -> next(f, now, FREE_ADDRESS_FAILURES));
        }
        if (failuresSeen.incrementAndGet() % 256 == 0) {
            store.forgetOlderThan(now.minus(MEMORY));
        }
    }

    void succeeded(String username) {
        store.remove(NAME, key(username));
    }

    /** Forgets every count (tests that lock the loopback address clean up with it). */
    void forgetAll() {
        store.clear();
    }

    private Duration left(Failures f) {
        if (f == null || f.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Failures next(Failures f, Instant now, int free) {
        int count = f == null || Duration.between(f.last(), now).compareTo(MEMORY) > 0 ? 1 : f.count() + 1;
        Instant lockedUntil = null;
        if (count >= free) {
            long factor = 1L << Math.min(20, count - free);
            Duration lock = FIRST_LOCK.multipliedBy(factor);
            lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
        }
        return new Failures(count, now, lockedUntil);
    }

    private static String key(String username) {
        return hash(username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per instance, at most {@value #MAX_ENTRIES} entries per scope (the least recently failed are forgotten first). */
    static final class MemoryStore implements Store {
        private final Map<String, Failures> entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > 2 * MAX_ENTRIES;
            }
        };

        @Override
        public synchronized Failures get(String scope, String subject) {
            return entries.get(scope + ":" + subject);
        }

        @Override
        public synchronized void update(String scope, String subject, UnaryOperator<Failures> change) {
            Failures next = change.apply(entries.get(scope + ":" + subject));
            if (next == null) {
                entries.remove(scope + ":" + subject);
            } else {
                entries.put(scope + ":" + subject, next);
            }
        }

        @Override
        public synchronized void remove(String scope, String subject) {
            entries.remove(scope + ":" + subject);
        }

        @Override
        public synchronized void forgetOlderThan(Instant before) {
            entries.values().removeIf(f -> f.last().isBefore(before));
        }

        @Override
        public synchronized void clear() {
            entries.clear();
        }
    }

    /** Shared by every instance on the database; one entry is changed under its row lock. */
    static final class DatabaseStore implements Store {
        private final JdbcTemplate jdbc;
        private final TransactionTemplate transaction;

        DatabaseStore(JdbcTemplate jdbc, TransactionTemplate transaction) {
            this.jdbc = jdbc;
            this.transaction = transaction;
        }

        @Override
        public Failures get(String scope, String subject) {
            return jdbc.query("select failures, last_failure, locked_until from login_failure where scope = ? and"
                    + " subject = ?", r -> r.next() ? read(r) : null, scope, subject);
        }

        private static Failures read(java.sql.ResultSet r) throws java.sql.SQLException {
            Timestamp locked = r.getTimestamp(3);
            return new Failures(r.getInt(1), r.getTimestamp(2).toInstant(), locked == null ? null : locked.toInstant());
        }

        @Override
        public void update(String scope, String subject, UnaryOperator<Failures> change) {
            for (int attempt = 0;; attempt++) {
                try {
                    transaction.executeWithoutResult(status -> {
                        Failures now = jdbc.query("select failures, last_failure, locked_until from login_failure"
                                + " where scope = ? and subject = ? for update", r -> r.next() ? read(r) : null, scope,
                                subject);
                        Failures next = change.apply(now);
                        if (next == null) {
                            jdbc.update("delete from login_failure where scope = ? and subject = ?", scope, subject);
                        } else if (now == null) {
                            jdbc.update("insert into login_failure (scope, subject, failures, last_failure,"
                                    + " locked_until) values (?, ?, ?, ?, ?)", scope, subject, next.count(),
                                    Timestamp.from(next.last()), timestamp(next.lockedUntil()));
                        } else {
                            jdbc.update("update login_failure set failures = ?, last_failure = ?, locked_until = ?"
                                    + " where scope = ? and subject = ?", next.count(), Timestamp.from(next.last()),
                                    timestamp(next.lockedUntil()), scope, subject);
                        }
                    });
                    return;
                } catch (DuplicateKeyException e) {
                    if (attempt >= 3) {
                        throw e; // another instance inserted the row first: count on it (next attempt locks it)
                    }
                }
            }
        }

        private static Timestamp timestamp(Instant instant) {
            return instant == null ? null : Timestamp.from(instant);
        }

        @Override
        public void remove(String scope, String subject) {
            jdbc.update("delete from login_failure where scope = ? and subject = ?", scope, subject);
        }

        @Override
        public void forgetOlderThan(Instant before) {
            jdbc.update("delete from login_failure where last_failure < ?", Timestamp.from(before));
        }

        @Override
        public void clear() {
            jdbc.update("delete from login_failure");
        }
    }
}
