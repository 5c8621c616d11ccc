/**
 * The Lucene search index over documents and spans, kept current by span and document events, and the search view.
 */
@ApplicationModule(displayName = "Search", allowedDependencies = { "annotation", "base", "base :: ui", "base :: audit", "corpus", "corpus :: ui", "ingest", "security" })
package org.factspan.search;

import org.springframework.modulith.ApplicationModule;
