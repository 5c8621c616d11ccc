package org.factspan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.CodePoints;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.factspan.security.UserService;

/**
 * A fresh copy of the seed project (its schema and all five articles) with a fresh team: a curator and two
 * annotators (password {@link TestUsers#DEMO_PASSWORD}). Tests that change or count annotations use one, so that
 * they neither depend on nor disturb what other tests in the same Spring context do in the seed project.
 */
public final class FreshProject {

    private static final AtomicInteger NEXT = new AtomicInteger();

    public final String slug;
    public final long id;
    /** Document ids by seed file name. */
    public final Map<String, Long> documents = new LinkedHashMap<>();
    public final Actor curator;
    public final Actor annotator;
    public final Actor annotator2;
    private final CorpusService corpus;

    public FreshProject(String prefix, ProjectSetupService setup, CorpusService corpus, UserService users) {
        this(prefix, setup, corpus, users, Map.of());
    }

    /**
     * As the seed project, with its labels renamed ({@code CLAIM} to {@code STATEMENT}, say); each label keeps its role,
     * key, colour and attributes.
     */
    public FreshProject(String prefix, ProjectSetupService setup, CorpusService corpus, UserService users,
            Map<String, String> renamed) {
        this.corpus = corpus;
        Actor admin = users.findActor("admin").orElseThrow();
        ProjectInfo seed = corpus.requireProject(admin, TestUsers.SEED_PROJECT);
        String tag = prefix + NEXT.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
        slug = ("fresh-" + tag).toLowerCase(java.util.Locale.ROOT);
        id = setup.createProject(slug, "Kazakhstan 2022 (" + tag + ")", seed.description(), seed.guidelines(),
                seed.labels().stream().map(l -> !renamed.containsKey(l.name()) ? l : new LabelInfo(renamed.get(
                        l.name()), renamed.get(l.name()).charAt(0) + renamed.get(l.name()).substring(1)
                        .toLowerCase(java.util.Locale.ROOT), l.key(), l.letter(), l.color(), l.kind(), l.attributes()))
                        .toList());
        for (DocumentSummary d : corpus.listDocuments(admin, TestUsers.SEED_PROJECT)) {
            DocumentContent c = corpus.openDocument(admin, TestUsers.SEED_PROJECT, d.id());
            documents.put(c.name(), setup.importDocument(id, c.name(), c.text(), c.meta()));
        }
        curator = member(setup, users, tag + "-curator", Role.CURATOR, ProjectRole.CURATOR);
        annotator = member(setup, users, tag + "-ann1", Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        annotator2 = member(setup, users, tag + "-ann2", Role.ANNOTATOR, ProjectRole.ANNOTATOR);
    }

    private Actor member(ProjectSetupService setup, UserService users, String name, Role role, ProjectRole inProject) {
        String user = name.toLowerCase(java.util.Locale.ROOT);
        long userId = users.create(user, user, TestUsers.DEMO_PASSWORD, role).getId();
        setup.addMember(id, userId, inProject);
        return users.findActor(user).orElseThrow();
    }

    public long document(String file) {
        Long doc = documents.get(file);
        if (doc == null) {
            throw new IllegalArgumentException("No seed file " + file);
        }
        return doc;
    }

    /** {@code who} labels the first occurrence of {@code phrase} in a seed file. */
    public SpanInfo label(AnnotationService annotations, Actor who, String file, String phrase, String label) {
        long doc = document(file);
        String text = corpus.textIndex(doc).text();
        int at = text.indexOf(phrase);
        if (at < 0) {
            throw new IllegalArgumentException("Not in " + file + ": " + phrase);
        }
        int start = CodePoints.count(text.substring(0, at));
        return annotations.createSpan(who, slug, doc, start, start + CodePoints.count(phrase), label);
    }
}
