/**
 * Users, roles, login, API tokens and the current actor.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = { "base", "base :: ui", "base :: audit", "ingest" })
package org.factspan.security;

import org.springframework.modulith.ApplicationModule;
