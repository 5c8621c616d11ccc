/**
 * Span suggestions: the recommenders (attribution patterns, a name finder learnt from the team), their training and
 * evaluation, and the recommenders view. The editor knows them only through {@code annotation.SpanSuggestions}.
 */
@ApplicationModule(displayName = "Suggestions", allowedDependencies = { "annotation", "base", "base :: ui", "base :: audit", "corpus", "corpus :: ui", "search", "security" })
package org.factspan.suggest;

import org.springframework.modulith.ApplicationModule;
