package org.factspan.claims;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the members of one claim cluster say to each other (decisions 013 and 019). Plain Java over what the members
 * say and when:
 * <ul>
 * <li>numbers that count the same thing (the same event, e.g. killed; else the same counted noun; else each has a
 * single number) and cannot both be true ("eight" against "13"; "at least eight" and "13" can) are a
 * <b>contradiction</b> when their reference times overlap, an <b>update</b> when the later one is higher and the count
 * is cumulative (killed, wounded, detained: they only grow), a <b>revision down</b> when the later one is lower (a
 * cumulative count that shrank: to be reviewed), and of <b>unknown time</b> when either time is unknown. A count that
 * is not cumulative (hospitalised, in intensive care) may go either way: a later different value is an update. Parts
 * ("including two") are never compared with wholes.</li>
 * <li><b>attribution</b>: members of different documents name sources that are not one another's ("the Interior
 * Ministry" against "police"), told once per cluster with every source and its outlets. Names match across spellings
 * and titles: "Toqaev", "Tokayev" and "President Kassym-Jomart Tokayev" are one source.</li>
 * </ul>
 */
public final class ConflictRules {

    /**
     * What the rules need to know about one member: its numbers, sources, reference time (null: unknown) and a name
     * for it in sentences (its outlet).
     */
    public record Member(long id, long documentId, List<Quantity> quantities, List<String> sources, ReferenceTime time,
            String who) {

        public Member(long id, long documentId, List<Quantity> quantities, List<String> sources) {
            this(id, documentId, quantities, sources, null, null);
        }

        boolean timeKnown() {
            return time != null && time.known();
        }

        String name() {
            return who == null ? "member " + id : who;
        }
    }

    public enum Kind {
        CONTRADICTION, REVISION_DOWN, UNKNOWN_TIME, UPDATE, ATTRIBUTION;

        /** The id used in the API and in filters: contradiction, update, revision-down, unknown-time, attribution. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Everything but an update needs a person to look at it. */
        public boolean needsReview() {
            return this != UPDATE;
        }

        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Counts that only grow: a later lower value is a revision, a later higher one an update. */
    public static final Set<String> CUMULATIVE = Set.of("killed", "wounded", "detained");

    /**
     * Members {@code a} and {@code b} (for attribution: the first two of {@code members}) and why, for people;
     * {@code members}: every member the finding is about.
     */
    public record Conflict(Kind kind, long a, long b, String detail, List<Long> members) {
    }

    /** Words that say what a source is, not who: dropped before names are compared. */
    private static final Set<String> TITLES = Set.of("the", "a", "an", "of", "president", "prime", "minister", "mr",
            "mrs", "ms", "dr", "kazakh", "kazakhstan", "kazakhstan's", "spokesman", "spokeswoman", "spokesperson",
            "official", "officials", "chairman", "chair", "former", "head", "leader", "current", "russian", "armenian",
            "his", "her", "its", "their", "deputy", "first", "s");

