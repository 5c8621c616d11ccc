/**
 * One way in for every upload, body and zip: bounded reading, safe zip, strict UTF-8 (decision 018).
 */
@ApplicationModule(displayName = "Ingest", allowedDependencies = "base")
package org.factspan.ingest;

import org.springframework.modulith.ApplicationModule;
