package org.factspan.agreement.service;

import java.util.List;
import java.util.Map;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.factspan.security.UserService;

/**
 * A fresh project with fresh users (so that no other test's data or seed membership interferes), labeled with known
 * overlaps. Annotators {@code a} and {@code b} (and {@code c}, who labeled one span in the second document); all
 * offsets below are code points.
 *
 * <pre>
 * d1  a: CLAIM 0-10, SOURCE 12-20, CLAIM 25-30     b: CLAIM 0-10, SOURCE 12-18
 * d2  a: CLAIM 0-5, SOURCE 10-15                   b: CLAIM 0-5, SOURCE 6-9, SOURCE 10-15     c: CLAIM 0-5
 * attributions  d1 a: (12-20 → 0-10)  b: (12-18 → 0-10)     d2 a: (none → 0-5)  b: (none → 0-5)
 * </pre>
 *
 * a–b span_f1_exact: matches d1 CLAIM 0-10, d2 CLAIM 0-5, d2 SOURCE 10-15 = 3 of 5 + 5 spans: 2·3/10 = 0.6; CLAIM
 * 2·2/(3+2) = 0.8; SOURCE 2·1/(2+3) = 0.4. Per document: d1 2·1/(3+2) = 0.4, d2 2·2/(2+3) = 0.8. span_f1_overlap: d1
 * SOURCE 12-20/12-18 overlap too: 2·4/10 = 0.8. cohen_kappa: 7 coding units (C,C) (N,S) (S,N) (C,N) | (C,C) (N,S)
 * (S,S): p_o = 3/7; a: C3 S2 N2, b: C2 S3 N2, p_e = (6+6+4)/49 = 16/49; kappa = (21−16)/(49−16) = 5/33.
 * attribution_f1: only d2's (none → 0-5) matches: 2·1/(2+2) = 0.5.
 */
final class AgreementStudy {

    static final String PASSWORD = "study-secret-1";
    static final String D1 = "The minister said prices would fall soon. Nobody believed him at all.";
    static final String D2 = "Police reported two arrests on Friday. Officials denied it later on.";

    final String slug;
    final long project;
    final long d1;
    final long d2;
    final Actor a;
    final Actor b;
    final Actor c;
    final Actor curator;
    final Actor outsider;

    AgreementStudy(ProjectSetupService setup, UserService users, AnnotationService annotations) {
        String tag = Long.toString(System.nanoTime(), 36);
        slug = "agreement-" + tag;
        project = setup.createProject(slug, "Agreement " + tag, null, null, List.of(
                new LabelInfo("CLAIM", "Claim", "1", "#0072B2", LabelKind.CONTENT),
                new LabelInfo("SOURCE", "Source", "2", "#E69F00", LabelKind.SOURCE),
                new LabelInfo("ATTRIBUTION", "Attribution", "3", "#009E73", LabelKind.CUE)));
        d1 = setup.importDocument(project, "d1.txt", D1 + " " + tag, Map.of("title", "First " + tag));
        d2 = setup.importDocument(project, "d2.txt", D2 + " " + tag, Map.of("title", "Second " + tag));
        a = member(setup, users, "a-" + tag, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        b = member(setup, users, "b-" + tag, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        c = member(setup, users, "c-" + tag, Role.ANNOTATOR, ProjectRole.ANNOTATOR);
        curator = member(setup, users, "cur-" + tag, Role.CURATOR, ProjectRole.CURATOR);
        users.create("out-" + tag, "Outsider", PASSWORD, Role.CURATOR);
        outsider = users.findActor("out-" + tag).orElseThrow();

        SpanInfo a1 = annotations.createSpan(a, slug, d1, 0, 10, "CLAIM");
        SpanInfo a2 = annotations.createSpan(a, slug, d1, 12, 20, "SOURCE");
        annotations.createSpan(a, slug, d1, 25, 30, "CLAIM");
        SpanInfo b1 = annotations.createSpan(b, slug, d1, 0, 10, "CLAIM");
        SpanInfo b2 = annotations.createSpan(b, slug, d1, 12, 18, "SOURCE");
        SpanInfo a3 = annotations.createSpan(a, slug, d2, 0, 5, "CLAIM");
        SpanInfo a4 = annotations.createSpan(a, slug, d2, 10, 15, "SOURCE");
        SpanInfo b3 = annotations.createSpan(b, slug, d2, 0, 5, "CLAIM");
        annotations.createSpan(b, slug, d2, 6, 9, "SOURCE");
        SpanInfo b5 = annotations.createSpan(b, slug, d2, 10, 15, "SOURCE");
        annotations.createSpan(c, slug, d2, 0, 5, "CLAIM");
        annotations.createAttribution(a, slug, d1, a2.id(), null, a1.id());
        annotations.createAttribution(b, slug, d1, b2.id(), null, b1.id());
        // the same source on both sides (a triple needs a source or a cue): the triples still agree
        annotations.createAttribution(a, slug, d2, a4.id(), null, a3.id());
        annotations.createAttribution(b, slug, d2, b5.id(), null, b3.id());
    }

    private Actor member(ProjectSetupService setup, UserService users, String name, Role role, ProjectRole projectRole) {
        long id = users.create(name, name, PASSWORD, role).getId();
        setup.addMember(project, id, projectRole);
        return users.findActor(name).orElseThrow();
    }
}
