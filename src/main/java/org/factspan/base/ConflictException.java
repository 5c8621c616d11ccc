package org.factspan.base;

/** The request clashes with what is stored (a duplicate span): HTTP 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
