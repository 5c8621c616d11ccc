/**
 * Shared pieces that depend on no other module: refusals and the API error format, code points, words and sentences (TextSegments), Markdown, the start gate, the layout and error views.
 */
@ApplicationModule(displayName = "Base", allowedDependencies = {})
package org.factspan.base;

import org.springframework.modulith.ApplicationModule;
