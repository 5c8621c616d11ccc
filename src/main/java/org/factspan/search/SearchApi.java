package org.factspan.search;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.factspan.base.Quote;
import org.factspan.base.InvalidRequestException;
import org.factspan.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search over REST; the same service and so the same permissions as the search view. */
@RestController
class SearchApi {

    record Rebuilt(int documents) {
    }

    private final SearchService search;
    private final CurrentUser currentUser;

    SearchApi(SearchService search, CurrentUser currentUser) {
        this.search = search;
        this.currentUser = currentUser;
    }

    /**
     * {@code q} (Lucene syntax; may be empty when filters are given), {@code label} and {@code annotator} (repeatable:
     * any of them), {@code attr=name:value} (repeatable: all of them), {@code state} (repeatable), {@code kind}
     * ({@code any}, {@code document}, {@code span}), {@code limit} (1..200, default 50), {@code offset}.
     */
    @GetMapping("/api/v1/projects/{slug}/search")
    SearchResult search(@PathVariable String slug, @RequestParam(defaultValue = "") String q,
            @RequestParam(name = "label", required = false) List<String> labels,
            @RequestParam(name = "attr", required = false) List<String> attributes,
            @RequestParam(name = "annotator", required = false) List<String> annotators,
            @RequestParam(name = "state", required = false) List<String> states,
            @RequestParam(defaultValue = "any") String kind,
            @RequestParam(defaultValue = "" + SearchRequest.DEFAULT_LIMIT) int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return search.search(currentUser.require(), slug, new SearchRequest(q, set(labels), attributes(attributes),
                set(annotators), states(states), kind(kind), limit, offset));
    }

    @GetMapping("/api/v1/projects/{slug}/search/options")
    SearchOptions options(@PathVariable String slug) {
        return search.options(currentUser.require(), slug);
    }

    /** Rebuilds the whole index (admins). */
    @PostMapping("/api/v1/search/rebuild")
    Rebuilt rebuild() {
        return new Rebuilt(search.rebuild(currentUser.require()));
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values.stream().filter(v -> !v.isBlank()).toList());
    }

    static Map<String, String> attributes(List<String> values) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String v : values == null ? List.<String>of() : values) {
            int colon = v.indexOf(':');
            if (colon <= 0 || colon == v.length() - 1) {
                throw new InvalidRequestException("attr must be name:value, got " + Quote.of(v));
            }
            if (result.put(v.substring(0, colon), v.substring(colon + 1)) != null) {
                throw new InvalidRequestException("attr names '" + v.substring(0, colon) + "' twice");
            }
        }
        return result;
    }

    static Set<DocumentState> states(List<String> values) {
        Set<DocumentState> result = EnumSet.noneOf(DocumentState.class);
        for (String v : values == null ? List.<String>of() : values) {
            try {
                result.add(DocumentState.valueOf(v.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("Unknown state " + Quote.of(v) + "; states are " + List.of(DocumentState.values()));
            }
        }
        return result;
    }

    static SearchRequest.Kind kind(String value) {
        try {
            return SearchRequest.Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("kind must be any, document or span, got " + Quote.of(value));
        }
    }
}
