/**
 * Gold standard: merge strategies, disagreement review, the curation editor.
 */
@ApplicationModule(displayName = "Curation", allowedDependencies = { "annotation", "annotation :: editor", "base", "base :: audit", "base :: ui", "corpus", "corpus :: ui", "diff", "security" })
package org.factspan.curation;

import org.springframework.modulith.ApplicationModule;
