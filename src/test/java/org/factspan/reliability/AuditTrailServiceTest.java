package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.HistoryService;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.ForbiddenException;
import org.factspan.base.audit.AuditEvent;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentImportService;
import org.factspan.corpus.ProjectAdminService;
import org.factspan.corpus.ProjectRole;
import org.factspan.ingest.UploadedFile;
import org.factspan.curation.Accept;
import org.factspan.curation.CurationService;
import org.factspan.curation.MergeOptions;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.factspan.corpus.DocumentId;
import org.factspan.annotation.SpanId;
import org.factspan.base.Version;

/**
 * The audit trail: every create, update and delete of annotations, curation decisions, imports and role changes is
 * recorded with user, time and before/after, and shown per document and per span to whom it may concern.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailServiceTest {

    static final String FILE = "001_df33a49b151eb0e2.txt";

    @Autowired
    TestData data;
    @Autowired
    AnnotationService annotations;
    @Autowired
    HistoryService history;
    @Autowired
    CurationService curation;
    @Autowired
    CorpusService corpus;
    @Autowired
    ProjectAdminService projects;
    @Autowired
    DocumentImportService imports;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyChangeToAnnotationsIsRecordedWithBeforeAndAfter() {
        FreshProject p = data.fresh("audit");
        Actor alice = p.annotator;
        long doc = p.document(FILE);
        SpanInfo claim = p.label(alice, FILE, "eight police and national guard troops were killed", "CLAIM");
        SpanInfo source = p.label(alice, FILE, "The Interior Ministry", "SOURCE");
        annotations.setAttribute(alice, p.slug, new DocumentId(doc), new SpanId(claim.id()), "verdict", "refuted");
        annotations.setAttribute(alice, p.slug, new DocumentId(doc), new SpanId(claim.id()), "verdict", "supported");
        AttributionInfo triple = annotations.createAttribution(alice, p.slug, doc, source.id(), null, claim.id());
        annotations.deleteAttribution(alice, p.slug, new DocumentId(doc), triple.id());
        annotations.relabelSpan(alice, p.slug, new DocumentId(doc), new SpanId(source.id()), "CLAIM");
        annotations.deleteSpan(alice, p.slug, new DocumentId(doc), new SpanId(source.id()));

        List<AuditEvent> spanHistory = history.ofSpan(alice, p.slug, new DocumentId(doc), new SpanId(claim.id()));
        assertThat(spanHistory).extracting(AuditEvent::action).containsExactly("span.create", "span.attribute",
                "span.attribute", "attribution.create", "attribution.delete");
        assertThat(spanHistory).allSatisfy(e -> {
            assertThat(e.username()).isEqualTo(alice.username());
            assertThat(e.owner()).isEqualTo(alice.username());
            assertThat(e.at()).isNotNull();
        });
        assertThat(spanHistory.get(0).after()).contains("\"label\":\"CLAIM\"", "eight police");
        assertThat(spanHistory.get(2).before()).isEqualTo("{\"verdict\":\"refuted\"}");
        assertThat(spanHistory.get(2).after()).isEqualTo("{\"verdict\":\"supported\"}");

        List<AuditEvent> sourceHistory = history.ofSpan(alice, p.slug, new DocumentId(doc), new SpanId(source.id()));
        assertThat(sourceHistory).extracting(AuditEvent::action).containsExactly("span.create", "span.relabel",
                "span.delete");
        assertThat(sourceHistory.get(1).before()).isEqualTo("{\"label\":\"SOURCE\"}");
        assertThat(sourceHistory.get(2).before()).contains("The Interior Ministry").contains("\"label\":\"CLAIM\"");
        assertThat(sourceHistory.get(2).after()).isNull();

        // per document: everything, in order; another annotator sees none of alice's work, the curator all of it
        assertThat(history.ofDocument(alice, p.slug, doc)).hasSize(8);
        assertThat(history.ofDocument(p.annotator2, p.slug, doc)).isEmpty();
        assertThat(history.ofDocument(p.curator, p.slug, doc)).hasSize(8);
        Actor outsider = users.findActor("bob").orElseThrow();
        assertThatThrownBy(() -> history.ofDocument(outsider, p.slug, doc)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void curationDecisionsImportsAndRoleChangesAreRecorded() {
        FreshProject p = data.fresh("audit2");
        long doc = p.document(FILE);
        SpanInfo a = p.label(p.annotator, FILE, "eight police", "CLAIM");
        p.label(p.annotator2, FILE, "eight police", "SOURCE");
        var opened = curation.open(p.curator, p.slug, doc, MergeOptions.unanimous(), false);
        curation.accept(p.curator, p.slug, new DocumentId(doc), new Version(opened.version()), new Accept(Accept.What.SPAN, a.id(), null));
        List<String> actions = history.ofDocument(p.curator, p.slug, doc).stream().map(AuditEvent::action).toList();
        assertThat(actions).containsSubsequence("span.create", "span.create", "curation.open", "span.create",
                "curation.accept");
        AuditEvent accepted = history.ofDocument(p.curator, p.slug, doc).stream()
                .filter(e -> e.action().equals("curation.accept")).findFirst().orElseThrow();
        assertThat(accepted.username()).isEqualTo(p.curator.username());
        assertThat(accepted.owner()).isEqualTo("gold");
        assertThat(accepted.before()).contains("\"what\":\"span\"", "\"id\":" + a.id());

        Actor admin = users.findActor("admin").orElseThrow();
        users.createUser(admin, "audited-" + System.nanoTime() % 100000, "Audited", "a-long-password", Role.ANNOTATOR);
        projects.setMember(admin, p.slug, p.annotator2.username(), ProjectRole.CURATOR);
        imports.importFiles(p.curator, p.slug, List.of(new UploadedFile("new-article.txt",
                "A new article about the events.".getBytes(StandardCharsets.UTF_8))));
        assertThat(jdbc.queryForList("select action from audit_event where project_id = ? order by id", String.class,
                p.id)).contains("member.set", "document.import");
        assertThat(jdbc.queryForObject("select before_json from audit_event where action = 'member.set'"
                + " and project_id = ?", String.class, p.id)).contains("ANNOTATOR");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'user.create'", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForList("select after_json from audit_event", String.class))
                .noneMatch(json -> json != null && json.contains("a-long-password"));
    }
}
