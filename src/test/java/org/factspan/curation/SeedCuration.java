package org.factspan.curation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.Actor;
import org.factspan.security.UserService;

/**
 * A fresh copy of the seed project's VOI and Moscow Times articles and schema, with the demo team (curator carol,
 * annotators alice and bob) as members, so that view and browser tests see real text and names without touching the
 * seed project. In the VOI article alice and bob agree on two sources and a cue, disagree on the label of
 * "terrorist groups" (alice CLAIM, bob SOURCE) and on the extent of the alliance's claim, and only alice labeled the
 * protesters' claim; each linked the alliance to their version of its claim.
 */
public final class SeedCuration {

    public final String slug;
    public final long doc;
    public final long other;
    public final DocumentContent text;
    public final Actor alice;
    public final Actor bob;
    public final Actor carol;
    /** Spans by "annotator phrase" (e.g. "alice terrorist groups"). */
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
        alice = users.findActor("alice").orElseThrow();
        bob = users.findActor("bob").orElseThrow();
        carol = users.findActor("carol").orElseThrow();
        for (Actor member : List.of(alice, bob)) {
            setup.addMember(project, member.userId(), ProjectRole.ANNOTATOR);
        }
        setup.addMember(project, carol.userId(), ProjectRole.CURATOR);
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
        spans.put(who.username() + " " + phrase, annotations.createSpan(who, slug, doc, start,
                start + phrase.codePointCount(0, phrase.length()), label, v));
    }
}
