package org.factspan.corpus;

/**
 * How much stored work uses a label: spans (of all annotators), how many of them are part of attribution
 * triples, and how many attribute values they carry.
 */
public record LabelUse(String label, long spans, long inAttributions, long attributeValues) {
}
