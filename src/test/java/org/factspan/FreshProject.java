package org.factspan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.ProjectRole;
import org.factspan.security.Actor;

/**
 * A project a test made for itself with {@link TestData}, so that it neither depends on nor disturbs what other tests
 * in the same Spring context do: its documents by name, its members, and the steps a test takes on it (label, link,
 * assign, finish), each through {@link TestData}. {@link TestData#fresh} makes the common one, a copy of the seed
 * project with a fresh curator and two annotators.
 */
public final class FreshProject {

    private final TestData data;
    public final String slug;
    public final long id;
    public final String name;
    /** Document ids by name, in the order they were imported. */
    public final Map<String, Long> documents;
    /** Members by user name, in the order they joined. */
    public final Map<String, Actor> members;
    /** The first curator, the first and the second annotator to join (null if there is none). */
    public final Actor curator;
    public final Actor annotator;
    public final Actor annotator2;

    FreshProject(TestData data, String slug, long id, String name, Map<String, Long> documents,
            Map<String, Actor> members, Map<String, ProjectRole> roles) {
        this.data = data;
        this.slug = slug;
        this.id = id;
        this.name = name;
        this.documents = Collections.unmodifiableMap(documents);
        this.members = Collections.unmodifiableMap(members);
        List<Actor> annotators = new ArrayList<>();
        Actor firstCurator = null;
        for (Actor m : members.values()) {
            if (roles.get(m.username()) == ProjectRole.CURATOR) {
                firstCurator = firstCurator == null ? m : firstCurator;
            } else {
                annotators.add(m);
            }
        }
        this.curator = firstCurator;
        this.annotator = annotators.isEmpty() ? null : annotators.get(0);
        this.annotator2 = annotators.size() < 2 ? null : annotators.get(1);
    }

    public long document(String name) {
        Long doc = documents.get(name);
        if (doc == null) {
            throw new IllegalArgumentException("No document " + name + " in " + slug);
        }
        return doc;
    }

    /** The document imported at this position (0 the first). */
    public long document(int position) {
        return List.copyOf(documents.values()).get(position);
    }

    /** The ids of the documents in the order they were imported. */
    public List<Long> documentIds() {
        return List.copyOf(documents.values());
    }

    public Actor member(String username) {
        Actor who = members.get(username);
        if (who == null) {
            throw new IllegalArgumentException("No member " + username + " in " + slug);
        }
        return who;
    }

    /** A document's text as stored. */
    public String text(long document) {
        return data.text(document);
    }

    /** Imports one more document; returns its id. */
    public long importDocument(String name, String text, Map<String, String> meta) {
        return data.importDocument(id, name, text, meta);
    }

    /** An existing user joins (or, a member already, keeps their role). */
    public void join(Actor who, ProjectRole role) {
        data.join(id, who, role);
    }

    /** {@code who} labels the first occurrence of {@code phrase} in the named document. */
    public SpanInfo label(Actor who, String document, String phrase, String label) {
        return label(who, document(document), phrase, label, Map.of());
    }

    /** {@code who} labels the first occurrence of {@code phrase} in a document, with attribute values. */
    public SpanInfo label(Actor who, long document, String phrase, String label, Map<String, String> values) {
        return data.label(who, slug, document, phrase, label, values);
    }

    /** {@code who} labels code points {@code start} to {@code end} (exclusive). */
    public SpanInfo span(Actor who, long document, int start, int end, String label) {
        return span(who, document, start, end, label, Map.of());
    }

    public SpanInfo span(Actor who, long document, int start, int end, String label, Map<String, String> values) {
        return data.span(who, slug, document, start, end, label, values);
    }

    public SpanInfo setAttribute(Actor who, long document, SpanInfo span, String name, String value) {
        return data.setAttribute(who, slug, document, span, name, value);
    }

    /** {@code who} links a claim to its source and cue (either may be null). */
    public AttributionInfo link(Actor who, long document, SpanInfo source, SpanInfo cue, SpanInfo content) {
        return data.link(who, slug, document, source, cue, content);
    }

    /** Assigns the document to each of them. */
    public void assign(long document, Actor... who) {
        for (Actor a : who) {
            data.assign(document, a);
        }
    }

    /** Assigns the document to each of them if need be and marks it finished for them (their work is merged). */
    public void finish(long document, Actor... who) {
        for (Actor a : who) {
            data.finish(document, a);
        }
    }
}
