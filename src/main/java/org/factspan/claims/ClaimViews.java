package org.factspan.claims;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the claims service answers: clusters with members, numbers and conflicts, and suggestions. */
public final class ClaimViews {

    private ClaimViews() {
    }

    /**
     * A cluster: its statement, the number of distinct outlets among its members, members, what the members say to
     * each other ({@code conflicts}: contradictions, updates, revisions down, unknown times, one attribution line;
     * decision 019) and the curators' verdict (null when none).
     */
    public record Cluster(long id, String statement, long version, int outlets, List<Member> members,
            List<Conflict> conflicts, String updatedBy, Instant updatedAt, Verdict verdict) {

        public boolean hasConflict(String kind) {
            return conflicts.stream().anyMatch(c -> kind == null || c.kind().equals(kind));
        }

        /** Whether anything here needs a person to look at it (everything but updates). */
        public boolean needsReview() {
            return conflicts.stream().anyMatch(c -> !c.kind().equals("update"));
        }

        public java.util.Optional<Member> member(long memberId) {
            return members.stream().filter(m -> m.id() == memberId).findFirst();
        }
    }

    /**
     * A reference time (decision 019): ISO instants {@code from} (inclusive) and {@code to} (exclusive), null when
     * unknown; {@code local} the canonical local form ({@code 2022-01-06T12:00}, {@code 2022-01-05}), {@code display}
     * for people, the {@code zone}, the words it was read from ({@code expression}), and {@code basis}: text,
     * publication, curator or unknown; {@code set}: a curator set it.
     */
    public record Time(Instant from, Instant to, String local, String display, String zone, String expression,
            String basis) {

        static Time of(ReferenceTime t) {
            return new Time(t.from(), t.to(), t.canonical(), t.describe(), t.zone().getId(), t.expression(),
                    t.basis().id());
        }

        public boolean known() {
            return from != null;
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
            Map<String, String> attributes, Time time, String url) {
    }

    /**
     * A number of a member's text as an interval ({@code high} null: no upper bound); {@code unit} what it counts
     * (the event, else the counted noun); {@code partial}: a part of a larger count ("including two").
     */
    public record Number(String phrase, String interval, String event, String counted, double low, boolean lowClosed,
            Double high, boolean highClosed, String unit, boolean partial) {

        static Number of(Quantity q) {
            Interval v = q.value();
            return new Number(q.phrase(), v.toString(), q.event(), q.counted(), v.low(), v.lowClosed(),
                    Double.isInfinite(v.high()) ? null : v.high(), v.highClosed(), q.key(), q.partial());
        }
    }

    /**
     * What two members' numbers, or the members' sources, say to each other: {@code kind} is contradiction, update,
     * revision-down, unknown-time (numbers; {@code memberA}, {@code memberB}) or attribution (one per cluster,
     * {@code members} every member involved); {@code detail} is the reasoning in words.
     */
    public record Conflict(String kind, long memberA, long memberB, String detail, List<Long> members) {
    }

    /**
     * A curator's verdict on a cluster: the established value as typed ({@code value}) and as an interval, the
     * as-of time, status (consistent, updated, contradicted, unresolved), rating (true, mostly-true, mixed, false,
     * unverifiable), explanation, evidence (member ids and outside URLs), who set it and when.
     */
    public record Verdict(String value, Double low, boolean lowClosed, Double high, boolean highClosed, Time asOf,
            String status, String rating, String explanation, List<Long> members, List<String> urls, String setBy,
            Instant setAt) {
    }

    /** What a curator sends to record a verdict (see {@link Verdict}); {@code asOf}: ISO or words. */
    public record VerdictInput(String value, String asOf, String status, String rating, String explanation,
            List<Long> members, List<String> urls) {
    }

    /**
     * The timeline of a cluster: every number of its members (parts left out) with the member's reference time,
     * counting {@code unit}; {@code established}: the verdict's value and as-of time, null without a verdict.
     */
    public record Timeline(long cluster, String statement, String zone, List<Point> points, Verdict established) {
    }

    /** One value on a timeline: whose, when, what interval, in which words, from which source, with which stance. */
    public record Point(long member, String outlet, long documentId, String document, Time time, String phrase,
            double low, boolean lowClosed, Double high, boolean highClosed, String unit, String text,
            List<String> sources, String stance) {
    }

    /** A claim of another document that likely states the same fact, with its score and why. */
    public record Suggestion(long spanId, long documentId, String document, String outlet, String text, String before,
            String after, String owner, boolean gold, double score, List<String> reasons) {
    }

    /** A claim span that can be put into a cluster (for choosing where to start). */
    public record ClaimChoice(long spanId, long documentId, String document, String outlet, String text, String owner,
            boolean gold) {
    }

    /**
     * Filters of the claim board: conflict (a kind: contradiction, update, revision-down, unknown-time, attribution;
     * "numeric": any of the number kinds but update; "any": anything that needs review; "none": nothing that does),
     * outlet, attribute "name=value", text, verdict (a status, "any" or "none").
     */
    public record Filter(String conflict, String outlet, String attribute, String text, String verdict) {

        public Filter(String conflict, String outlet, String attribute, String text) {
            this(conflict, outlet, attribute, text, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }
}
