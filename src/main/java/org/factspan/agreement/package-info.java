/**
 * Agreement measures (plain Java over the diff) and, in {@code service}, the agreement service, API and views.
 */
@ApplicationModule(displayName = "Agreement", allowedDependencies = { "annotation", "base", "base :: ui", "corpus", "corpus :: ui", "diff", "security" })
package org.factspan.agreement;

import org.springframework.modulith.ApplicationModule;
