package org.factspan.corpus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of a document import ({@code factspan.import.*}): bytes of one document's text, of one uploaded file, of
 * everything an import unpacks, entries of one zip archive, documents of one import.
 */
@ConfigurationProperties("factspan.import")
public record ImportLimits(@DefaultValue("5000000") long maxDocumentBytes, @DefaultValue("50000000") long maxFileBytes,
        @DefaultValue("200000000") long maxTotalBytes, @DefaultValue("2000") int maxZipEntries,
        @DefaultValue("10000") int maxDocuments) {
}
