package org.factspan.base;

/**
 * A service's refusal: the request is understood and changes nothing, for a reason the caller can act on. The one
 * root of the refusal hierarchy ({@link NotFoundException}, {@link InvalidRequestException} and its
 * {@link TooLargeException}, {@link ForbiddenException}, {@link ConflictException}); the REST API answers with
 * {@link #status()} and the message, the UI shows the message ({@link Refusals}, {@code base.ui.Notify}). A storage
 * failure is not a refusal ({@link StorageUnavailableException}, 503): the request was fine, the server was not.
 */
public abstract class RefusedException extends RuntimeException {

    protected RefusedException(String message) {
        super(message);
    }

    /** The HTTP status a REST caller gets (4xx). */
    public abstract int status();
}
