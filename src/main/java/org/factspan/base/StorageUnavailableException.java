package org.factspan.base;

/**
 * The database or the search index cannot be read or written (disk full, a read-only folder, a database that closed
 * itself after a write error). The request changed nothing; the REST API answers 503, the UI says so. Thrown where
 * Factspan itself notices it (the search index); failures of the database arrive as Spring's and the driver's
 * exceptions, which {@link StorageFailures} recognises.
 */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
