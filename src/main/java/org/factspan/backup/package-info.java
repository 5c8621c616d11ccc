/**
 * Online backups of the H2 database, encrypted, with a view for admins.
 */
@ApplicationModule(displayName = "Backup", allowedDependencies = { "base", "base :: ui", "security" })
package org.factspan.backup;

import org.springframework.modulith.ApplicationModule;
