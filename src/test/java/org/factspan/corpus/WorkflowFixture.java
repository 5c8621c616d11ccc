package org.factspan.corpus;

import java.util.List;
import org.factspan.ingest.UploadedFile;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.factspan.security.UserService;

/** A fresh project with fresh users for workflow tests: an admin actor, a curator and three annotators. */
public final class WorkflowFixture {

    public static final String PASSWORD = "fixture-secret-1";

    public final String slug;
    public final Actor admin;
    public final Actor curator;
    public final List<Actor> annotators;

    public WorkflowFixture(UserService users, ProjectAdminService projects, int documents, int k) {
        String tag = Long.toString(System.nanoTime(), 36);
        slug = "wf-" + tag;
        admin = users.findActor("admin").orElseThrow();
        projects.create(admin, new ProjectSpec(slug, "Workflow " + tag, null, "Read **this**.",
                new ProjectSettings(true, true, k), List.of(
                        new LabelInfo("CLAIM", "Claim", "1", "c", "#0072B2", LabelKind.CONTENT, List.of(
                                new AttributeDef("verdict", AttributeKind.ENUM, List.of("true", "false")))),
                        new LabelInfo("SOURCE", "Source", "2", "s", "#E69F00", LabelKind.SOURCE, List.of()),
                        new LabelInfo("CUE", "Cue", "3", null, "#009E73", LabelKind.CUE, List.of()),
                        new LabelInfo("OTHER", "Other", "4", null, "#CC79A7", LabelKind.SPAN, List.of()))));
        curator = member(users, projects, "cur-" + tag, ProjectRole.CURATOR);
        annotators = List.of(member(users, projects, "a1-" + tag, ProjectRole.ANNOTATOR),
                member(users, projects, "a2-" + tag, ProjectRole.ANNOTATOR),
                member(users, projects, "a3-" + tag, ProjectRole.ANNOTATOR));
        this.documentsToImport = documents;
    }

    private final int documentsToImport;

    /** Imports the fixture's documents ("Document number i says something.") and returns their ids in order. */
    public List<Long> importDocuments(DocumentImportService imports, CorpusService corpus) {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 1; i <= documentsToImport; i++) {
            jsonl.append("{\"text\": \"Document number ").append(i).append(" says the minister resigned.\", \"name\":"
                    + " \"doc-").append(i).append("\"}\n");
        }
        imports.importFiles(admin, slug, List.of(new UploadedFile("docs.jsonl",
                jsonl.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return corpus.listDocuments(admin, slug).stream().map(DocumentSummary::id).toList();
    }

    private Actor member(UserService users, ProjectAdminService projects, String name, ProjectRole role) {
        users.createUser(admin, name, name, PASSWORD, role == ProjectRole.CURATOR ? Role.CURATOR : Role.ANNOTATOR);
        projects.setMember(admin, slug, name, role);
        return users.findActor(name).orElseThrow();
    }
}
