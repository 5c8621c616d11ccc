package org.factspan.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.factspan.PostgresTestDatabase;
import org.factspan.TestUsers;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.CorpusService;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Backups of a file H2 database, taken while it runs, hold exactly what was committed before them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:${java.io.tmpdir}/factspan-backup-test-${random.uuid}/factspan;WRITE_DELAY=0",
        "factspan.backup-dir=${java.io.tmpdir}/factspan-backups-${random.uuid}"})
class BackupServiceTest {

    @LocalServerPort
    int port;
    @Autowired
    BackupService backups;
    @Autowired
    AnnotationService annotations;
    @Autowired
    CorpusService corpus;
    @Autowired
    UserService users;

    @Test
    void aBackupHoldsWhatWasCommittedBeforeItAndRestoresAsADatabase() throws Exception {
        Actor admin = users.findActor("admin").orElseThrow();
        Actor alice = users.findActor("alice").orElseThrow();
        if (PostgresTestDatabase.enabled()) {
            assertThatThrownBy(() -> backups.backUp(admin)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("pg_dump");
            return;
        }
        long doc = corpus.listDocuments(alice, TestUsers.SEED_PROJECT).get(0).id();
        SpanInfo before = annotations.createSpan(alice, TestUsers.SEED_PROJECT, doc, 0, 6, "CLAIM");
        BackupService.BackupFile backup = backups.backUp(admin);
        SpanInfo after = annotations.createSpan(alice, TestUsers.SEED_PROJECT, doc, 10, 16, "CLAIM");

        assertThat(backups.list(admin)).extracting(BackupService.BackupFile::name).contains(backup.name());
        Path file = backups.file(admin, backup.name());
        assertThat(backup.bytes()).isEqualTo(Files.size(file)).isPositive();
        // it holds password and token hashes: only the server's user may read it or enter its folder
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                backups.folder()))).isEqualTo("rwx------");
        // restore: unzip into an empty data folder and open it as the app would
        Path restored = Files.createTempDirectory("factspan-restore-" + UUID.randomUUID());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.stream().map(e -> e.getName())).contains("factspan.mv.db");
            Files.copy(zip.getInputStream(zip.getEntry("factspan.mv.db")), restored.resolve("factspan.mv.db"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("factspan"), "sa", "");
                ResultSet r = c.createStatement().executeQuery("select id from span where id in (" + before.id()
                        + ", " + after.id() + ")")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(before.id());
            assertThat(r.next()).as("the span created after the backup is not in it").isFalse();
        }
    }

    @Test
    void onlyAdminsBackUpAndOnlyBackupNamesAreServed() throws Exception {
        Actor alice = users.findActor("alice").orElseThrow();
        Actor admin = users.findActor("admin").orElseThrow();
        assertThatThrownBy(() -> backups.backUp(alice)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> backups.list(alice)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> backups.file(admin, "../factspan.mv.db")).isInstanceOf(InvalidRequestException.class);

        assertThat(call("POST", "/api/v1/admin/backups", "alice", TestUsers.DEMO_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/admin/backups", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/admin/backups/..%2Fx.zip", "admin", TestUsers.ADMIN_PASSWORD).statusCode())
                .isBetween(400, 404);
        if (PostgresTestDatabase.enabled()) {
            var refused = call("POST", "/api/v1/admin/backups", "admin", TestUsers.ADMIN_PASSWORD);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("pg_dump");
            return;
        }
        var created = call("POST", "/api/v1/admin/backups", "admin", TestUsers.ADMIN_PASSWORD);
        assertThat(created.statusCode()).isEqualTo(201);
        String name = created.body().replaceAll(".*\"name\":\"([^\"]+)\".*", "$1");
        var download = HttpClient.newHttpClient().send(request("GET", "/api/v1/admin/backups/" + name, "admin",
                TestUsers.ADMIN_PASSWORD).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(download.body()).startsWith(new byte[] {'P', 'K'});
    }

    private HttpResponse<String> call(String method, String path, String user, String password) throws Exception {
        return HttpClient.newHttpClient().send(request(method, path, user, password).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String user, String password) {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }
}
