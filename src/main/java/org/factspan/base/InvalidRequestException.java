package org.factspan.base;

/** The request is well-formed but its content is not acceptable (bad offsets, unknown label): HTTP 400. */
public class InvalidRequestException extends RefusedException {
    public InvalidRequestException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }
}
