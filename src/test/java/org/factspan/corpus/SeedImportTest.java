package org.factspan.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.factspan.TestUsers;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@Tag("slow") // about 45 s on two cores: integration phase (decision 028)
@SpringBootTest
class SeedImportTest {

    @Autowired
    CorpusService corpus;
    @Autowired
    SeedImporter seedImporter;
    @Autowired
    ProjectRepository projects;
    @Autowired
    DocumentRepository documents;
    @Autowired
    UserService users;
    @Autowired
    Flyway flyway;

    Actor admin() {
        return users.findActor("admin").orElseThrow();
    }

    @Test
    void migrationsRanOnTheEmptyDatabase() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty();
        assertThat(applied).allMatch(m -> m.getState() == MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(Arrays.stream(applied).map(m -> m.getVersion().getVersion())).contains("1");
    }

    @Test
    void everySeedFileIsStoredByteForByte() throws Exception {
        List<Path> files;
        try (var list = Files.list(Path.of("seeds"))) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSize(5);
        List<DocumentSummary> stored = corpus.listDocuments(admin(), TestUsers.SEED_PROJECT);
        assertThat(stored).extracting(DocumentSummary::name)
                .containsExactlyElementsOf(files.stream().map(p -> p.getFileName().toString()).toList());
        for (DocumentSummary summary : stored) {
            byte[] bytes = Files.readAllBytes(Path.of("seeds", summary.name()));
            String text = corpus.openDocument(admin(), TestUsers.SEED_PROJECT, summary.id()).text();
            assertThat(text.getBytes(StandardCharsets.UTF_8)).as(summary.name()).isEqualTo(bytes);
            assertThat(summary.sha256()).isEqualTo(ProjectSetupService.sha256(text));
            assertThat(summary.length()).isEqualTo(text.codePointCount(0, text.length()));
        }
    }

    @Test
    void metadataIsTakenFromTheTextAndTheManifest() {
        Map<String, Map<String, String>> meta = corpus.listDocuments(admin(), TestUsers.SEED_PROJECT).stream()
                .collect(Collectors.toMap(DocumentSummary::name, DocumentSummary::meta));
        assertThat(meta.get("000_e2f29e929665aa3d.txt"))
                .containsEntry("title", "Russia-led Alliance to Send Forces to Unrest-Hit Kazakhstan")
                .containsEntry("date", "2022-01-06")
                .containsEntry("outlet", "The Moscow Times")
                .containsEntry("byline", "Christopher Rickleton and Evan Gershkovich for AFP")
                .containsEntry("url",
                        "https://www.themoscowtimes.com/2022/01/06/russia-led-alliance-to-send-forces-to-unrest-hit-kazakhs-tan-a75980");
        assertThat(meta.get("001_df33a49b151eb0e2.txt"))
                .containsEntry("title", "Russian-Led Security Bloc To Send Peacekeeping Forces To Kazakhstan, Armenian PM Says")
                .containsEntry("dateline", "ALMATY").containsEntry("outlet", "RFE/RL");
        assertThat(meta.get("002_7de7c1baf47c190f.txt"))
                .containsEntry("title", "Russia-led troops sent to Kazakhstan as 'dozens' killed in unrest")
                .containsEntry("date", "2022-01-06");
        assertThat(meta.get("003_e83fa0ec37095518.txt"))
                .containsEntry("title",
                        "Russia-led Alliance Pledges Aid to Kazakhstan After Armed Protests Force Government to Resign")
                .containsEntry("date", "2022-01-05");
        assertThat(meta.get("004_8df69c7030b76481.txt")).containsEntry("dateline", "JAKARTA")
                .containsEntry("title",
                        "Chaotic Protests In Kazakhstan Called By Foreign Trained Terrorists, CSTO Ready To Send Peace Troops");
    }

    @Test
    void theSchemaAndTeamComeFromTheManifest() {
        ProjectInfo project = corpus.requireProject(admin(), TestUsers.SEED_PROJECT);
        assertThat(project.labels()).extracting(LabelInfo::name, LabelInfo::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CLAIM", "1"),
                        org.assertj.core.groups.Tuple.tuple("SOURCE", "2"),
                        org.assertj.core.groups.Tuple.tuple("ATTRIBUTION", "3"));
        assertThat(project.guidelines()).contains("Attribution");
        assertThat(corpus.requireProject(users.findActor("alice").orElseThrow(), TestUsers.SEED_PROJECT).role())
                .contains(ProjectRole.ANNOTATOR);
        assertThat(corpus.requireProject(users.findActor("carol").orElseThrow(), TestUsers.SEED_PROJECT).role())
                .contains(ProjectRole.CURATOR);
    }

    @Test
    void restartingDoesNotImportTwice() throws Exception {
        long projectsBefore = projects.count();
        long documentsBefore = documents.count();
        seedImporter.run(null);
        seedImporter.run(null);
        assertThat(projects.count()).isEqualTo(projectsBefore);
        assertThat(documents.count()).isEqualTo(documentsBefore);
        assertThat(corpus.listDocuments(admin(), TestUsers.SEED_PROJECT)).hasSize(5);
    }
}
