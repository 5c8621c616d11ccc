/**
 * Spans, attributes, attributions, undo and history: what annotators write, and the editor views.
 */
@ApplicationModule(displayName = "Annotation", allowedDependencies = { "base", "base :: ui", "base :: audit", "corpus", "corpus :: ui", "ingest", "security" })
package org.factspan.annotation;

import org.springframework.modulith.ApplicationModule;
