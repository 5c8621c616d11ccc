/**
 * Online backups of the H2 database, encrypted, with a view for admins.
 */
@ApplicationModule(displayName = "Backup", allowedDependencies = { "base", "security" })
package org.factspan.backup;

import org.springframework.modulith.ApplicationModule;
