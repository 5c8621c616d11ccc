package org.factspan.search;

import java.time.Duration;
import org.springframework.context.ApplicationContext;

/** Test and benchmark hook: waits until the search indexer has nothing queued (true when it has not). */
public final class IndexerIdle {

    private IndexerIdle() {
    }

    public static boolean await(ApplicationContext context, Duration timeout) {
        SearchIndexer indexer = context.getBeanProvider(SearchIndexer.class).getIfAvailable();
        return indexer == null || indexer.awaitIdle(timeout);
    }
}
