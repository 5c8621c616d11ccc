/**
 * The audit log every module writes its changes to, and the change feed that reads it back for modules that follow changes on every instance (named interface {@code base :: audit}).
 */
@NamedInterface("audit")
package org.factspan.base.audit;

import org.springframework.modulith.NamedInterface;
