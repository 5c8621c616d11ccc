package org.factspan.curation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.TestData.ProjectBuilder;
import org.factspan.TestUsers;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.ProjectRole;
import org.factspan.security.Actor;
import org.factspan.security.Role;

/**
 * A fresh copy of the seed project's VOI and Moscow Times articles and schema, with a fresh team (a curator and two
 * annotators, readable names, password {@link TestUsers#DEMO_PASSWORD}), so that view and browser tests see real
 * text without touching the seed project or the demo users' project lists. In the VOI article the two annotators
 * agree on two sources and a cue, disagree on the label of "terrorist groups" (the first CLAIM, the second SOURCE)
 * and on the extent of the alliance's claim, and only the first labeled the protesters' claim; each linked the
 * alliance to their version of its claim.
 */
public final class SeedCuration {

    public final String slug;
    public final long doc;
    public final long other;
    /** The text of {@link #doc}. */
    public final String text;
    public final Actor alice;
    public final Actor bob;
    public final Actor carol;
    private static final String[][] TEAMS = {{"maria", "tom", "carla"}, {"ines", "jonas", "paul"},
        {"sara", "ben", "nora"}, {"lena", "omar", "ivan"}, {"julia", "max", "vera"}, {"emma", "leo", "rosa"}};
    private static final AtomicInteger NEXT = new AtomicInteger();
    private final FreshProject p;

    /** Spans by "annotator phrase", the annotator being "alice" (the first) or "bob" (the second). */
    public final Map<String, SpanInfo> spans = new HashMap<>();

    public SeedCuration(TestData data) {
        String tag = TestData.tag();
        int n = NEXT.getAndIncrement();
        String[] team = TEAMS[n % TEAMS.length];
        String suffix = n < TEAMS.length ? "" : String.valueOf(n / TEAMS.length);
        ProjectBuilder project = data.project("kz-curation-" + tag).name("Kazakhstan 2022 (curation " + tag + ")")
                .seedDescription().seedDocuments(4, 0); // the VOI article, then the Moscow Times'
        for (int i = 0; i < 3; i++) {
            String name = team[i] + suffix;
            String display = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            project.member(name, display, i < 2 ? Role.ANNOTATOR : Role.CURATOR,
                    i < 2 ? ProjectRole.ANNOTATOR : ProjectRole.CURATOR);
        }
        p = project.build();
        slug = p.slug;
        doc = p.document(0);
        other = p.document(1);
        alice = p.annotator;
        bob = p.annotator2;
        carol = p.curator;
        text = p.text(doc);

        for (Actor who : List.of(alice, bob)) {
            span(who, "A Russian-led military alliance", "SOURCE", Map.of("type", "organisation"));
            span(who, "Kazakh President Kassym-Jomart Tokayev", "SOURCE", Map.of("type", "person"));
            span(who, "said", "ATTRIBUTION", Map.of());
        }
        span(alice, "terrorist groups", "CLAIM", Map.of("verdict", "unverifiable"));
        span(bob, "terrorist groups", "SOURCE", Map.of());
        span(alice, "it would send peacekeepers to \"stabilize\" Kazakhstan", "CLAIM",
                Map.of("verdict", "supported", "check-worthy", "yes"));
        span(bob, "it would send peacekeepers", "CLAIM", Map.of("verdict", "supported"));
        span(alice, "protesters angry over rising fuel prices stormed government buildings", "CLAIM", Map.of());
        p.link(alice, doc, spans.get("alice A Russian-led military alliance"), spans.get("alice said"),
                spans.get("alice it would send peacekeepers to \"stabilize\" Kazakhstan"));
        p.link(bob, doc, spans.get("bob A Russian-led military alliance"), spans.get("bob said"),
                spans.get("bob it would send peacekeepers"));
        // The other document: one agreement and one label conflict.
        for (Actor who : List.of(alice, bob)) {
            p.label(who, other, "A Russia-led military alliance", "SOURCE", Map.of());
        }
        p.label(alice, other, "blaming mass protests", "CLAIM", Map.of());
        p.label(bob, other, "blaming mass protests", "ATTRIBUTION", Map.of());
        // both finished: their work is merged (decision 023)
        for (Actor who : List.of(alice, bob)) {
            p.finish(doc, who);
            p.finish(other, who);
        }
    }

    /** Code point offset of the first occurrence of a phrase. */
    public int at(String phrase) {
        return TestData.at(text, phrase);
    }

    private void span(Actor who, String phrase, String label, Map<String, String> values) {
        spans.put((who.equals(alice) ? "alice " : "bob ") + phrase, p.label(who, doc, phrase, label, values));
    }
}
