package org.factspan.base;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a storage failure (the database or the search index cannot be reached, read or written) from every other
 * error, by walking an exception's causes. One place for it: the REST API answers 503 with {@link #MESSAGE}, the
 * logins answer 503 instead of "wrong password", and the UI shows the message instead of a stack trace (decision 017).
 */
public final class StorageFailures {

    /** What the caller is told. Nothing about the cause's details: they go to the log. */
    public static final String MESSAGE = "Factspan cannot read or write its storage right now (the database or the"
            + " search index: a full disk, a read-only folder or a closed database). This request changed nothing."
            + " Try again in a moment; if it persists, an administrator should check the server's disk and"
            + " /actuator/health.";

    /**
     * H2's error codes for a database it cannot write or has closed: IO_EXCEPTION_1, FILE_CORRUPTED_1, IO_EXCEPTION_2,
     * DATABASE_IS_READ_ONLY, DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN.
     */
    private static final Set<Integer> H2_CODES = Set.of(90028, 90030, 90031, 90097, 90098, 90121);

    /** Messages of file-system errors that mean the disk, not the request. */
    private static final String[] DISK_MESSAGES = {"no space left on device", "read-only file system",
            "disk quota exceeded"};

    private StorageFailures() {
    }

    /** True when {@code failure} or one of its causes says the database or the index cannot be used. */
    public static boolean isStorageFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 30; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof StorageUnavailableException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof FileSystemException) {
                return true;
            }
            if (t instanceof SQLException sql && (H2_CODES.contains(sql.getErrorCode()) || storageState(sql.getSQLState()))) {
                return true;
            }
            // H2's storage engine reports a failed write (a full disk) as its own exception inside a general error
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                for (String disk : DISK_MESSAGES) {
                    if (message.contains(disk)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * SQL states of a database that cannot serve: connection exceptions (08), insufficient resources such as a full
     * disk (53), PostgreSQL shutting down or starting (57P01-57P03), system and I/O errors (58), a read-only
     * transaction (25006).
     */
    static boolean storageState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P0")
                || state.startsWith("58") || state.equals("25006"));
    }
}
