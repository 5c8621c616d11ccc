package org.factspan.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.factspan.base.CodePoints;
import org.factspan.base.TextSegments;

/**
 * Finds attribution cues (reporting verbs and phrases: "said", "told", "according to", "announced", "quoted by", ...)
 * and the source each one attaches to: the named or described subject before the cue ("Tokayev", "the interior
 * ministry", "local media"), the noun phrase after "according to" and "quoted by", the name after an inverted cue
 * (", stressed President Tokayev"), the sentence's earlier source for a participle (", saying ..."). Sources follow
 * the guidelines: the shortest name that identifies them, so titles go ("President Kassym-Jomart Tokayev" gives
 * "Kassym-Jomart Tokayev") and pronouns are no sources. Plain Java, no state; offsets are UTF-16, end exclusive.
 */
public final class AttributionPatterns {

    /** A cue or a source. */
    public enum Kind {
        CUE, SOURCE
    }

    /** What was found: offsets into the text, the kind, a score in [0, 1] and why. */
    public record Found(int start, int end, Kind kind, double score, String reason) {
    }

    /**
     * A word or a punctuation character ({@link TextSegments}), UTF-16 offsets; {@code sentence}: the index of the first
     * token of its sentence.
     */
    private record Token(int start, int end, String text, int sentence) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        boolean word() {
            return Character.isLetterOrDigit(text.codePointAt(0));
        }

