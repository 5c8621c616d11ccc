/**
 * Cross-document claim clusters, quantities, times, conflicts and the claim board.
 */
@ApplicationModule(displayName = "Claims", allowedDependencies = { "annotation", "base", "base :: audit", "corpus", "curation", "ingest", "search", "security" })
package org.factspan.claims;

import org.springframework.modulith.ApplicationModule;
