/**
 * The one diff engine that lines annotators' spans up, shared by curation and agreement; plain Java.
 */
@ApplicationModule(displayName = "Diff", allowedDependencies = {})
package org.factspan.diff;

import org.springframework.modulith.ApplicationModule;
