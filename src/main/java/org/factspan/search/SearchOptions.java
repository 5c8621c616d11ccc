package org.factspan.search;

import java.util.List;
import java.util.Map;

/**
 * What a caller may filter by in a project: the labels, the values of the labels' choice attributes (name to
 * values), the annotators whose spans they may search (only themselves for annotators) and the document states.
 */
public record SearchOptions(List<String> labels, Map<String, List<String>> attributes, List<String> annotators,
        List<DocumentState> states, boolean allAnnotators) {
}
