package org.factspan.base;

/** The request is well-formed but its content is not acceptable (bad offsets, unknown label): HTTP 400. */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
