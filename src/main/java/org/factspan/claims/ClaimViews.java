package org.factspan.claims;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the claims service answers: clusters with members, numbers and conflicts, and suggestions. */
public final class ClaimViews {

    private ClaimViews() {
    }

    /** A cluster: its statement, the number of distinct outlets among its members, members and conflicts. */
    public record Cluster(long id, String statement, long version, int outlets, List<Member> members,
            List<Conflict> conflicts, String updatedBy, Instant updatedAt) {

        public boolean hasConflict(String kind) {
            return conflicts.stream().anyMatch(c -> kind == null || c.kind().equals(kind));
        }
    }

    /**
     * A member: the claim span (code points, end exclusive) with its text and context, whose span it is ({@code
     * owner}: "gold" or the annotator; shown as "annotator" to annotators), its stance and whether the rules
     * suggested it, the sources and cues of its attribution triples, its numbers and attribute values.
     */
    public record Member(long id, long spanId, long documentId, String document, String outlet, int start, int end,
            String text, String before, String after, String owner, boolean gold, String stance,
            boolean stanceSuggested, List<String> sources, List<String> cues, List<Number> numbers,
            Map<String, String> attributes) {
    }

    /** A number of a member's text as an interval. */
    public record Number(String phrase, String interval, String event, String counted) {
    }

    /** Two members that cannot both be right: {@code kind} is "numeric" or "attribution". */
    public record Conflict(String kind, long memberA, long memberB, String detail) {
    }

    /** A claim of another document that likely states the same fact, with its score and why. */
    public record Suggestion(long spanId, long documentId, String document, String outlet, String text, String before,
            String after, String owner, boolean gold, double score, List<String> reasons) {
    }

    /** A claim span that can be put into a cluster (for choosing where to start). */
    public record ClaimChoice(long spanId, long documentId, String document, String outlet, String text, String owner,
            boolean gold) {
    }

    /** Filters of the claim board: conflict ("numeric", "attribution", "any", "none"), outlet, attribute "name=value". */
    public record Filter(String conflict, String outlet, String attribute, String text) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }
}
