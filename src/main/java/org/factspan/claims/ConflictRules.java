package org.factspan.claims;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which members of one claim cluster cannot both be right. Plain Java over what the members say:
 * <ul>
 * <li><b>numeric</b>: two members count the same thing (the same event, e.g. killed; else the same counted noun;
 * else each has a single number) with intervals that cannot both be true: "eight killed" against "13 killed",
 * "317 wounded" against "more than 1,000 wounded". "At least eight" and "13" do not conflict. Parts ("including
 * two") are never compared with wholes.</li>
 * <li><b>attribution</b>: two members from different documents name sources, and no source of one is a source of
 * the other ("the Interior Ministry" against "police"). Names match across spellings and titles: "Toqaev",
 * "Tokayev" and "President Kassym-Jomart Tokayev" are one source.</li>
 * </ul>
 */
public final class ConflictRules {

    /** What the rules need to know about one member. */
    public record Member(long id, long documentId, List<Quantity> quantities, List<String> sources) {
    }

    public enum Kind {
        NUMERIC, ATTRIBUTION
    }

    /** Members {@code a} and {@code b} conflict; {@code detail} says why, for people. */
    public record Conflict(Kind kind, long a, long b, String detail) {
    }

    /** Words that say what a source is, not who: dropped before names are compared. */
    private static final Set<String> TITLES = Set.of("the", "a", "an", "of", "president", "prime", "minister", "mr",
            "mrs", "ms", "dr", "kazakh", "kazakhstan", "kazakhstan's", "spokesman", "spokeswoman", "spokesperson",
            "official", "officials", "chairman", "chair", "former", "head", "leader", "current", "russian", "armenian",
            "his", "her", "its", "their", "deputy", "first", "s");

    public List<Conflict> conflicts(List<Member> members) {
        List<Conflict> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                Member a = members.get(i);
                Member b = members.get(j);
                String numeric = numericConflict(a, b);
                if (numeric != null) {
                    out.add(new Conflict(Kind.NUMERIC, a.id(), b.id(), numeric));
                }
                String attribution = attributionConflict(a, b);
                if (attribution != null) {
                    out.add(new Conflict(Kind.ATTRIBUTION, a.id(), b.id(), attribution));
                }
            }
        }
        return out;
    }

    /**
     * The stance a new member likely takes towards the others: {@code conflicts} when its numbers or sources clash
     * with one of theirs, {@code refines} when it says more precisely what another says (a narrower interval for
     * the same count, or counts the others lack), else {@code agrees}.
     */
    public Stance suggestStance(Member candidate, List<Member> others) {
        for (Member o : others) {
            if (o.id() != candidate.id() && (numericConflict(candidate, o) != null
                    || attributionConflict(candidate, o) != null)) {
                return Stance.CONFLICTS;
            }
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

    /** Why the two members' numbers cannot both be true, or null. */
    public String numericConflict(Member a, Member b) {
        List<Quantity> qa = a.quantities().stream().filter(q -> !q.partial()).toList();
        List<Quantity> qb = b.quantities().stream().filter(q -> !q.partial()).toList();
        for (Quantity x : qa) {
            for (Quantity y : qb) {
                boolean comparable = x.key() != null ? x.key().equals(y.key())
                        : y.key() == null && qa.size() == 1 && qb.size() == 1;
                if (comparable && !x.value().intersects(y.value())) {
                    String what = x.key() == null ? "" : " " + x.key();
                    return "“" + x.phrase() + "”" + what + " (" + x.value() + ") against “" + y.phrase() + "”" + what
                            + " (" + y.value() + ")";
                }
            }
        }
        return null;
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
