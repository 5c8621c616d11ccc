package org.factspan.base;

/** The caller is known but may not do this: HTTP 403. */
public class ForbiddenException extends RefusedException {
    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }
}
