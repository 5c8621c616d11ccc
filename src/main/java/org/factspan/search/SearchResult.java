package org.factspan.search;

import java.util.List;

/** The hits of a search, best first (without a query: in document order), and how many there are in all. */
public record SearchResult(String query, long total, List<SearchHit> hits) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