    /** Every pair whose numbers differ (by kind), then one attribution finding for the cluster, if any. */
    public List<Conflict> conflicts(List<Member> members) {
        List<Conflict> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                Member a = members.get(i);
                Member b = members.get(j);
                Finding numbers = numbers(a, b);
                if (numbers != null) {
                    out.add(new Conflict(numbers.kind(), a.id(), b.id(), numbers.detail(), List.of(a.id(), b.id())));
                }
            }
        }
        Conflict sources = attribution(members);
        if (sources != null) {
            out.add(sources);
        }
        return out;
    }

    /**
     * The stance a new member likely takes towards the others: {@code conflicts} when its numbers contradict one of
     * theirs (or cannot be placed in time against them, or revise a count down) or its sources clash with theirs,
     * {@code refines} when it says more precisely or more recently what another says (a narrower interval for the
     * same count, an update, or counts the others lack), else {@code agrees}.
     */
    public Stance suggestStance(Member candidate, List<Member> others) {
        boolean update = false;
        for (Member o : others) {
            if (o.id() == candidate.id()) {
                continue;
            }
            Finding f = numbers(candidate, o);
            if (f != null && f.kind().needsReview() || attributionConflict(candidate, o) != null) {
                return Stance.CONFLICTS;
            }
            update |= f != null;
        }
        if (update) {
            return Stance.REFINES;
        }
        Set<String> mine = keys(candidate);
        for (Member o : others) {
            if (o.id() == candidate.id()) {
                continue;
            }
            for (Quantity x : candidate.quantities()) {
                for (Quantity y : o.quantities()) {
                    if (!x.partial() && !y.partial() && x.key() != null && x.key().equals(y.key())
                            && x.value().strictlyInside(y.value())) {
                        return Stance.REFINES;
                    }
                }
            }
        }
        boolean addsCounts = !others.isEmpty() && others.stream().filter(o -> o.id() != candidate.id())
                .allMatch(o -> !keys(o).containsAll(mine) && mine.containsAll(keys(o)));
        return addsCounts ? Stance.REFINES : Stance.AGREES;
    }

    private static Set<String> keys(Member m) {
        Set<String> keys = new HashSet<>();
        for (Quantity q : m.quantities()) {
            if (!q.partial() && q.key() != null) {
                keys.add(q.key());
            }
        }
        return keys;
    }

    /** A kind and why. */
    record Finding(Kind kind, String detail) {
    }

    /**
     * How the two members' numbers differ, the most serious finding over every pair of comparable numbers
     * (contradiction, revision down, unknown time, update), or null when they can all be true.
     */
    Finding numbers(Member a, Member b) {
        List<Quantity> qa = a.quantities().stream().filter(q -> !q.partial()).toList();
        List<Quantity> qb = b.quantities().stream().filter(q -> !q.partial()).toList();
        Finding worst = null;
        for (Quantity x : qa) {
            for (Quantity y : qb) {
                boolean comparable = x.key() != null ? x.key().equals(y.key())
                        : y.key() == null && qa.size() == 1 && qb.size() == 1;
                if (!comparable || x.value().intersects(y.value())) {
                    continue;
                }
                Finding f = classify(a, x, b, y);
                if (worst == null || f.kind().ordinal() < worst.kind().ordinal()) {
                    worst = f;
                }
            }
        }
        return worst;
    }

    /** Two incompatible values of one count, by their times. */
    private static Finding classify(Member a, Quantity x, Member b, Quantity y) {
        String what = x.key() == null ? "" : " " + x.key();
        if (!a.timeKnown() || !b.timeKnown()) {
            Member unknown = !a.timeKnown() ? a : b;
            return new Finding(Kind.UNKNOWN_TIME, say(a, x, what) + " against " + say(b, y, what)
                    + ": they cannot both be true, and " + unknown.name() + "'s time is unknown, so neither an update"
                    + " nor a contradiction can be told (set its publication or reference time)");
        }
        if (a.time().overlaps(b.time())) {
            return new Finding(Kind.CONTRADICTION, say(a, x, what) + " against " + say(b, y, what)
                    + ": the values cannot both be true at overlapping times");
        }
        boolean aFirst = a.time().before(b.time());
        Member early = aFirst ? a : b;
        Member late = aFirst ? b : a;
        Quantity before = aFirst ? x : y;
        Quantity after = aFirst ? y : x;
        boolean higher = after.value().low() >= before.value().high();
        boolean cumulative = x.key() != null && CUMULATIVE.contains(x.key());
        String order = say(late, after, what) + " is later than " + say(early, before, what);
        if (!cumulative) {
            return new Finding(Kind.UPDATE, order + ": a count that can change either way; the later value is an"
                    + " update");
        }
        if (higher) {
            return new Finding(Kind.UPDATE, order + " and higher: the cumulative count grew (an update, not a"
                    + " contradiction)");
        }
        return new Finding(Kind.REVISION_DOWN, order + " but lower: a cumulative count cannot shrink, so one of them"
                + " is wrong or was revised down; review it");
    }

    private static String say(Member m, Quantity q, String what) {
        return (m.who() == null ? "" : m.who() + (m.who().endsWith("s") ? "' " : "'s ")) + "“" + q.phrase() + "”" + what + " (" + q.value()
                + (m.time() == null ? "" : ", " + (m.time().known() ? m.time().describe() : "time unknown")) + ")";
    }

    /** Why the two members' numbers cannot both be true, or null (any kind). */
    public String numericConflict(Member a, Member b) {
        Finding f = numbers(a, b);
        return f == null ? null : f.detail();
    }

    /** Why the two members name different sources, or null. */
    public String attributionConflict(Member a, Member b) {
        if (a.documentId() == b.documentId() || a.sources().isEmpty() || b.sources().isEmpty()) {
            return null;
        }
        for (String x : a.sources()) {
            for (String y : b.sources()) {
                if (sameSource(x, y)) {
                    return null;
                }
            }
        }
        return "attributed to " + quoted(a.sources()) + " in one outlet and to " + quoted(b.sources()) + " in another";
    }

    /**
     * One finding for the whole cluster when members of different documents attribute it to different sources: "attributed
     * to 3 different sources: “The Interior Ministry” (RFE/RL); “Kazakh media” (The Moscow Times, VOI); ...". Null when
     * every pair of members with sources shares one (or they are all of one document).
     */
    Conflict attribution(List<Member> members) {
        List<Long> involved = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                if (attributionConflict(members.get(i), members.get(j)) != null) {
                    any = true;
                    for (Member m : List.of(members.get(i), members.get(j))) {
                        if (!involved.contains(m.id())) {
                            involved.add(m.id());
                        }
                    }
                }
            }
        }
        if (!any) {
            return null;
        }
        // group the sources of the members involved: one group per source, across spellings
        List<String> names = new ArrayList<>();
        List<java.util.Set<String>> outlets = new ArrayList<>();
        for (Member m : members) {
            if (!involved.contains(m.id())) {
                continue;
            }
            for (String source : m.sources()) {
                int at = -1;
                for (int k = 0; k < names.size() && at < 0; k++) {
                    if (sameSource(names.get(k), source)) {
                        at = k;
                    }
                }
                if (at < 0) {
                    names.add(source);
                    outlets.add(new java.util.LinkedHashSet<>());
                    at = names.size() - 1;
                }
                outlets.get(at).add(m.name());
            }
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            parts.add("“" + names.get(k) + "” (" + String.join(", ", outlets.get(k)) + ")");
        }
        List<Long> sorted = involved.stream().sorted().toList();
        return new Conflict(Kind.ATTRIBUTION, sorted.get(0), sorted.get(1), "attributed to " + names.size()
                + " different sources: " + String.join("; ", parts), sorted);
    }

    /** The same source under different spellings or titles. */
    public static boolean sameSource(String x, String y) {
        Set<String> a = nameWords(x);
        Set<String> b = nameWords(y);
        if (a.isEmpty() || b.isEmpty()) {
            // titles only ("the president"): the same words, articles aside
            return a.isEmpty() && b.isEmpty() && plainWords(x).equals(plainWords(y));
        }
        for (String u : a) {
            for (String v : b) {
                if (u.equals(v) || u.length() >= 6 && v.length() >= 6 && editDistance(u, v) <= 2) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> nameWords(String s) {
        Set<String> words = new HashSet<>();
        for (String w : normalize(s).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && !TITLES.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static Set<String> plainWords(String s) {
        Set<String> words = new HashSet<>(List.of(normalize(s).split("[^\\p{L}\\p{N}]+")));
        words.removeAll(Set.of("the", "a", "an", "", "of"));
        return words;
    }

    private static String normalize(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replace('’', '\'').trim();
    }

    private static String quoted(List<String> sources) {
        return String.join(", ", sources.stream().map(s -> "“" + s + "”").toList());
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
