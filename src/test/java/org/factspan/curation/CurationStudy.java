package org.factspan.curation;

import java.util.List;
import java.util.Map;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.AttributeKind;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.security.Actor;
import org.factspan.security.Role;

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
    private final FreshProject p;

    CurationStudy(TestData data) {
        String tag = TestData.tag();
        p = data.project("curation-" + tag).name("Curation " + tag).labels(
                new LabelInfo("CLAIM", "Claim", "1", "c", "#0072B2", LabelKind.CONTENT, List.of(
                        new AttributeDef("verdict", AttributeKind.ENUM, List.of("supported", "refuted")),
                        new AttributeDef("note", AttributeKind.TEXT, List.of()))),
                new LabelInfo("SOURCE", "Source", "2", "s", "#E69F00", LabelKind.SOURCE, List.of()),
                new LabelInfo("ATTRIBUTION", "Attribution", "3", "a", "#009E73", LabelKind.CUE, List.of()))
                .document("d1.txt", TEXT + " " + tag, Map.of("title", "First " + tag))
                .document("d2.txt", "Second text, quite short. " + tag, Map.of("title", "Second " + tag))
                .password(PASSWORD).annotator("a-" + tag).annotator("b-" + tag).annotator("c-" + tag)
                .curator("cur-" + tag).curator("cur2-" + tag).build();
        slug = p.slug;
        project = p.id;
        doc = p.document("d1.txt");
        doc2 = p.document("d2.txt");
        a = p.member("a-" + tag);
        b = p.member("b-" + tag);
        c = p.member("c-" + tag);
        cur = p.member("cur-" + tag);
        cur2 = p.member("cur2-" + tag);
        outsider = data.user("out-" + tag, "Outsider", PASSWORD, Role.CURATOR);
    }

    /** Assigns the document to these annotators. */
    void assigned(Actor... who) {
        p.assign(doc, who);
    }

    /** Assigns the document to these annotators and marks it finished for them (their work is merged). */
    void finished(Actor... who) {
        p.finish(doc, who);
    }

    SpanInfo span(Actor who, int start, int end, String label) {
        return p.span(who, doc, start, end, label);
    }

    SpanInfo span(Actor who, int start, int end, String label, Map<String, String> values) {
        return p.span(who, doc, start, end, label, values);
    }

    long link(Actor who, SpanInfo source, SpanInfo content) {
        return p.link(who, doc, source, null, content).id();
    }
}
