package org.factspan.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

/**
 * What counts as a storage failure (decision 017). The H2 chains are the ones H2 2.4 produced on a 6 MB tmpfs filled
 * up by hand: the failed write ("General error" with the storage engine's exception and "No space left on device"),
 * then "The database has been closed" on every old connection.
 */
class StorageFailuresTest {

    static SQLException h2(int code) {
        return DbException.getJdbcSQLException(code);
    }

    @Test
    void h2sFullDiskAndClosedDatabaseAreStorageFailures() {
        var write = new SQLException("General error: \"org.h2.mvstore.MVStoreException: Writing to ... failed\"",
                "HY000", 50000, new MVStoreException(2, "Writing to sun.nio.ch.FileChannelImpl failed")
                        .initCause(new IOException("No space left on device")));
        assertThat(StorageFailures.isStorageFailure(new JpaSystemException(new RuntimeException(write)))).isTrue();
        assertThat(StorageFailures.isStorageFailure(h2(ErrorCode.DATABASE_IS_CLOSED))).isTrue();
        assertThat(StorageFailures.isStorageFailure(h2(ErrorCode.DATABASE_IS_READ_ONLY))).isTrue();
        assertThat(StorageFailures.isStorageFailure(h2(ErrorCode.DATABASE_CALLED_AT_SHUTDOWN))).isTrue();
        assertThat(StorageFailures.isStorageFailure(new IOException("Read-only file system"))).isTrue();
    }

    @Test
    void postgresqlsStatesOfAnUnavailableServerAreStorageFailures() {
        for (String state : new String[] {"08006", "53100", "57P01", "58030", "25006"}) {
            assertThat(StorageFailures.isStorageFailure(new SQLException("x", state))).as(state).isTrue();
        }
    }

    @Test
    void theCallersMistakesAndOurBugsAreNot() {
        assertThat(StorageFailures.isStorageFailure(h2(ErrorCode.DUPLICATE_KEY_1))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new DataIntegrityViolationException("unique"))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new SQLException("syntax", "42000"))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new IOException("Broken pipe"))).as("a client gone").isFalse();
        assertThat(StorageFailures.isStorageFailure(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void thePoolDropsConnectionsOfAFailedDatabase() {
        var eviction = new StorageConnectionEviction();
        assertThat(eviction.adjudicate(h2(ErrorCode.DATABASE_IS_CLOSED)))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(eviction.adjudicate(h2(ErrorCode.DUPLICATE_KEY_1)))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }
}
