package org.factspan.search;

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

    SearchFixture(TestData data) {
        String tag = TestData.tag();
        FreshProject p = data.project("search-" + tag).name("Search " + tag).labels(
                new LabelInfo("CLAIM", "Claim", "1", "c", "#0072B2", LabelKind.CONTENT, List.of(
                        new AttributeDef("verdict", AttributeKind.ENUM, List.of("supported", "refuted")),
                        new AttributeDef("note", AttributeKind.TEXT, List.of()))),
                new LabelInfo("SOURCE", "Source", "2", "#E69F00", LabelKind.SOURCE),
                new LabelInfo("ATTRIBUTION", "Attribution", "3", "#009E73", LabelKind.CUE))
                .document("d1.txt", D1, Map.of("title", "Prices " + tag))
                .document("d2.txt", D2, Map.of("title", "Arrests " + tag))
                .document("d3.txt", D3, Map.of("title", "Square " + tag))
                .password(PASSWORD).annotator("ann-" + tag).annotator("oth-" + tag).curator("cur-" + tag).build();
        slug = p.slug;
        project = p.id;
        d1 = p.document("d1.txt");
        d2 = p.document("d2.txt");
        d3 = p.document("d3.txt");
        ann = p.annotator;
        other = p.annotator2;
        curator = p.curator;
        outsider = data.user("out-" + tag, "Outsider", PASSWORD, Role.CURATOR);

        claim = p.label(ann, d1, "prices would fall", "CLAIM",
                Map.of("verdict", "refuted", "note", "checked against the central bank"));
        minister = p.span(ann, d1, 0, 12, "SOURCE");
        police = p.label(other, d2, "Police", "SOURCE", Map.of());
    }

    /** The code point offset of the first occurrence of {@code phrase}. */
    static int cp(String text, String phrase) {
        return text.codePointCount(0, text.indexOf(phrase));
    }
}
