package org.factspan.base;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to drop a connection whose database failed. H2 closes itself after a write error (a full
 * disk) and answers "the database has been closed" (90098) on every old connection, while {@code isValid()} still
 * says true, so the pool would hand out dead connections for ever; a new connection reopens the database and works
 * as soon as the disk does. Set by {@code spring.datasource.hikari.exception-override-class-name} (decision 017).
 */
public class StorageConnectionEviction implements SQLExceptionOverride {

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return StorageFailures.isStorageFailure(e) ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
