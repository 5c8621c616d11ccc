package org.factspan.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of every upload, document import and annotation import alike ({@code factspan.import.*}): bytes of one
 * document's text, of one uploaded file, of everything one import unpacks, of the whole body of an import request
 * (several files); entries of one zip archive and how many times it may expand (total unpacked bytes over the bytes of
 * the archive read so far, checked once it has unpacked more than a megabyte); documents of one import.
 */
@ConfigurationProperties("factspan.import")
public record ImportLimits(@DefaultValue("5000000") long maxDocumentBytes, @DefaultValue("50000000") long maxFileBytes,
        @DefaultValue("200000000") long maxTotalBytes, @DefaultValue("2000") int maxZipEntries,
        @DefaultValue("10000") int maxDocuments, @DefaultValue("100") int maxExpansionRatio,
        @DefaultValue("210000000") long maxRequestBytes) {

    /** The defaults, as configured when nothing is set. */
    public static final ImportLimits DEFAULT = new ImportLimits(5_000_000, 50_000_000, 200_000_000, 2000, 10_000, 100,
            210_000_000);

    /** The limits a zip archive is read with; its unpacked bytes count against {@code budget}. */
    public SafeZip.Limits zip() {
        return new SafeZip.Limits(maxZipEntries, maxFileBytes, maxExpansionRatio);
    }

    /** A fresh budget of {@link #maxTotalBytes()} for one import. */
    public SafeZip.Budget budget() {
        return new SafeZip.Budget(maxTotalBytes);
    }
}
