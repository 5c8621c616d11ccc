package org.factspan.corpus;

import java.util.List;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.security.Actor;

/**
 * A fresh project with fresh users for workflow tests: an admin actor, a curator and three annotators, {@code k}
 * annotators per document, and {@code documents} documents ("Document number i says the minister resigned.", named
 * doc-1, doc-2, ...).
 */
public final class WorkflowFixture {

    public static final String PASSWORD = "fixture-secret-1";

    public final FreshProject project;
    public final String slug;
    public final Actor admin;
    public final Actor curator;
    public final List<Actor> annotators;
    /** The documents' ids in order. */
    public final List<Long> documents;

    public WorkflowFixture(TestData data, int documents, int k) {
        String tag = TestData.tag();
        TestData.ProjectBuilder project = data.project("wf-" + tag).name("Workflow " + tag).guidelines("Read **this**.")
                .settings(new ProjectSettings(true, true, k)).labels(
                        new LabelInfo("CLAIM", "Claim", "1", "c", "#0072B2", LabelKind.CONTENT, List.of(
                                new AttributeDef("verdict", AttributeKind.ENUM, List.of("true", "false")))),
                        new LabelInfo("SOURCE", "Source", "2", "s", "#E69F00", LabelKind.SOURCE, List.of()),
                        new LabelInfo("CUE", "Cue", "3", null, "#009E73", LabelKind.CUE, List.of()),
                        new LabelInfo("OTHER", "Other", "4", null, "#CC79A7", LabelKind.SPAN, List.of()))
                .password(PASSWORD).curator("cur-" + tag).annotator("a1-" + tag).annotator("a2-" + tag)
                .annotator("a3-" + tag);
        for (int i = 1; i <= documents; i++) {
            project.document("doc-" + i, "Document number " + i + " says the minister resigned.");
        }
        FreshProject p = project.build();
        this.project = p;
        slug = p.slug;
        admin = data.admin();
        curator = p.curator;
        annotators = List.of(p.member("a1-" + tag), p.member("a2-" + tag), p.member("a3-" + tag));
        this.documents = p.documentIds();
    }
}
