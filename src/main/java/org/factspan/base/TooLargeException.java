package org.factspan.base;

/**
 * The request or upload is too large (a body over its limit, a file or an archive that unpacks to more than allowed):
 * HTTP 413. A kind of {@link InvalidRequestException}, so code that shows refusals needs no extra case.
 */
public class TooLargeException extends InvalidRequestException {
    public TooLargeException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 413;
    }
}
