package org.factspan.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.factspan.base.StorageFailures;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password, for the login form and HTTP Basic alike (decision 017). The order makes a login
 * cost an attacker more than the server:
 * <ol>
 * <li>a locked name or client address ({@link LoginThrottle}) is refused at once, with one message for every name:
 * no database, no bcrypt;</li>
 * <li>the user is looked up; a database that cannot answer is a storage failure (503), never "wrong password";</li>
 * <li>only an existing, enabled person's password is checked with bcrypt. An unknown, disabled or system account
 * answers "bad credentials" after waiting, without CPU, as long as a bcrypt check takes here (a running average of
 * the real ones), so that the answer's timing does not tell which names exist;</li>
 * <li>every failure counts for the name and the address; a success clears the name's count.</li>
 * </ol>
 */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    /** Waits without using the CPU (a sleeping thread); tests replace it. */
    interface Pause {
        void pause(long nanos);
    }

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Pause pause;
    /** Running average of a bcrypt check's duration, in nanoseconds. */
    private final AtomicLong averageCheck = new AtomicLong();
    private final AtomicLong passwordChecks = new AtomicLong();

    PasswordAuthenticationProvider(AppUserRepository users, PasswordEncoder encoder, LoginThrottle throttle) {
        this(users, encoder, throttle, PasswordAuthenticationProvider::sleep);
    }

    PasswordAuthenticationProvider(AppUserRepository users, PasswordEncoder encoder, LoginThrottle throttle,
            Pause pause) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.pause = pause;
        // one real check at start, so that the first unknown name already waits as long as a real check takes
        String hash = encoder.encode("factspan-timing-reference");
        long started = System.nanoTime();
        encoder.matches("not-the-reference", hash);
        averageCheck.set(System.nanoTime() - started);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = address(authentication);
        LoginThrottle.Check check;
        try {
            check = throttle.check(name, address);
        } catch (RuntimeException e) {
            if (StorageFailures.isStorageFailure(e)) {
                throw new LoginRefusals.StorageUnavailable(e);
            }
            throw new InternalAuthenticationServiceException("The login throttle could not be read", e);
        }
        if (check.refused()) {
            throw new LoginRefusals.Throttled();
        }
        Optional<AppUser> found;
        try {
            found = users.findByUsername(name);
        } catch (RuntimeException e) {
            if (StorageFailures.isStorageFailure(e)) {
                throw new LoginRefusals.StorageUnavailable(e);
            }
            throw new InternalAuthenticationServiceException("The user could not be looked up", e);
        }
        AppUser user = found.filter(u -> u.isEnabled() && !u.isSystemAccount()).orElse(null);
        if (user == null) {
            pause.pause(averageCheck.get());
            failed(name, address);
            throw LoginRefusals.badPassword();
        }
        long started = System.nanoTime();
        boolean matches = encoder.matches(password, user.getPasswordHash());
        long took = System.nanoTime() - started;
        passwordChecks.incrementAndGet();
        averageCheck.getAndUpdate(avg -> avg + (took - avg) / 8);
        if (!matches) {
            failed(name, address);
            throw LoginRefusals.badPassword();
        }
        if (check.nameHasFailures()) {
            throttled(() -> throttle.succeeded(name));
        }
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole().name()));
        var principal = User.withUsername(user.getUsername()).password("").authorities(authorities).build();
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        result.setDetails(authentication.getDetails());
        return result;
    }

    private void failed(String name, String address) {
        throttled(() -> throttle.failed(name, address));
    }

    /** A write to the shared login throttle; a database that cannot write is a storage failure (503), not a 500. */
    private static void throttled(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            if (StorageFailures.isStorageFailure(e)) {
                throw new LoginRefusals.StorageUnavailable(e);
            }
            throw new InternalAuthenticationServiceException("The login throttle could not be written", e);
        }
    }

    /** How many bcrypt checks of a stored password this provider has made (tests and the decision's figures). */
    long passwordChecks() {
        return passwordChecks.get();
    }

    /** The running average duration of one bcrypt check. */
    Duration averageCheck() {
        return Duration.ofNanos(averageCheck.get());
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
