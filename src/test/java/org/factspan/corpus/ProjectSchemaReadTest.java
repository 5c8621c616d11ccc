package org.factspan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.AnnotationService;
import org.factspan.base.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The project read on every save keeps the label schema it parsed, keyed by the project's newest label id (decision
 * 025): a schema change, made here or by another instance on the same database, is seen by the very next read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectSchemaReadTest {

    @Autowired
    TestData data;
    @Autowired
    CorpusService corpus;
    @Autowired
    ProjectAdminService projects;
    @Autowired
    AnnotationService annotations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLabelChangedHereIsSeenByTheNextRead() {
        FreshProject p = data.fresh("schema-here");
        LabelInfo claim = corpus.requireProject(p.curator, p.slug).label("CLAIM").orElseThrow();
        projects.saveLabel(p.curator, p.slug, new LabelInfo(claim.name(), "Checked claim", claim.key(),
                claim.letter(), "#123456", claim.kind(), claim.attributes()));

        LabelInfo read = corpus.requireProject(p.annotator, p.slug).label("CLAIM").orElseThrow();
        assertThat(read.title()).isEqualTo("Checked claim");
        assertThat(read.color()).isEqualTo("#123456");
    }

    @Test
    void aSchemaReplacedByAnotherInstanceIsSeenByTheNextSave() {
        FreshProject p = data.fresh("schema-there");
        long document = p.documents.values().iterator().next();
        annotations.createSpan(p.annotator, p.slug, document, 0, 4, "CLAIM"); // the schema is read and kept
        // another instance replaces the schema as ProjectAdminService does: every label deleted, the new ones
        // inserted (new ids); this instance's services are not told
        jdbc.update("delete from label where project_id = ?", p.id);
        jdbc.update("insert into label (project_id, name, title, hotkey, letter, color, kind, position)"
                + " values (?, 'FACT', 'Fact', '1', 'f', '#00aa00', 'SPAN', 0)", p.id);

        assertThat(corpus.requireProject(p.annotator, p.slug).labels()).extracting(LabelInfo::name)
                .isEqualTo(List.of("FACT"));
        assertThat(annotations.createSpan(p.annotator, p.slug, document, 10, 14, "FACT").label()).isEqualTo("FACT");
        assertThatThrownBy(() -> annotations.createSpan(p.annotator, p.slug, document, 20, 24, "CLAIM"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Unknown label 'CLAIM'");
    }
}
