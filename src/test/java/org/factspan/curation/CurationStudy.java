package org.factspan.curation;

import java.util.List;
import java.util.Map;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.AttributeKind;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.factspan.security.UserService;

/**
 * A fresh project with fresh users for curation tests: annotators {@code a}, {@code b}, {@code c}, curators
 * {@code cur} and {@code cur2}, an annotator {@code outsider} of another project. Offsets are code points; the
 * document text starts with {@link #TEXT} ("0123456789" marks below are its first characters).
 */
final class CurationStudy {

    static final String PASSWORD = "study-secret-1";
    /** 0-8 "Officials", 9-13 " say", 14-27 " prices fell.", 28-... the rest. */
    static final String TEXT = "Officials say prices fell. The minister denied it on Friday, said reporters.";

    final String slug;
    final long project;
    final long doc;
    final long doc2;
    final Actor a;
    final Actor b;
    final Actor c;
    final Actor cur;
    final Actor cur2;
    final Actor outsider;
    private final AnnotationService annotations;
    private final ProjectSetupService setup;

    CurationStudy(ProjectSetupService setup, UserService users, AnnotationService annotations) {
        this.annotations = annotations;
        this.setup = setup;
        String tag = Long.toString(System.nanoTime(), 36);
        slug = "curation-" + tag;
        project = setup.createProject(slug, "Curation " + tag, null, null, List.of(
                new LabelInfo("CLAIM", "Claim", "1", "c", "#0072B2", LabelKind.CONTENT, List.of(
                        new AttributeDef("verdict", AttributeKind.ENUM, List.of("supported", "refuted")),
                        new AttributeDef("note", AttributeKind.TEXT, List.of()))),
                new LabelInfo("SOURCE", "Source", "2", "s", "#E69F00", LabelKind.SOURCE, List.of()),
                new LabelInfo("ATTRIBUTION", "Attribution", "3", "a", "#009E73", LabelKind.CUE, List.of())));
        doc = setup.importDocument(project, "d1.txt", TEXT + " " + tag, Map.of("title", "First " + tag));
        doc2 = setup.importDocument(project, "d2.txt", "Second text, quite short. " + tag,
                Map.of("title", "Second " + tag));
        a = member(setup, users, "a-" + tag, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        b = member(setup, users, "b-" + tag, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        c = member(setup, users, "c-" + tag, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        cur = member(setup, users, "cur-" + tag, Role.CURATOR, ProjectRole.CURATOR);
        cur2 = member(setup, users, "cur2-" + tag, Role.CURATOR, ProjectRole.CURATOR);
        users.create("out-" + tag, "Outsider", PASSWORD, Role.CURATOR);
        outsider = users.findActor("out-" + tag).orElseThrow();
    }

    private Actor member(ProjectSetupService setup, UserService users, String name, Role role, ProjectRole projectRole) {
        long id = users.create(name, name, PASSWORD, role).getId();
        setup.addMember(project, id, projectRole);
        return users.findActor(name).orElseThrow();
    }

    /** Assigns the document to these annotators and marks it finished for them (their work is merged). */
    void finished(Actor... who) {
        for (Actor actor : who) {
            setup.finish(new DocumentId(doc), actor.userId());
        }
    }

    SpanInfo span(Actor who, int start, int end, String label) {
        return annotations.createSpan(who, slug, doc, start, end, label);
    }

    SpanInfo span(Actor who, int start, int end, String label, Map<String, String> values) {
        return annotations.createSpan(who, slug, doc, start, end, label, values);
    }

    long link(Actor who, SpanInfo source, SpanInfo content) {
        return annotations.createAttribution(who, slug, doc, source == null ? null : source.id(), null, content.id())
                .id();
    }
}
