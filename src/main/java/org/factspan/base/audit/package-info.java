/**
 * The audit log every module writes its changes to (named interface {@code base :: audit}).
 */
@NamedInterface("audit")
package org.factspan.base.audit;

import org.springframework.modulith.NamedInterface;
