package org.factspan.export;

/**
 * Who said what: span ids of the source (who), the cue (the words that tie them, such as "said") and the content
 * (the claim). Source and cue may be missing (a claim the article states without saying who said it).
 */
public record ExportAttribution(long id, Long source, Long cue, long content, String annotator, String provenance) {
}
