package org.factspan.corpus;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * What the schema editor and the progress dashboard need to know about stored spans, and the one bulk change
 * the schema editor makes to them (mapping a removed label's spans to another label). The corpus defines it;
 * the annotation feature, which owns spans, implements it, so dependencies keep pointing one way.
 */
public interface SpanStatistics {

    /** Spans count per document, user and label in a project. */
    record Tally(long documentId, long userId, String label, long spans) {
    }

    List<Tally> tally(long projectId);

    /** Number of spans (of every annotator) with this label in the project. */
    long spansWithLabel(long projectId, String label);

    /** Number of spans with this label that are part of an attribution triple. */
    long spansWithLabelInAttributions(long projectId, String label);

    /** A stored attribute value of a label's spans and how many spans carry it. */
    record ValueCount(String attribute, String value, long spans) {
    }

    /** The attribute values stored on spans of this label, counted. */
    List<ValueCount> attributeValues(long projectId, String label);

    /** Spans of {@code from} that would collide with an identical span of {@code to} of the same annotator. */
    long collisionsIfRelabelled(long projectId, String from, String to);

    /**
     * Gives every span of {@code from} the label {@code to}; attribute values for which {@code keep} (attribute
     * name, value) is false are deleted. Callers check collisions first.
     *
     * @return the number of spans changed
     */
    long relabelAll(long projectId, String from, String to, BiPredicate<String, String> keep);
}
