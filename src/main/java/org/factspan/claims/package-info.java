/**
 * Cross-document claim clusters, quantities, times, conflicts and the claim board.
 */
@ApplicationModule(displayName = "Claims", allowedDependencies = { "annotation", "base", "base :: ui", "base :: audit", "corpus", "corpus :: ui", "curation", "ingest", "search", "security" })
package org.factspan.claims;

import org.springframework.modulith.ApplicationModule;
