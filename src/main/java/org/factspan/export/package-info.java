/**
 * Export and annotation import: formats behind one interface, datasets, the REST export API.
 */
@ApplicationModule(displayName = "Export", allowedDependencies = { "agreement", "agreement :: service", "annotation", "base", "base :: ui", "claims", "corpus", "corpus :: ui", "curation", "ingest", "ingest :: ui", "security" })
package org.factspan.export;

import org.springframework.modulith.ApplicationModule;
