package org.factspan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factspan.annotation.AnnotationService;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Schema editor rules, project admin, members, assignments and the read-only rule: every refusal stores nothing. */
@Tag("slow") // about 24 s on two idle cores: integration phase (decision 028)
@SpringBootTest
class WorkflowServiceTest {

    @Autowired
    UserService users;
    @Autowired
    ProjectAdminService projects;
    @Autowired
    CorpusService corpus;
    @Autowired
    DocumentImportService imports;
    @Autowired
    AssignmentService assignments;
    @Autowired
    ProgressService progress;
    @Autowired
    AnnotationService annotations;

    WorkflowFixture f;
    List<Long> docs;

    @BeforeEach
    void setUp() {
        f = new WorkflowFixture(users, projects, 4, 2);
        docs = f.importDocuments(imports, corpus);
    }

    Actor a(int i) {
        return f.annotators.get(i);
    }

    List<LabelInfo> schema() {
        return projects.details(f.admin, f.slug).labels();
    }

    // ------------------------------------------------------------------ schema

    @Test
    void aLabelInUseIsRefusedWithItsCountOrMapped() {
        annotations.createSpan(a(0), f.slug, docs.get(0), 0, 8, "OTHER");
        annotations.createSpan(a(1), f.slug, docs.get(0), 0, 8, "OTHER");
        annotations.createSpan(a(1), f.slug, docs.get(1), 0, 8, "SOURCE");
        List<LabelInfo> before = schema();
        assertThat(projects.labelUse(f.curator, f.slug, "OTHER").spans()).isEqualTo(2);

        assertThatThrownBy(() -> projects.removeLabel(f.curator, f.slug, "OTHER", null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("used by 2 spans");
        assertThatThrownBy(() -> projects.removeLabel(f.curator, f.slug, "OTHER", "NOPE"))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(schema()).isEqualTo(before);

        projects.removeLabel(f.curator, f.slug, "OTHER", "SOURCE");
        assertThat(schema()).extracting(LabelInfo::name).containsExactly("CLAIM", "SOURCE", "CUE");
        assertThat(annotations.listMySpans(a(0), f.slug, docs.get(0))).extracting(s -> s.label())
                .containsExactly("SOURCE");
        assertThat(progress.progress(f.curator, f.slug).spansPerLabel()).containsEntry("SOURCE", 3L)
                .doesNotContainKey("OTHER");
        // an unused label goes without asking
        projects.removeLabel(f.admin, f.slug, "CUE", null);
        assertThat(schema()).extracting(LabelInfo::name).containsExactly("CLAIM", "SOURCE");
    }

    @Test
    void mappingThatWouldDuplicateOrBreakAttributionsIsRefused() {
        annotations.createSpan(a(0), f.slug, docs.get(0), 0, 8, "OTHER");
        annotations.createSpan(a(0), f.slug, docs.get(0), 0, 8, "SOURCE");
        List<LabelInfo> before = schema();
        assertThatThrownBy(() -> projects.removeLabel(f.admin, f.slug, "OTHER", "SOURCE"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("1 spans of OTHER have an identical SOURCE");
        var claim = annotations.createSpan(a(0), f.slug, docs.get(1), 0, 8, "CLAIM");
        var cue = annotations.createSpan(a(0), f.slug, docs.get(1), 9, 15, "CUE");
        annotations.createAttribution(a(0), f.slug, docs.get(1), null, cue.id(), claim.id());
        assertThatThrownBy(() -> projects.removeLabel(f.admin, f.slug, "CUE", "OTHER"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("attributions");
        assertThat(schema()).isEqualTo(before);
        assertThat(annotations.listMySpans(a(0), f.slug, docs.get(1))).extracting(s -> s.label())
                .containsExactly("CLAIM", "CUE");
    }

    @Test
    void schemaChangesThatWouldLoseValuesAreRefused() {
        var span = annotations.createSpan(a(0), f.slug, docs.get(0), 0, 8, "CLAIM", Map.of("verdict", "true"));
        List<LabelInfo> before = schema();
        LabelInfo claim = before.get(0);
        // drop the used option, drop the attribute, change its kind, change the label's kind
        assertThatThrownBy(() -> projects.saveLabel(f.admin, f.slug, withAttributes(claim, List.of(new AttributeDef(
                "verdict", AttributeKind.ENUM, List.of("false", "unclear"))))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Option 'true'");
        assertThatThrownBy(() -> projects.saveLabel(f.admin, f.slug, withAttributes(claim, List.of())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("1 stored values");
        assertThatThrownBy(() -> projects.saveLabel(f.admin, f.slug, withAttributes(claim, List.of(new AttributeDef(
                "verdict", AttributeKind.TEXT, List.of()))))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("type cannot change");
        assertThatThrownBy(() -> projects.saveLabel(f.admin, f.slug, new LabelInfo("CLAIM", "Claim", "1", "c",
                "#0072B2", LabelKind.CUE, claim.attributes()))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("used by 1 spans");
        assertThat(schema()).isEqualTo(before);
        assertThat(annotations.listMySpans(a(0), f.slug, docs.get(0)).get(0).attributes())
                .containsEntry("verdict", "true");
        // adding an option and a title change are fine
        projects.saveLabel(f.admin, f.slug, new LabelInfo("CLAIM", "Factual claim", "1", "c", "#0072B2",
                LabelKind.CONTENT, List.of(new AttributeDef("verdict", AttributeKind.ENUM, List.of("true", "false", "?")))));
        assertThat(schema().get(0).title()).isEqualTo("Factual claim");
        assertThat(span.id()).isPositive();
    }

    /**
     * Issue 16: roles are set in the schema. One content and one source label at most; a role moves freely while no
     * attribution is built on the label's spans, and is refused (409, nothing changed) once one is; a label in
     * attributions maps only to a label of the same role.
     */
    @Test
    void rolesAreOnePerSchemaAndStayWhileAttributionsUseThem() {
        List<LabelInfo> before = schema();
        LabelInfo other = before.stream().filter(l -> l.name().equals("OTHER")).findFirst().orElseThrow();
        assertThatThrownBy(() -> projects.saveLabel(f.admin, f.slug, new LabelInfo("OTHER", "Other", other.key(), null,
                other.color(), LabelKind.CONTENT, List.of()))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Labels CLAIM and OTHER both have the role content");
        var claim = annotations.createSpan(a(0), f.slug, docs.get(0), 0, 8, "CLAIM", Map.of());
        var source = annotations.createSpan(a(0), f.slug, docs.get(0), 10, 14, "SOURCE", Map.of());
        LabelInfo sourceLabel = before.stream().filter(l -> l.name().equals("SOURCE")).findFirst().orElseThrow();
        // in use, but in no attribution yet: the role may go and come back
        projects.saveLabel(f.admin, f.slug, new LabelInfo("SOURCE", "Source", sourceLabel.key(), sourceLabel.letter(),
                sourceLabel.color(), LabelKind.SPAN, List.of()));
        assertThat(schema()).filteredOn(l -> l.name().equals("SOURCE")).singleElement()
                .satisfies(l -> assertThat(l.kind()).isEqualTo(LabelKind.SPAN));
        projects.saveLabel(f.admin, f.slug, sourceLabel);
        annotations.createAttribution(a(0), f.slug, docs.get(0), source.id(), null, claim.id());
        assertThatThrownBy(() -> projects.saveLabel(f.admin, f.slug, new LabelInfo("SOURCE", "Source",
                sourceLabel.key(), sourceLabel.letter(), sourceLabel.color(), LabelKind.SPAN, List.of())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("are part of attributions");
        assertThat(schema()).isEqualTo(before);
    }

    /**
     * Decision 027: a kind added with one class (the test sources' {@code NumberKind}) is stored, read back and
     * checks its values on spans; a kind that is not installed is a 400 that names the installed ones.
     */
    @Test
    void anAttributeKindAddedAsOneClassIsStoredAndChecksItsValues() {
        LabelInfo claim = schema().get(0);
        AttributeDef amount = new AttributeDef("amount", new AttributeKind("NUMBER"), List.of());
        List<AttributeDef> attributes = new java.util.ArrayList<>(claim.attributes());
        attributes.add(amount);
        projects.saveLabel(f.admin, f.slug, withAttributes(claim, attributes));
        assertThat(schema().get(0).attribute("amount")).contains(amount);
        var span = annotations.createSpan(a(0), f.slug, docs.get(0), 0, 8, "CLAIM", Map.of("amount", "3.5"));
        assertThat(span.attributes()).containsEntry("amount", "3.5");
        assertThatThrownBy(() -> annotations.setAttribute(a(0), f.slug, docs.get(0), span.id(), "amount", "three"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("amount must be a number");
        attributes.add(new AttributeDef("colour", new AttributeKind("COLOUR"), List.of()));
        assertThatThrownBy(() -> projects.saveLabel(f.admin, f.slug, withAttributes(claim, attributes)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Attribute colour of CLAIM has an unknown type 'COLOUR'; types: ENUM, BOOLEAN, TEXT, NUMBER");
    }

    static LabelInfo withAttributes(LabelInfo l, List<AttributeDef> attributes) {
        return new LabelInfo(l.name(), l.title(), l.key(), l.letter(), l.color(), l.kind(), attributes);
    }

    @Test
    void labelsNeedUniqueKeysAndLettersAndCuratorsOrAdmins() {
        List<LabelInfo> before = schema();
        assertThatThrownBy(() -> projects.saveLabel(f.admin, f.slug, new LabelInfo("NEW", "New", "2", null, "#123456",
                LabelKind.SPAN, List.of()))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("SOURCE and NEW have the same key 2");
        assertThatThrownBy(() -> projects.saveLabel(f.admin, f.slug, new LabelInfo("NEW", "New", "5", "c", "#123456",
                LabelKind.SPAN, List.of()))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("same letter c");
        assertThatThrownBy(() -> projects.saveLabel(f.admin, f.slug, new LabelInfo("NEW", "New", "5", null, "#123456",
                LabelKind.SPAN, List.of(new AttributeDef("x", AttributeKind.ENUM, List.of("a", "a"))))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("repeat");
        assertThatThrownBy(() -> projects.saveLabel(a(0), f.slug, new LabelInfo("NEW", "New", "5", null, "#123456",
                LabelKind.SPAN, List.of()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> projects.saveLabel(users.findActor("carol").orElseThrow(), f.slug, new LabelInfo(
                "NEW", "New", "5", null, "#123456", LabelKind.SPAN, List.of()))).isInstanceOf(ForbiddenException.class);
        assertThat(schema()).isEqualTo(before);
        projects.moveLabel(f.curator, f.slug, "OTHER", -1);
        assertThat(schema()).extracting(LabelInfo::name).containsExactly("CLAIM", "SOURCE", "OTHER", "CUE");
    }

    // ------------------------------------------------------------------ projects and members

    @Test
    void projectAdminIsForAdminsAndDeleteAsksForTheName() {
        String name = projects.details(f.admin, f.slug).name();
        assertThatThrownBy(() -> projects.update(f.curator, f.slug, "Other name", null, null, null, null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> projects.update(f.curator, f.slug, null, null, null, null, true))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> projects.update(a(0), f.slug, null, "desc", null, null, null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> projects.delete(f.curator, f.slug, name)).isInstanceOf(ForbiddenException.class);
        org.assertj.core.api.Assertions.assertThatCode(() -> projects.delete(f.admin, f.slug, name + " "))
                .doesNotThrowAnyException();
        assertThat(corpus.listProjects(f.admin)).noneMatch(p -> p.slug().equals(f.slug));
    }

    @Test
    void deleteWithTheWrongNameDeletesNothing() {
        assertThatThrownBy(() -> projects.delete(f.admin, f.slug, "wrong")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> projects.delete(f.admin, f.slug, null)).isInstanceOf(InvalidRequestException.class);
        assertThat(corpus.listDocuments(f.admin, f.slug)).hasSize(4);
        assertThatThrownBy(() -> projects.create(f.admin, new ProjectSpec(f.slug, "Again", null, null, null,
                List.of()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> projects.create(f.curator, new ProjectSpec("x-" + f.slug, "X", null, null, null,
                List.of()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> projects.create(f.admin, new ProjectSpec("x-" + f.slug, " ", null, null, null,
                List.of()))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> corpus.requireProject(f.admin, "x-" + f.slug)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void archivedProjectsAreReadOnlyAndHiddenFromMembers() {
        annotations.createSpan(a(0), f.slug, docs.get(0), 0, 8, "CLAIM");
        projects.update(f.admin, f.slug, null, null, null, null, true);
        assertThat(corpus.listProjects(a(0))).noneMatch(p -> p.slug().equals(f.slug));
        assertThat(corpus.listProjects(f.admin)).anyMatch(p -> p.slug().equals(f.slug) && p.archived());
        assertThatThrownBy(() -> annotations.createSpan(a(0), f.slug, docs.get(0), 9, 12, "CLAIM"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("archived");
        assertThatThrownBy(() -> projects.saveLabel(f.admin, f.slug, new LabelInfo("NEW", "New", "5", null,
                "#123456", LabelKind.SPAN, List.of()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> assignments.autoAssign(f.curator, f.slug)).isInstanceOf(ConflictException.class);
        assertThat(annotations.listMySpans(a(0), f.slug, docs.get(0))).hasSize(1);
        projects.update(f.admin, f.slug, null, null, null, null, false);
        annotations.createSpan(a(0), f.slug, docs.get(0), 9, 12, "CLAIM");
    }

    @Test
    void membersAreManagedByAdmins() {
        String name = users.findUser("carol").orElseThrow().getUsername();
        assertThatThrownBy(() -> projects.setMember(f.curator, f.slug, name, ProjectRole.CURATOR))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> projects.setMember(f.admin, f.slug, "nobody-" + f.slug, ProjectRole.CURATOR))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> projects.setMember(f.admin, f.slug, name, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(projects.members(f.admin, f.slug)).extracting(MemberInfo::username).doesNotContain(name);
        // one user, two roles in two projects
        WorkflowFixture other = new WorkflowFixture(users, projects, 0, 1);
        projects.setMember(f.admin, other.slug, a(0).username(), ProjectRole.CURATOR);
        assertThat(corpus.requireProject(a(0), other.slug).role()).contains(ProjectRole.CURATOR);
        assertThat(corpus.requireProject(a(0), f.slug).role()).contains(ProjectRole.ANNOTATOR);
        assertThat(projects.members(f.curator, f.slug)).hasSize(4);
        assertThatThrownBy(() -> projects.members(a(0), f.slug)).isInstanceOf(ForbiddenException.class);
    }

    // ------------------------------------------------------------------ assignments

    @Test
    void automaticAssignmentIsBalancedRoundRobin() {
        var result = assignments.autoAssign(f.curator, f.slug);
        assertThat(result.created()).isEqualTo(8);
        assertThat(result.documentsShort()).isZero();
        List<String> order = new ArrayList<>();
        for (AssignmentInfo info : assignments.assignments(f.curator, f.slug)) {
            order.add(docs.indexOf(info.documentId()) + ":" + info.username().substring(0, 2));
        }
        // documents in order, annotators a1 a2 a3 in turn: 0 -> a1 a2, 1 -> a3 a1, 2 -> a2 a3, 3 -> a1 a2
        assertThat(order).containsExactlyInAnyOrder("0:a1", "0:a2", "1:a3", "1:a1", "2:a2", "2:a3", "3:a1", "3:a2");
        // again: nothing to do
        assertThat(assignments.autoAssign(f.curator, f.slug).created()).isZero();
    }

    @Test
    void autoAssignmentFillsUpAroundHandAssignmentsAndSkipsDisabledAnnotators() {
        assignments.assign(f.curator, f.slug, docs.get(0), a(2).username());
        users.updateUser(f.admin, a(1).username(), null, null, false);
        var result = assignments.autoAssign(f.admin, f.slug);
        // a1 and a3 only: document 0 gets a1; 1..3 both
        assertThat(result.created()).isEqualTo(7);
        assertThat(assignments.assignments(f.admin, f.slug)).extracting(AssignmentInfo::username)
                .doesNotContain(a(1).username());
    }

    @Test
    void assignmentRulesRefuseWithoutChange() {
        assertThatThrownBy(() -> assignments.assign(a(0), f.slug, docs.get(0), a(0).username()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> assignments.assign(f.curator, f.slug, docs.get(0), f.curator.username()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not an annotator");
        assertThatThrownBy(() -> assignments.assign(f.curator, f.slug, docs.get(0), "carol"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> assignments.assign(f.curator, f.slug, 999_999L, a(0).username()))
                .isInstanceOf(NotFoundException.class);
        assignments.assign(f.curator, f.slug, docs.get(0), a(0).username());
        assignments.assign(f.curator, f.slug, docs.get(0), a(1).username());
        assertThatThrownBy(() -> assignments.assign(f.curator, f.slug, docs.get(0), a(0).username()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already");
        assertThatThrownBy(() -> assignments.assign(f.curator, f.slug, docs.get(0), a(2).username()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("as many as the project asks for (2)");
        assertThatThrownBy(() -> assignments.reassign(f.curator, f.slug, docs.get(0), a(0).username(),
                a(1).username())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> assignments.unassign(f.curator, f.slug, docs.get(1), a(0).username()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> projects.removeMember(f.admin, f.slug, a(0).username()))
                .isInstanceOf(ConflictException.class);
        assertThat(assignments.assignments(f.curator, f.slug)).hasSize(2);

        assignments.reassign(f.curator, f.slug, docs.get(0), a(0).username(), a(2).username());
        assertThat(assignments.assignments(f.curator, f.slug)).extracting(AssignmentInfo::username)
                .containsExactlyInAnyOrder(a(1).username(), a(2).username());
        assignments.unassign(f.curator, f.slug, docs.get(0), a(1).username());
        assertThat(assignments.assignments(f.curator, f.slug)).hasSize(1);
    }

    @Test
    void annotatorsSeeOnlyTheirDocumentsOnceWorkIsAssigned() {
        assertThat(corpus.listDocuments(a(0), f.slug)).hasSize(4);
        assignments.assign(f.curator, f.slug, docs.get(2), a(0).username());
        assertThat(corpus.listDocuments(a(0), f.slug)).extracting(DocumentSummary::id).containsExactly(docs.get(2));
        assertThat(corpus.listDocuments(a(1), f.slug)).isEmpty();
        assertThat(corpus.listDocuments(f.curator, f.slug)).hasSize(4);
        assertThatThrownBy(() -> corpus.openDocument(a(0), f.slug, docs.get(0))).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("not assigned to you");
        assertThatThrownBy(() -> annotations.createSpan(a(1), f.slug, docs.get(2), 0, 8, "CLAIM"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(annotations.listMySpans(a(0), f.slug, docs.get(2))).isEmpty();
    }

    @Test
    void theQueueFinishingAndReopening() {
        for (long doc : docs) {
            assignments.assign(f.curator, f.slug, doc, a(0).username());
        }
        assertThat(assignments.next(a(0), f.slug, null)).contains(docs.get(0));
        var span = annotations.createSpan(a(0), f.slug, docs.get(0), 0, 8, "CLAIM");
        assertThatThrownBy(() -> assignments.finish(a(1), f.slug, docs.get(0))).isInstanceOf(ForbiddenException.class);
        assignments.finish(a(0), f.slug, docs.get(0));
        assertThatThrownBy(() -> assignments.finish(a(0), f.slug, docs.get(0))).isInstanceOf(ConflictException.class);
        assertThat(assignments.next(a(0), f.slug, null)).contains(docs.get(1));
        assertThat(assignments.next(a(0), f.slug, docs.get(1))).contains(docs.get(2));
        assertThat(assignments.next(a(0), f.slug, docs.get(3))).contains(docs.get(1));
        assertThat(assignments.mine(a(0), f.slug, docs.get(0)).finished()).isTrue();

        // read-only: every edit is refused and nothing changes
        assertThatThrownBy(() -> annotations.createSpan(a(0), f.slug, docs.get(0), 9, 12, "CLAIM"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("finished");
        assertThatThrownBy(() -> annotations.deleteSpan(a(0), f.slug, docs.get(0), span.id()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> annotations.relabelSpan(a(0), f.slug, docs.get(0), span.id(), "SOURCE"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> annotations.setAttribute(a(0), f.slug, docs.get(0), span.id(), "verdict", "true"))
                .isInstanceOf(ConflictException.class);
        assertThat(annotations.listMySpans(a(0), f.slug, docs.get(0))).extracting(s -> s.id() + " " + s.label()
                + " " + s.attributes()).containsExactly(span.id() + " CLAIM {}");

        assertThatThrownBy(() -> assignments.reopen(a(0), f.slug, docs.get(0), a(0).username()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> assignments.reopen(f.curator, f.slug, docs.get(1), a(0).username()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> assignments.finish(a(1), f.slug, docs.get(1)))
                .isInstanceOf(ForbiddenException.class);
        assignments.reopen(f.curator, f.slug, docs.get(0), a(0).username());
        annotations.createSpan(a(0), f.slug, docs.get(0), 9, 12, "CLAIM");
        assertThat(annotations.listMySpans(a(0), f.slug, docs.get(0))).hasSize(2);
    }

    @Test
    void progressCountsStatesAndLabels() {
        assignments.autoAssign(f.curator, f.slug);
        annotations.createSpan(a(0), f.slug, docs.get(0), 0, 8, "CLAIM");
        annotations.createSpan(a(0), f.slug, docs.get(0), 9, 15, "SOURCE");
        annotations.createSpan(a(1), f.slug, docs.get(0), 0, 8, "CLAIM");
        assignments.finish(a(0), f.slug, docs.get(0));
        assignments.finish(a(1), f.slug, docs.get(0));
        annotations.createSpan(a(2), f.slug, docs.get(1), 0, 8, "CLAIM");

        ProgressReport r = progress.progress(f.admin, f.slug);
        assertThat(r.spans()).isEqualTo(4);
        assertThat(r.spansPerLabel()).containsExactly(Map.entry("CLAIM", 3L), Map.entry("SOURCE", 1L),
                Map.entry("CUE", 0L), Map.entry("OTHER", 0L));
        assertThat(r.documents()).extracting(ProgressReport.DocumentProgress::state).containsExactly(
                WorkState.FINISHED, WorkState.IN_PROGRESS, WorkState.NOT_STARTED, WorkState.NOT_STARTED);
        var first = r.annotators().stream().filter(x -> x.username().equals(a(0).username())).findFirst().orElseThrow();
        assertThat(first.assigned()).isEqualTo(3);
        assertThat(first.finished()).isEqualTo(1);
        assertThat(first.notStarted()).isEqualTo(2);
        assertThat(first.spansPerLabel()).containsEntry("CLAIM", 1L).containsEntry("SOURCE", 1L);
        var third = r.annotators().stream().filter(x -> x.username().equals(a(2).username())).findFirst().orElseThrow();
        assertThat(third.inProgress()).isEqualTo(1);
        assertThatThrownBy(() -> progress.progress(a(0), f.slug)).isInstanceOf(ForbiddenException.class);
    }
}
