package org.factspan.curation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.factspan.security.UserService;

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
    public final DocumentContent text;
    public final Actor alice;
    public final Actor bob;
    public final Actor carol;
    private static final String[][] TEAMS = {{"maria", "tom", "carla"}, {"ines", "jonas", "paul"},
        {"sara", "ben", "nora"}, {"lena", "omar", "ivan"}, {"julia", "max", "vera"}, {"emma", "leo", "rosa"}};
    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    /** Spans by "annotator phrase", the annotator being "alice" (the first) or "bob" (the second). */
    public final Map<String, SpanInfo> spans = new HashMap<>();

    public SeedCuration(ProjectSetupService setup, CorpusService corpus, UserService users,
            AnnotationService annotations) {
        Actor admin = users.findActor("admin").orElseThrow();
        ProjectInfo seed = corpus.requireProject(admin, TestUsers.SEED_PROJECT);
        String tag = Long.toString(System.nanoTime(), 36);
        slug = "kz-curation-" + tag;
        long project = setup.createProject(slug, "Kazakhstan 2022 (curation " + tag + ")", seed.description(),
                seed.guidelines(), seed.labels());
        var seedDocs = corpus.listDocuments(admin, TestUsers.SEED_PROJECT);
        DocumentContent voi = corpus.openDocument(admin, TestUsers.SEED_PROJECT, seedDocs.get(4).id());
        DocumentContent mt = corpus.openDocument(admin, TestUsers.SEED_PROJECT, seedDocs.get(0).id());
        doc = setup.importDocument(project, voi.name(), voi.text(), voi.meta());
        other = setup.importDocument(project, mt.name(), mt.text(), mt.meta());
        int n = NEXT.getAndIncrement();
        String[] team = TEAMS[n % TEAMS.length];
        String suffix = n < TEAMS.length ? "" : String.valueOf(n / TEAMS.length);
        alice = member(setup, users, project, team[0] + suffix, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        bob = member(setup, users, project, team[1] + suffix, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        carol = member(setup, users, project, team[2] + suffix, Role.CURATOR, ProjectRole.CURATOR);
        text = corpus.openDocument(admin, slug, doc);

        for (Actor who : List.of(alice, bob)) {
            span(annotations, who, "A Russian-led military alliance", "SOURCE", Map.of("type", "organisation"));
            span(annotations, who, "Kazakh President Kassym-Jomart Tokayev", "SOURCE", Map.of("type", "person"));
            span(annotations, who, "said", "ATTRIBUTION", Map.of());
        }
        span(annotations, alice, "terrorist groups", "CLAIM", Map.of("verdict", "unverifiable"));
        span(annotations, bob, "terrorist groups", "SOURCE", Map.of());
        span(annotations, alice, "it would send peacekeepers to \"stabilize\" Kazakhstan", "CLAIM",
                Map.of("verdict", "supported", "check-worthy", "yes"));
        span(annotations, bob, "it would send peacekeepers", "CLAIM", Map.of("verdict", "supported"));
        span(annotations, alice, "protesters angry over rising fuel prices stormed government buildings", "CLAIM",
                Map.of());
        annotations.createAttribution(alice, slug, doc, spans.get("alice A Russian-led military alliance").id(),
                spans.get("alice said").id(),
                spans.get("alice it would send peacekeepers to \"stabilize\" Kazakhstan").id());
        annotations.createAttribution(bob, slug, doc, spans.get("bob A Russian-led military alliance").id(),
                spans.get("bob said").id(), spans.get("bob it would send peacekeepers").id());
        // The other document: one agreement and one label conflict.
        String mtText = mt.text();
        int alliance = mtText.codePointCount(0, mtText.indexOf("A Russia-led military alliance"));
        int blaming = mtText.codePointCount(0, mtText.indexOf("blaming mass protests"));
        for (Actor who : List.of(alice, bob)) {
            annotations.createSpan(who, slug, other, alliance, alliance + "A Russia-led military alliance".length(),
                    "SOURCE");
        }
        annotations.createSpan(alice, slug, other, blaming, blaming + "blaming mass protests".length(), "CLAIM");
        annotations.createSpan(bob, slug, other, blaming, blaming + "blaming mass protests".length(), "ATTRIBUTION");
        for (Actor who : List.of(alice, bob)) { // both finished: their work is merged (decision 023)
            setup.finish(new DocumentId(doc), who.userId());
            setup.finish(new DocumentId(other), who.userId());
        }
    }

    private static Actor member(ProjectSetupService setup, UserService users, long project, String name, Role role,
            ProjectRole projectRole) {
        String display = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        long id = users.create(name, display, TestUsers.DEMO_PASSWORD, role).getId();
        setup.addMember(project, id, projectRole);
        return users.findActor(name).orElseThrow();
    }

    /** Code point offset of the first occurrence of a phrase. */
    public int at(String phrase) {
        int u16 = text.text().indexOf(phrase);
        if (u16 < 0) {
            throw new IllegalArgumentException("Not in the text: " + phrase);
        }
        return text.text().codePointCount(0, u16);
    }

    private void span(AnnotationService annotations, Actor who, String phrase, String label, Map<String, String> v) {
        int start = at(phrase);
        spans.put((who.equals(alice) ? "alice " : "bob ") + phrase, annotations.createSpan(who, slug, doc, start,
                start + phrase.codePointCount(0, phrase.length()), label, v));
    }
}
