package org.factspan.export;

/**
 * Who said what: span ids of the source (who), the cue (the words that tie them, such as "said") and the content
 * (the claim). Source or cue may be missing, not both.
 */
public record ExportAttribution(long id, Long source, Long cue, long content, String annotator, String provenance) {

    public ExportAttribution {
        if (source == null && cue == null) {
            throw new IllegalArgumentException("Attribution " + id + " needs a source or a cue");
        }
    }
}
