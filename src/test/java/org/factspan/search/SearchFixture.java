package org.factspan.search;

import java.util.List;
import java.util.Map;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.AttributeKind;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.factspan.security.UserService;

/**
 * A fresh project with fresh users, so that no other test's spans interfere. Three documents; the second starts with
 * an emoji (two UTF-16 units, one code point) so that offsets prove to be code points.
 *
 * <pre>
 * d1  ann:  CLAIM "prices would fall" (verdict=refuted, note "checked against the central bank")
 *           SOURCE "The minister"
 * d2  other: SOURCE "Police"          ann: (nothing)
 * d3  (nobody)
 * </pre>
 */
final class SearchFixture {

    static final String PASSWORD = "search-secret-1";
    static final String D1 = "The minister said prices would fall soon. Nobody believed him at all.";
    static final String D2 = "\uD83D\uDCF0 Police reported two arrests in Almaty on Friday. Officials denied it.";
    static final String D3 = "Protesters gathered in the main square; the ministry said nothing.";

    final String slug;
    final long project;
    final long d1;
    final long d2;
    final long d3;
    final Actor ann;
    final Actor other;
    final Actor curator;
    final Actor outsider;
    final SpanInfo claim;
    final SpanInfo minister;
    final SpanInfo police;

    SearchFixture(ProjectSetupService setup, UserService users, AnnotationService annotations) {
        String tag = Long.toString(System.nanoTime(), 36);
        slug = "search-" + tag;
        project = setup.createProject(slug, "Search " + tag, null, null, List.of(
                new LabelInfo("CLAIM", "Claim", "1", "c", "#0072B2", LabelKind.CONTENT, List.of(
                        new AttributeDef("verdict", AttributeKind.ENUM, List.of("supported", "refuted")),
                        new AttributeDef("note", AttributeKind.TEXT, List.of()))),
                new LabelInfo("SOURCE", "Source", "2", "#E69F00", LabelKind.SOURCE),
                new LabelInfo("ATTRIBUTION", "Attribution", "3", "#009E73", LabelKind.CUE)));
        d1 = setup.importDocument(project, "d1.txt", D1, Map.of("title", "Prices " + tag));
        d2 = setup.importDocument(project, "d2.txt", D2, Map.of("title", "Arrests " + tag));
        d3 = setup.importDocument(project, "d3.txt", D3, Map.of("title", "Square " + tag));
        ann = member(setup, users, "ann-" + tag, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        other = member(setup, users, "oth-" + tag, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        curator = member(setup, users, "cur-" + tag, Role.CURATOR, ProjectRole.CURATOR);
        users.create("out-" + tag, "Outsider", PASSWORD, Role.CURATOR);
        outsider = users.findActor("out-" + tag).orElseThrow();

        claim = annotations.createSpan(ann, slug, d1, cp(D1, "prices would fall"), cp(D1, "prices would fall") + 17,
                "CLAIM", Map.of("verdict", "refuted", "note", "checked against the central bank"));
        minister = annotations.createSpan(ann, slug, d1, 0, 12, "SOURCE");
        int police = cp(D2, "Police");
        this.police = annotations.createSpan(other, slug, d2, police, police + 6, "SOURCE");
    }

    /** The code point offset of the first occurrence of {@code phrase}. */
    static int cp(String text, String phrase) {
        return text.codePointCount(0, text.indexOf(phrase));
    }

    private Actor member(ProjectSetupService setup, UserService users, String name, Role role, ProjectRole projectRole) {
        long id = users.create(name, name, PASSWORD, role).getId();
        setup.addMember(project, id, projectRole);
        return users.findActor(name).orElseThrow();
    }
}
