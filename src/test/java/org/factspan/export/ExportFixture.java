package org.factspan.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.export.format.ExportResult;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.springframework.stereotype.Component;

/**
 * Test projects for export and import: a fresh project with the seed schema, alice and bob as annotators and
 * carol as curator, so that tests do not see each other's spans. The export tests run in a Spring context of
 * their own ({@link #CONTEXT}), so nothing here leaks into the other test classes' databases.
 */
@Component
class ExportFixture {

    /** Marks the export tests' Spring context (its own in-memory database). */
    static final String CONTEXT = "factspan.test.context=export";

    static final String TEXT_1 = "😀 Officials said: \"Prices rose by 5%.\" The café owner Zoë agreed.";
    static final String TEXT_2 = "Tokayev said order has been restored.\nOthers said 225 people died.";

    final ProjectSetupService setup;
    final AnnotationService annotations;
    final CorpusService corpus;
    final UserService users;
    final ExportService exports;

    ExportFixture(ProjectSetupService setup, AnnotationService annotations, CorpusService corpus, UserService users,
            ExportService exports) {
        this.setup = setup;
        this.annotations = annotations;
        this.corpus = corpus;
        this.users = users;
        this.exports = exports;
    }

    Actor actor(String name) {
        return users.findActor(name).orElseThrow();
    }

    /** A project with the seed schema and the given texts (named doc-1.txt, ...); returns its slug. */
    String project(String... texts) {
        String slug = "export-" + System.nanoTime();
        var schema = corpus.requireProject(actor("admin"), TestUsers.SEED_PROJECT).labels();
        long id = setup.createProject(slug, "Export test " + slug, "for tests", null, schema);
        setup.addMember(id, actor("alice").userId(), ProjectRole.ANNOTATOR);
        setup.addMember(id, actor("bob").userId(), ProjectRole.ANNOTATOR);
        setup.addMember(id, actor("carol").userId(), ProjectRole.CURATOR);
        for (int i = 0; i < texts.length; i++) {
            setup.importDocument(id, "doc-" + (i + 1) + ".txt", texts[i], Map.of("outlet", "Outlet " + (i + 1)));
        }
        return slug;
    }

    long document(Actor who, String slug, int index) {
        return corpus.listDocuments(who, slug).get(index).id();
    }

    /** A span over the first occurrence of {@code phrase}, offsets in code points. */
    SpanInfo span(Actor who, String slug, long documentId, String phrase, String label) {
        String text = corpus.openDocument(who, slug, documentId).text();
        int u16 = text.indexOf(phrase);
        assertThat(u16).as(phrase).isNotNegative();
        int start = text.codePointCount(0, u16);
        return annotations.createSpan(who, slug, documentId, start, start + phrase.codePointCount(0, phrase.length()),
                label);
    }

    /** alice: source, cue, claim (verdict) and a triple in document 1; bob: a claim in document 2. */
    void annotate(String slug) {
        Actor alice = actor("alice");
        long doc1 = document(alice, slug, 0);
        SpanInfo source = span(alice, slug, doc1, "Officials", "SOURCE");
        SpanInfo cue = span(alice, slug, doc1, "said", "ATTRIBUTION");
        SpanInfo claim = span(alice, slug, doc1, "Prices rose by 5%.", "CLAIM");
        annotations.setAttribute(alice, slug, new DocumentId(doc1), new SpanId(claim.id()), "verdict", "supported");
        annotations.createAttribution(alice, slug, doc1, source.id(), cue.id(), claim.id());
        Actor bob = actor("bob");
        span(bob, slug, document(bob, slug, 1), "225 people died", "CLAIM");
    }

    record Exported(String text, ExportResult result) {
    }

    Exported export(Actor who, String slug, String format, String set, AnnotationFilter filter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportResult result = exports.export(who, slug, format, set, filter, out);
        return new Exported(out.toString(StandardCharsets.UTF_8), result);
    }

    /** Spans and attributions of every annotator in the project, as the admin sees them. */
    List<Integer> counts(String slug) throws IOException {
        ExportResult r = export(actor("admin"), slug, "jsonl", "all", AnnotationFilter.none()).result();
        return List.of(r.spans(), r.attributions());
    }
}
