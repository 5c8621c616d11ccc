package org.factspan.base;

/** Something the caller asked for does not exist (or is not visible to them): HTTP 404. */
public class NotFoundException extends RefusedException {
    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }
}
