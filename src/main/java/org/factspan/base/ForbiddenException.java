package org.factspan.base;

/** The caller is known but may not do this: HTTP 403. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