        boolean capitalized() {
            return Character.isUpperCase(text.codePointAt(0));
        }
    }

    private record Cue(int first, int last, double score, String phrase) {
    }

    private record Np(int first, int last) {
    }

    /** Reporting verbs that are cues wherever they stand. */
    private static final Set<String> ALWAYS = Set.of("said", "says", "told", "tells", "saying", "added", "adding",
            "adds", "announced", "announces", "announcing", "claimed", "stated", "stating", "warned", "warns",
            "stressed", "argued", "argues", "confirmed", "confirms", "insisted", "insists", "noted", "explained",
            "wrote", "reportedly", "alleged", "alleges", "tweeted", "reported", "reporting", "say", "declares");
    /** Also plural nouns ("five other states"): cues only right after a source. */
    private static final Set<String> AFTER_SOURCE_ONLY = Set.of("states", "reports", "claims", "reporting");
    /** Participles that continue the sentence's earlier attribution: ", saying ...". */
    private static final Set<String> PARTICIPLES = Set.of("saying", "adding", "stating");
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i", "you", "who", "which");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those", "its",
            "their", "his", "her", "our");
    /** Words between a subject and its verb that belong to neither ("the government late on Wednesday said"). */
    private static final Set<String> SKIPPABLE = Set.of("also", "then", "earlier", "later", "late", "previously",
            "immediately", "initially", "currently", "further", "had", "has", "have", "would", "will", "already",
            "repeatedly", "again", "once", "today", "yesterday", "on", "in", "at", "night", "morning", "afternoon",
            "evening", "last", "this", "week", "all", "reportedly", "publicly", "separately", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.", "dec.");
    /** Words that end a noun phrase when walking left. */
    private static final Set<String> STOP = Set.of("of", "at", "in", "on", "by", "with", "and", "or", "but", "as",
            "that", "who", "which", "was", "were", "is", "are", "has", "have", "had", "to", "for", "from", "after",
            "before", "when", "while", "since", "than", "not", "also", "then", "said", "told", "within", "into",
            "over", "under", "about", "across", "during", "where", "if", "because", "although", "though", "so",
            "meanwhile", "yesterday", "however");
    /** Heads of described sources ("local media", "the interior ministry"). */
    static final Set<String> SOURCE_NOUNS = Set.of("ministry", "government", "president", "police", "officials",
            "official", "spokesman", "spokeswoman", "spokesperson", "organization", "organisation", "agency",
            "agencies", "media", "authorities", "alliance", "statement", "decree", "order", "committee", "council",
            "office", "observers", "critics", "analysts", "experts", "witnesses", "residents", "sources", "source",
            "correspondent", "correspondents", "journalists", "journalist", "reporter", "reporters", "monitors",
            "group", "protesters", "protestors", "demonstrators", "people", "members", "minister", "lawmaker",
            "leader", "leaders", "army", "military", "service", "services", "kremlin", "report", "reports",
            "footage", "video", "videos", "channel", "television", "newspaper", "website", "thousands", "hundreds",
            "court", "prosecutor", "prosecutors", "activists", "campaigners", "parliament", "bloc", "state",
            "union", "commission", "department", "embassy", "company", "bank", "board", "chairman", "party", "press",
            "outlet", "outlets", "broadcaster", "network", "watchdog", "monitor", "newspapers", "forces", "troops",
            "doctors", "hospital", "hospitals", "mayor", "governor", "ambassador", "diplomats", "envoy");
    /** Titles dropped from the front of a name. */
    private static final Set<String> TITLES = Set.of("president", "prime", "minister", "pm", "chairman", "chair",
            "secretary", "spokesman", "spokeswoman", "deputy", "general", "gen.", "mr.", "mrs.", "ms.", "dr.",
            "governor", "mayor", "ambassador", "king", "queen", "chancellor", "reporter", "protester", "lawmaker",
            "leader", "commander", "senator", "sen.", "rep.", "judge");
    /** Lower case words inside a name: "Thomas van Linge", "Bank of England". */
    private static final Set<String> NAME_CONNECTORS = Set.of("of", "and", "van", "von", "de", "der", "al", "bin",
            "la", "le", "du", "da", "del");
    private static final Set<String> OPEN_QUOTES = Set.of("\"", "“", "‘", "«", "'");
    private static final Set<String> CLAUSE_ENDS = Set.of(".", "!", "?", ";", ":", "\"", "“", "”", "«", "»", "(",
            ")", "‘", "’");

    private AttributionPatterns() {
    }

    /** Every cue and source in the text, in text order. */
    public static List<Found> find(String text) {
        List<Token> tokens = tokenize(text);
        List<Found> found = new ArrayList<>();
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Cue cue = cueAt(tokens, i);
            if (cue != null) {
                cues.add(cue);
                i = cue.last();
            }
        }
        Np previousSource = null;
        int previousSentence = -1;
        for (Cue cue : cues) {
            int sentence = sentenceStart(tokens, cue.first());
            if (sentence != previousSentence) {
                previousSource = null;
                previousSentence = sentence;
            }
            found.add(new Found(tokens.get(cue.first()).start(), tokens.get(cue.last()).end(), Kind.CUE, cue.score(),
                    "reporting " + (cue.first() == cue.last() ? "verb" : "phrase") + " '" + cue.phrase() + "'"));
            Np source = sourceOf(tokens, cue, sentence, previousSource);
            if (source != null) {
                found.add(new Found(tokens.get(source.first()).start(), tokens.get(source.last()).end(), Kind.SOURCE,
                        tokens.get(source.last()).capitalized() ? 0.8 : 0.7, "who '" + cue.phrase() + "' attaches to"));
                previousSource = source;
            }
            if (cue.phrase().equals("quoted as saying") && is(tokens, cue.last() + 1, "by")) {
                Np agency = phraseAfter(tokens, cue.last() + 2); // "... was quoted as saying by Russian news agencies"
                if (agency != null) {
                    found.add(new Found(tokens.get(agency.first()).start(), tokens.get(agency.last()).end(),
                            Kind.SOURCE, 0.7, "who quoted"));
                }
            }
        }
        found.sort(java.util.Comparator.comparingInt(Found::start).thenComparingInt(Found::end));
        return dedupe(found);
    }

    private static List<Found> dedupe(List<Found> found) {
        List<Found> out = new ArrayList<>();
        for (Found f : found) {
            if (out.stream().noneMatch(o -> o.start() == f.start() && o.end() == f.end() && o.kind() == f.kind())) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<Token> tokenize(String text) {
        CodePoints cps = CodePoints.of(text);
        List<Token> tokens = new ArrayList<>();
        for (TextSegments.Sentence sentence : TextSegments.sentences(text)) {
            int first = tokens.size();
            for (TextSegments.Token token : sentence.tokens()) {
                tokens.add(new Token(cps.toUtf16(token.start()), cps.toUtf16(token.end()), token.text(), first));
            }
        }
        return tokens;
    }

    // ------------------------------------------------------------------ cues

    private static Cue cueAt(List<Token> t, int i) {
        String w = t.get(i).lower();
        if (w.equals("according") && is(t, i + 1, "to")) {
            return new Cue(i, i + 1, 0.95, "according to");
        }
        if (w.equals("quoted")) {
            if (is(t, i + 1, "as") && is(t, i + 2, "saying")) {
                return new Cue(i, i + 2, 0.9, "quoted as saying");
            }
            if (is(t, i + 1, "by")) {
                return new Cue(i, i + 1, 0.9, "quoted by");
            }
            if (i + 1 < t.size() && t.get(i + 1).capitalized()) {
                return new Cue(i, i, 0.6, "quoted");
            }
            return null;
        }
        if (w.equals("posted")) {
            // "posted to Twitter, “..." – not "images posted on social media showed"
            for (int k = i + 1; k <= i + 4 && k + 1 < t.size(); k++) {
                if ((t.get(k).text().equals(",") || t.get(k).text().equals(":"))
                        && OPEN_QUOTES.contains(t.get(k + 1).text())) {
                    return new Cue(i, i, 0.6, "posted");
                }
            }
            return null;
        }
        if (AFTER_SOURCE_ONLY.contains(w)) {
            if (i == 0) {
                return null;
            }
            Token before = t.get(i - 1);
            String after = i + 1 < t.size() ? t.get(i + 1).text() : "";
            boolean afterSource = SOURCE_NOUNS.contains(before.lower()) && !before.lower().equals("thousands")
                    || before.word() && before.capitalized() && !isSentenceStart(t, i - 1)
                            && !DETERMINERS.contains(before.lower())
                            && (w.equals("reporting") || after.equals("that") || after.equals(",")
                                    || OPEN_QUOTES.contains(after));
            if (!afterSource || is(t, i + 1, "by")) {
                return null;
            }
            return new Cue(i, i, 0.6, w);
        }
        if (!ALWAYS.contains(w)) {
            return null;
        }
        String prev = i > 0 ? t.get(i - 1).lower() : "";
        String next = i + 1 < t.size() ? t.get(i + 1).lower() : "";
        if (w.equals("say") && (Set.of("not", "to", "would", "will", "can", "could", "cannot", "may", "might", "must",
                "should").contains(prev) || prev.endsWith("n't") || prev.endsWith("n’t"))) {
            return null;
        }
        if ((w.equals("reported") || w.equals("announced")) && (Set.of("the", "a", "an", "worst", "most", "widely",
                "first", "its", "their", "his", "her", "newly", "previously", "recently").contains(prev)
                || Set.of("that", "which", "who").contains(prev) && next.equals("on"))) {
            return null;
        }
        if (w.equals("claimed") && (next.equals("lives") || next.equals("the") && i + 2 < t.size()
                && Set.of("lives", "life", "responsibility", "credit", "victory").contains(t.get(i + 2).lower()))) {
            return null; // "a crackdown that claimed the lives of 16 workers"
        }
        double score = Set.of("said", "says", "told", "tells").contains(w) ? 0.95 : 0.8;
        return new Cue(i, i, score, t.get(i).text());
    }

    private static boolean is(List<Token> t, int i, String lower) {
        return i >= 0 && i < t.size() && t.get(i).lower().equals(lower);
    }

    // ------------------------------------------------------------------ sources

    private static Np sourceOf(List<Token> t, Cue cue, int sentence, Np previousSource) {
        String phrase = cue.phrase().toLowerCase(Locale.ROOT);
        if (phrase.equals("reportedly")) {
            return null;
        }
        if (phrase.equals("according to") || phrase.equals("quoted by")) {
            return phraseAfter(t, cue.last() + 1);
        }
        if (phrase.equals("quoted")) {
            return nameAfter(t, cue.last() + 1);
        }
        if (phrase.equals("quoted as saying")) {
            // "X was quoted as saying by Y": X (the agency Y is a second source, found as "quoted by" would be)
            return subjectBefore(t, cue.first(), sentence, true);
        }
        boolean participle = PARTICIPLES.contains(phrase) || phrase.endsWith("ing") && is(t, cue.first() - 1, "by");
        if (participle && cue.first() > 0 && (t.get(cue.first() - 1).text().equals(",")
                || is(t, cue.first() - 1, "by"))) {
            // ", saying ...", "tried to head off unrest by announcing ...": the sentence's source
            return previousSource != null ? previousSource : sentenceSubject(t, sentence, cue.first());
        }
        int left = skipBack(t, cue.first() - 1, sentence);
        if (left >= sentence && BE.contains(t.get(left).lower())) {
            return null; // "were reported to", "are said to": nobody is named
        }
        Np before = subjectBefore(t, cue.first(), sentence, false);
        if (before != null) {
            return before;
        }
        if (participle) {
            return previousSource != null ? previousSource : sentenceSubject(t, sentence, cue.first());
        }
        // inverted: '..." stressed President Tokayev.'
        int prev = cue.first() - 1;
        if (prev < sentence || CLAUSE_ENDS.contains(t.get(prev).text()) || t.get(prev).text().equals(",")) {
            return nameAfter(t, cue.last() + 1);
        }
        return null;
    }

    /** The subject left of the cue, within its clause. */
    private static Np subjectBefore(List<Token> t, int cue, int sentence, boolean passive) {
        int start = clauseStart(t, cue, sentence);
        int end = skipBack(t, cue - 1, start);
        if (passive && end >= start && BE.contains(t.get(end).lower())) {
            end = skipBack(t, end - 1, start);
        }
        if (end < start) {
            return null;
        }
        // relative clause: "Nikol Pashinyan who currently serves as Chair of the CSTO said"
        for (int k = end; k >= start && !t.get(k).text().equals(","); k--) {
            String w = t.get(k).lower();
            if ((w.equals("who") || w.equals("which")) && k - 1 >= start) {
                end = k - 1;
                break;
            }
        }
        if (t.get(end).text().equals(",")) {
            int comma = -1;
            for (int k = end - 1; k >= start; k--) {
                if (t.get(k).text().equals(",")) {
                    comma = k;
                    break;
                }
            }
            if (comma < 0) {
                return npEndingAt(t, end - 1, start); // "President Tokayev, said"
            }
            Token first = t.get(comma + 1);
            boolean named = first.capitalized() && !DETERMINERS.contains(first.lower());
            return named ? npEndingAt(t, end - 1, comma + 1) : npEndingAt(t, comma - 1, start);
        }
        Np np = npEndingAt(t, end, start);
        if (np == null) {
            // "an AFP correspondent at the scene said", "RFE/RL journalists in the country said"
            for (int k = end - 1; k >= Math.max(start + 1, end - 4); k--) {
                if (Set.of("at", "in", "on", "from").contains(t.get(k).lower())) {
                    Np head = npEndingAt(t, k - 1, start);
                    if (head != null) {
                        return withPublisher(t, head, start);
                    }
                }
            }
        }
        return np;
    }

    /**
     * "A decree published on the presidential website": when the phrase found is the object of a participle's
     * preposition, the source is the thing published.
     */
    private static Np withPublisher(List<Token> t, Np np, int limit) {
        int prep = np.first() - 1;
        int participle = prep - 1;
        if (participle - 1 >= limit && Set.of("on", "in", "by", "to").contains(t.get(prep).lower())
                && Set.of("published", "posted", "released", "issued", "shown", "broadcast", "aired")
                        .contains(t.get(participle).lower())) {
            Np thing = npEndingAt(t, participle - 1, limit);
            if (thing != null) {
                return new Np(thing.first(), np.last());
            }
        }
        return np;
    }

    /** Skips words that stand between a subject and its verb; returns the index of the first one that does not. */
    private static int skipBack(List<Token> t, int from, int limit) {
        int k = from;
        while (k >= limit) {
            Token tok = t.get(k);
            if (SKIPPABLE.contains(tok.lower()) || tok.text().chars().allMatch(Character::isDigit)) {
                k--;
            } else {
                break;
            }
        }
        return k;
    }

    /** A noun phrase whose last token is at {@code end} (or null when that token heads no source). */
    private static Np npEndingAt(List<Token> t, int end, int limit) {
        if (end < limit) {
            return null;
        }
        if (t.get(end).text().equals(")")) {
            for (int k = end - 1; k >= limit && k >= end - 6; k--) {
                if (t.get(k).text().equals("(")) {
                    return npEndingAt(t, k - 1, limit);
                }
            }
            return null;
        }
        Token last = t.get(end);
        if (!last.word() || PRONOUNS.contains(last.lower()) || STOP.contains(last.lower())
                || SKIPPABLE.contains(last.lower())) {
            return null;
        }
        if (last.capitalized()) {
            int first = end;
            while (first - 1 >= limit) {
                Token prev = t.get(first - 1);
                if (prev.word() && prev.capitalized() && !STOP.contains(prev.lower())) {
                    first--;
                } else if (NAME_CONNECTORS.contains(prev.text()) && first - 2 >= limit
                        && t.get(first - 2).capitalized() && t.get(first - 2).word()) {
                    first--;
                } else {
                    break;
                }
            }
            // the prime minister of Armenia, demonstrators in Aqtau and Zhanaozen
            if (first - 2 >= limit && Set.of("of", "in", "from").contains(t.get(first - 1).text())
                    && SOURCE_NOUNS.contains(t.get(first - 2).lower())) {
                Np head = describedEndingAt(t, first - 2, limit);
                return new Np(head.first(), end);
            }
            // a leading determiner belongs to the name: "The Interior Ministry", "the CSTO"
            int firstName = first;
            for (int k = end; k > first; k--) {
                if (TITLES.contains(t.get(k - 1).lower()) && !TITLES.contains(t.get(k).lower())) {
                    firstName = k;
                    break;
                }
            }
            if (firstName == first && TITLES.contains(t.get(first).lower()) && first < end) {
                firstName = first; // only titles, e.g. "Armenian PM": keep them
            }
            if (firstName == first && first - 1 >= limit && DETERMINERS.contains(t.get(first - 1).lower())
                    && !t.get(first - 1).lower().equals("that")) {
                firstName = first - 1;
            }
            return new Np(firstName, end);
        }
        if (SOURCE_NOUNS.contains(last.lower())) {
            return describedEndingAt(t, end, limit);
        }
        return null;
    }

    /** A described source ending in a source noun: modifiers to the left up to and including a determiner. */
    private static Np describedEndingAt(List<Token> t, int end, int limit) {
        int first = end;
        while (first - 1 >= limit) {
            Token prev = t.get(first - 1);
            String w = prev.lower();
            if (!prev.word() || STOP.contains(w) || PRONOUNS.contains(w) || SKIPPABLE.contains(w)
                    || ALWAYS.contains(w)) {
                break;
            }
            first--;
            if (DETERMINERS.contains(w)) {
                break;
            }
        }
        // a title word before a name is not a source: "protester Rafik" is handled by the name branch
        return new Np(first, end);
    }

    /** The noun phrase after "according to" / "quoted by": up to the end of the clause, at most 8 words. */
    private static Np phraseAfter(List<Token> t, int from) {
        int last = -1;
        for (int k = from; k < t.size() && k < from + 8; k++) {
            Token tok = t.get(k);
            if (!tok.word() && !tok.text().equals("(") && !tok.text().equals(")")
                    || tok.lower().equals("that") || tok.lower().equals("who")) {
                break;
            }
            if (tok.word()) {
                last = k;
            }
        }
        if (last < from) {
            return null;
        }
        if (PRONOUNS.contains(t.get(from).lower()) && last == from) {
            return null;
        }
        return new Np(from, last);
    }

    /** A capitalised name right after a cue (titles dropped): "stressed President Tokayev". */
    private static Np nameAfter(List<Token> t, int from) {
        int last = from - 1;
        for (int k = from; k < t.size(); k++) {
            Token tok = t.get(k);
            if (tok.word() && tok.capitalized() && !SKIPPABLE.contains(tok.lower())
                    || (NAME_CONNECTORS.contains(tok.text()) || DETERMINERS.contains(tok.lower())) && k == from) {
                last = k;
            } else {
                break;
            }
        }
        if (last < from) {
            return null;
        }
        return npEndingAt(t, last, from);
    }

    /** The subject at the start of a sentence ("Thousands took to the streets ..., saying"). */
    private static Np sentenceSubject(List<Token> t, int sentence, int limit) {
        int k = sentence;
        while (k < limit && !t.get(k).word()) {
            k++;
        }
        // "Yesterday, President Tokayev tried ...": an opening adverbial up to its comma is no subject
        if (k < limit && (SKIPPABLE.contains(t.get(k).lower()) || t.get(k).lower().endsWith("ly")
                || STOP.contains(t.get(k).lower()))) {
            for (int c = k + 1; c < limit && c <= k + 6; c++) {
                if (t.get(c).text().equals(",")) {
                    k = c + 1;
                    break;
                }
            }
        }
        if (k >= limit) {
            return null;
        }
        Token first = t.get(k);
        if (first.capitalized() && (SOURCE_NOUNS.contains(first.lower()) || !DETERMINERS.contains(first.lower()))) {
            int end = k;
            while (end + 1 < limit && t.get(end + 1).word() && t.get(end + 1).capitalized()) {
                end++;
            }
            if (end + 2 < limit && t.get(end + 1).lower().equals("of") && SOURCE_NOUNS.contains(t.get(end + 2).lower())) {
                return new Np(k, end + 2); // "Thousands of people"
            }
            Np np = npEndingAt(t, end, k);
            return np == null || PRONOUNS.contains(t.get(np.last()).lower()) ? null : np;
        }
        return null;
    }

    private static int clauseStart(List<Token> t, int cue, int sentence) {
        for (int k = cue - 1; k >= sentence; k--) {
            String s = t.get(k).text();
            if (CLAUSE_ENDS.contains(s) && !s.equals("(") && !s.equals(")")) {
                return k + 1;
            }
        }
        return sentence;
    }

    /** Index of the first token of the sentence holding token {@code i}. */
    private static int sentenceStart(List<Token> t, int i) {
        return t.get(i).sentence();
    }

    private static boolean isSentenceStart(List<Token> t, int i) {
        return i == 0 || sentenceStart(t, i) == i;
    }

}
