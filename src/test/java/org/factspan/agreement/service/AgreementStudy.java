package org.factspan.agreement.service;

import java.util.Map;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.SpanInfo;
import org.factspan.security.Actor;
import org.factspan.security.Role;

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

    /** The project, for more data in a test. */
    final FreshProject p;
    final String slug;
    final long project;
    final long d1;
    final long d2;
    final Actor a;
    final Actor b;
    final Actor c;
    final Actor curator;
    final Actor outsider;

    AgreementStudy(TestData data) {
        String tag = TestData.tag();
        p = data.project("agreement-" + tag).name("Agreement " + tag).labels(TestData.claimSourceCue())
                .document("d1.txt", D1 + " " + tag, Map.of("title", "First " + tag))
                .document("d2.txt", D2 + " " + tag, Map.of("title", "Second " + tag))
                .password(PASSWORD).annotator("a-" + tag).annotator("b-" + tag).annotator("c-" + tag)
                .curator("cur-" + tag).build();
        slug = p.slug;
        project = p.id;
        d1 = p.document("d1.txt");
        d2 = p.document("d2.txt");
        a = p.member("a-" + tag);
        b = p.member("b-" + tag);
        c = p.member("c-" + tag);
        curator = p.curator;
        outsider = data.user("out-" + tag, "Outsider", PASSWORD, Role.CURATOR);

        SpanInfo a1 = p.span(a, d1, 0, 10, "CLAIM");
        SpanInfo a2 = p.span(a, d1, 12, 20, "SOURCE");
        p.span(a, d1, 25, 30, "CLAIM");
        SpanInfo b1 = p.span(b, d1, 0, 10, "CLAIM");
        SpanInfo b2 = p.span(b, d1, 12, 18, "SOURCE");
        SpanInfo a3 = p.span(a, d2, 0, 5, "CLAIM");
        SpanInfo a4 = p.span(a, d2, 10, 15, "SOURCE");
        SpanInfo b3 = p.span(b, d2, 0, 5, "CLAIM");
        p.span(b, d2, 6, 9, "SOURCE");
        SpanInfo b5 = p.span(b, d2, 10, 15, "SOURCE");
        p.span(c, d2, 0, 5, "CLAIM");
        p.link(a, d1, a2, null, a1);
        p.link(b, d1, b2, null, b1);
        // the same source on both sides (a triple needs a source or a cue): the triples still agree
        p.link(a, d2, a4, null, a3);
        p.link(b, d2, b5, null, b3);
    }
}
