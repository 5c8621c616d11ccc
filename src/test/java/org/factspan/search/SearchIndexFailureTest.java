package org.factspan.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.factspan.base.StorageFailures;
import org.factspan.base.StorageUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

/**
 * Issue 13, "Storage errors say what they are", for the search index: a write it cannot make is a storage failure
 * (503, the health endpoint says so), the index works again once its folder does, an index that was not closed
 * cleanly is rebuilt at the next start, and a folder that cannot be opened does not keep Factspan from starting.
 */
class SearchIndexFailureTest {

    /** A directory whose writes can be made to fail as on a read-only or full disk. */
    static final class Switchable extends FilterDirectory {
        volatile boolean failing;

        Switchable() {
            super(new ByteBuffersDirectory());
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            if (failing) {
                throw new FileSystemException(name, null, "Read-only file system");
            }
            return super.createOutput(name, context);
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            if (failing) {
                throw new FileSystemException(prefix, null, "No space left on device");
            }
            return super.createTempOutput(prefix, suffix, context);
        }
    }

    @Test
    void aFailedWriteIsAStorageFailureAndTheIndexWorksAgainWithItsFolder() throws Exception {
        Switchable dir = new Switchable();
        SearchIndex index = new SearchIndex(dir);
        SearchIndexHealth health = new SearchIndexHealth(index, null);
        index.put(SearchIndexTest.doc(1, "Police said so.", "sha-1", "Police"));
        index.commit("db");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        dir.failing = true;
        assertThatThrownBy(() -> {
            index.put(SearchIndexTest.doc(2, "Tokayev told AFP.", "sha-2", "Tokayev"));
            index.commit("db");
        }).isInstanceOf(StorageUnavailableException.class)
                .satisfies(e -> assertThat(StorageFailures.isStorageFailure(e)).isTrue());
        var down = health.health();
        assertThat(down.getStatus()).isEqualTo(SearchIndexHealth.DEGRADED);
        assertThat(down.getDetails()).containsEntry("restartNeeded", false);
        assertThat(index.documentCount()).as("searches keep the last state").isEqualTo(1);

        dir.failing = false;
        index.reopen();
        index.put(SearchIndexTest.doc(2, "Tokayev told AFP.", "sha-2", "Tokayev"));
        index.commit("db");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(index.documentCount()).isEqualTo(2);
        index.destroy();
    }

    @Test
    void anIndexThatWasNotClosedCleanlyIsRebuiltAtTheNextStart(@TempDir Path folder) throws Exception {
        SearchProperties properties = new SearchProperties(folder.resolve("index").toString(), Duration.ofSeconds(1));
        SearchIndex first = new SearchIndex(properties);
        first.put(SearchIndexTest.doc(1, "Police said so.", "sha-1", "Police"));
        first.commit("db");
        first.destroy();
        SearchIndex clean = new SearchIndex(properties);
        assertThat(clean.closedCleanlyLastTime()).isTrue();
        assertThat(clean.database()).isEqualTo("db");
        clean.commit("db"); // in use: no longer "closed" on disk
        // a kill: the folder as the running instance left it, opened by a new one
        Path copy = folder.resolve("copy");
        Files.createDirectories(copy);
        try (var files = Files.list(folder.resolve("index"))) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        SearchIndex afterKill = new SearchIndex(new SearchProperties(copy.toString(), Duration.ofSeconds(1)));
        assertThat(afterKill.existedAtStart()).isTrue();
        assertThat(afterKill.closedCleanlyLastTime()).isFalse();
        afterKill.destroy();
        clean.destroy();
    }

    @Test
    void aFolderThatCannotBeWrittenAtStartFallsBackToMemoryAndSaysARestartIsNeeded(@TempDir Path folder)
            throws Exception {
        Path notAFolder = folder.resolve("index");
        Files.writeString(notAFolder, "a file where the index folder should be");
        SearchIndex index = new SearchIndex(new SearchProperties(notAFolder.toString(), Duration.ofSeconds(1)));
        assertThat(index.fallbackReason()).contains(notAFolder.toAbsolutePath().toString());
        var health = new SearchIndexHealth(index, null).health();
        assertThat(health.getStatus()).isEqualTo(SearchIndexHealth.DEGRADED);
        assertThat(health.getDetails()).containsEntry("restartNeeded", true);
        index.put(SearchIndexTest.doc(1, "Police said so.", "sha-1", "Police"));
        index.commit("db");
        assertThat(index.documentCount()).as("search still works, from memory").isEqualTo(1);
        index.destroy();
    }
}
