package org.factspan.search;

import java.util.Map;
import java.util.Set;

/**
 * A search in one project. {@code query} uses Lucene's classic syntax ({@code "phrase"}, {@code OR}, {@code -word},
 * {@code kill*}); all words must match unless {@code OR} says otherwise; blank means everything (filters only).
 * Filters: {@code labels}, {@code attributes} (name to value, all must match) and {@code annotators} select spans;
 * {@code states} select documents (and the spans in them). Empty sets mean no restriction.
 *
 * @param kind {@link Kind#ANY}: documents and spans; a label, attribute or annotator filter implies spans
 * @param limit at most this many hits (1..{@value #MAX_LIMIT})
 * @param offset hits to skip (for paging)
 */
public record SearchRequest(String query, Set<String> labels, Map<String, String> attributes, Set<String> annotators,
        Set<DocumentState> states, Kind kind, int limit, int offset) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    /** What a search returns. */
    public enum Kind {
        ANY, DOCUMENT, SPAN
    }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        labels = labels == null ? Set.of() : Set.copyOf(labels);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        annotators = annotators == null ? Set.of() : Set.copyOf(annotators);
        states = states == null ? Set.of() : Set.copyOf(states);
        kind = kind == null ? Kind.ANY : kind;
    }

    /** A plain text search with no filters. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Set.of(), Map.of(), Set.of(), Set.of(), Kind.ANY, DEFAULT_LIMIT, 0);
    }

    public SearchRequest withLabels(Set<String> labels) {
        return new SearchRequest(query, labels, attributes, annotators, states, kind, limit, offset);
    }

    public SearchRequest withAnnotators(Set<String> annotators) {
        return new SearchRequest(query, labels, attributes, annotators, states, kind, limit, offset);
    }

    public SearchRequest withAttributes(Map<String, String> attributes) {
        return new SearchRequest(query, labels, attributes, annotators, states, kind, limit, offset);
    }

    public SearchRequest withStates(Set<DocumentState> states) {
        return new SearchRequest(query, labels, attributes, annotators, states, kind, limit, offset);
    }

    public SearchRequest withKind(Kind kind) {
        return new SearchRequest(query, labels, attributes, annotators, states, kind, limit, offset);
    }

    /** True when the filters select spans only. */
    boolean spansOnly() {
        return kind == Kind.SPAN || !labels.isEmpty() || !attributes.isEmpty() || !annotators.isEmpty();
    }
}
