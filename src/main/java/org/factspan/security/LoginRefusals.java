package org.factspan.security;

import org.factspan.base.StorageFailures;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;

/** Why a login or a token was refused, as Spring Security exceptions that the entry points and the login page read. */
public final class LoginRefusals {

    /** The one answer to a wrong password, an unknown or a disabled user name. */
    public static final String BAD_PASSWORD = "Valid credentials are required (HTTP Basic or a Bearer API token)";
    /** The one answer to a token that is unknown, revoked, expired, or whose user is disabled. */
    public static final String BAD_TOKEN = "The API token is unknown, revoked or expired, or its user is disabled";

    private LoginRefusals() {
    }

    /** The name or the address is locked ({@link LoginThrottle}): refused before anything was looked up. */
    public static final class Throttled extends AuthenticationException {
        public Throttled() {
            super(LoginThrottle.MESSAGE);
        }
    }

    /**
     * The credentials could not be checked because the database cannot be read: not a wrong password. The API
     * answers 503, the login page says so (decision 017).
     */
    public static final class StorageUnavailable extends AuthenticationException {
        public StorageUnavailable(Throwable cause) {
            super(StorageFailures.MESSAGE, cause);
        }
    }

    static BadCredentialsException badPassword() {
        return new BadCredentialsException(BAD_PASSWORD);
    }

    static BadCredentialsException badToken() {
        return new BadCredentialsException(BAD_TOKEN);
    }
}
