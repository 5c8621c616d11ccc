package org.factspan.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.factspan.PostgresTestDatabase;
import org.factspan.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 13, item 8: with FACTSPAN_BACKUP_PASSPHRASE a backup is encrypted, owner-only, and a stock openssl restores it
 * with the command docs/operations.md (Backups) gives; without the passphrase it reads as noise.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:${java.io.tmpdir}/factspan-encrypted-backup-${random.uuid}/factspan;WRITE_DELAY=0",
        "factspan.backup-dir=${java.io.tmpdir}/factspan-encrypted-backups-${random.uuid}",
        "factspan.backup-passphrase=" + EncryptedBackupTest.PASSPHRASE})
class EncryptedBackupTest {

    static final String PASSPHRASE = "correct horse battery staple";

    @Autowired
    BackupService backups;
    @Autowired
    UserService users;

    @Test
    void anEncryptedBackupIsOwnerOnlyAndOpensWithTheReadmesOpensslCommand() throws Exception {
        assumeTrue(!PostgresTestDatabase.enabled(), "backups from the app are for H2");
        var admin = users.findActor("admin").orElseThrow();
        var backup = backups.backUp(admin);
        assertThat(backup.name()).endsWith(".zip.enc");
        Path file = backups.file(admin, backup.name());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("Salted__");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var listing = Files.list(backups.folder())) {
            assertThat(listing.map(p -> p.getFileName().toString())).as("no plain copy is left")
                    .containsExactly(backup.name());
        }

        // what docs/operations.md says to run
        Path zip = Files.createTempFile("factspan-decrypted-", ".zip");
        ProcessBuilder withPassphrase = new ProcessBuilder("openssl", "enc", "-d", "-aes-256-cbc", "-pbkdf2", "-iter",
                "600000", "-md", "sha256", "-in", file.toString(), "-out", zip.toString(), "-pass",
                "env:FACTSPAN_BACKUP_PASSPHRASE").redirectErrorStream(true);
        withPassphrase.environment().put("FACTSPAN_BACKUP_PASSPHRASE", PASSPHRASE);
        Process decrypt;
        try {
            decrypt = withPassphrase.start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "openssl is not installed");
            return;
        }
        String output = new String(decrypt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(decrypt.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(decrypt.exitValue()).as(output).isZero();
        try (ZipFile restored = new ZipFile(zip.toFile())) {
            assertThat(restored.stream().map(e -> e.getName())).contains("factspan.mv.db");
        }
        try (var in = BackupEncryption.decrypt(Files.newInputStream(file), PASSPHRASE.toCharArray())) {
            assertThat(in.readAllBytes()).as("Factspan's own reader agrees").isEqualTo(Files.readAllBytes(zip));
        }
        Files.delete(zip);
    }
}
