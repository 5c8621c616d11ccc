/**
 * Projects, label schemas, members, documents, assignments and document import.
 */
@ApplicationModule(displayName = "Corpus", allowedDependencies = { "base", "base :: ui", "base :: audit", "ingest", "ingest :: ui", "security" })
package org.factspan.corpus;

import org.springframework.modulith.ApplicationModule;
