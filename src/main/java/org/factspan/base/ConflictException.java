package org.factspan.base;

/** The request clashes with what is stored (a duplicate span): HTTP 409. */
public class ConflictException extends RefusedException {
    public ConflictException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }
}
