package org.factspan.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of search and suggestions ({@code factspan.search.*}).
 *
 * @param indexDir where the Lucene index lives; {@code memory} keeps it in memory (tests), rebuilt at every start
 * @param retrainDelay how long the statistical recommender waits after the last span change before it retrains
 */
@ConfigurationProperties("factspan.search")
public record SearchProperties(String indexDir, Duration retrainDelay) {

    public static final String MEMORY = "memory";

    public SearchProperties {
        indexDir = indexDir == null || indexDir.isBlank() ? "./data/search-index" : indexDir;
        retrainDelay = retrainDelay == null ? Duration.ofSeconds(5) : retrainDelay;
    }
}
