package org.factspan.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The search index in {@code /actuator/health} (component {@code searchIndex}): {@code DEGRADED} while a write fails
 * (the indexer retries and rebuilds the index once writing works again), {@code DEGRADED} with {@code restartNeeded}
 * when the index folder could not be opened at start (a temporary in-memory index serves until a restart). Decision
 * 017. While it is up, its details (admins only) say how the index was brought up to date at start ({@code atStart}:
 * rebuilt, caught up from an audit event, or current) and up to which audit event it is current ({@code auditEvent}).
 */
@Component("searchIndexHealthIndicator") // shown as "searchIndex"
class SearchIndexHealth implements HealthIndicator {

    /** Search is impaired, annotation is not: the instance stays in service (200, see application.properties). */
    static final Status DEGRADED = new Status("DEGRADED");

    private final SearchIndex index;
    private final SearchIndexer indexer;

    /** {@code indexer} may be null (tests of the index alone): no details then. */
    SearchIndexHealth(SearchIndex index, SearchIndexer indexer) {
        this.index = index;
        this.indexer = indexer;
    }

    @Override
    public Health health() {
        if (index.fallbackReason() != null) {
            return Health.status(DEGRADED).withDetail("restartNeeded", true).withDetail("message", index.fallbackReason())
                    .build();
        }
        Throwable failure = index.failure();
        if (failure != null) {
            return Health.status(DEGRADED).withDetail("restartNeeded", false)
                    .withDetail("message", "The search index cannot be written (" + failure + "). Factspan retries"
                            + " every " + SearchIndexer.RETRY.toSeconds() + " s and rebuilds the index once it can;"
                            + " search shows the last state meanwhile.")
                    .build();
        }
        Health.Builder up = Health.up();
        if (indexer == null) {
            return up.build();
        }
        if (indexer.startedBy() != null) {
            up.withDetail("atStart", indexer.startedBy()); // rebuilt, caught up or current (decision 024)
        }
        Long position = indexer.position();
        if (position != null) {
            up.withDetail("auditEvent", position);
        }
        return up.build();
    }
}
