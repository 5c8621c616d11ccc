/**
 * The bounded browser upload handler every upload view uses (named interface {@code ingest :: ui}).
 */
@NamedInterface("ui")
package org.factspan.ingest.ui;

import org.springframework.modulith.NamedInterface;
