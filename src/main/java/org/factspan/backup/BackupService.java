package org.factspan.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.security.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Consistent online backups of the embedded H2 database: H2's {@code BACKUP TO} writes a zip of the database
 * files as of one moment while the app keeps running. Admins only. Restoring means stopping the app and
 * unzipping a backup into the data folder (README, "Backups"). Backups hold password and token hashes: they are
 * written owner-only ({@code rw-------} in an {@code rwx------} folder) and, with {@code FACTSPAN_BACKUP_PASSPHRASE},
 * encrypted ({@link BackupEncryption}). With PostgreSQL, use its own tools
 * ({@code pg_dump}); this service says so instead of pretending.
 */
@Service
public class BackupService {

    /** A backup file: name (also its id), size in bytes, and when it was written. */
    public record BackupFile(String name, long bytes, java.time.Instant createdAt) {
    }

    private static final Pattern NAME = Pattern.compile("factspan-\\d{8}-\\d{6}(-\\d+)?\\.zip(\\.enc)?");
    /** Owner-only: backups hold password and token hashes (decision 017). */
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Path dir;
    private final char[] passphrase;

    BackupService(DataSource dataSource, Clock clock, @Value("${factspan.backup-dir:./data/backups}") String dir,
            @Value("${factspan.backup-passphrase:}") String passphrase) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.dir = Path.of(dir).toAbsolutePath().normalize();
        this.passphrase = passphrase == null || passphrase.isEmpty() ? null : passphrase.toCharArray();
    }

    /** True when backups are written encrypted ({@code FACTSPAN_BACKUP_PASSPHRASE}). */
    public boolean encrypts() {
        return passphrase != null;
    }

    /**
     * Writes a backup now and returns it: into a folder only the server's user may enter, as a file only it may read,
     * encrypted when a passphrase is configured (the plain zip never leaves the private folder).
     */
    public synchronized BackupFile backUp(Actor actor) {
        requireAdmin(actor);
        requireH2();
        try {
            privateFolder();
            String base = "factspan-" + STAMP.format(clock.instant());
            String suffix = passphrase == null ? ".zip" : ".zip.enc";
            Path file = dir.resolve(base + suffix);
            for (int i = 2; Files.exists(file) || Files.exists(dir.resolve(file.getFileName() + ".part")); i++) {
                file = dir.resolve(base + "-" + i + suffix);
            }
            Path part = dir.resolve(file.getFileName() + ".part");
            Path zip = passphrase == null ? part : dir.resolve(file.getFileName() + ".plain.part");
            try {
                jdbc.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
                ownerOnly(zip, FILE);
                if (passphrase != null) {
                    try (var in = Files.newInputStream(zip); var out = Files.newOutputStream(part)) {
                        ownerOnly(part, FILE);
                        BackupEncryption.encrypt(in, out, passphrase);
                    }
                }
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(zip);
                Files.deleteIfExists(part);
            }
            return info(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a backup to " + dir, e);
        }
    }

    /** Creates the backup folder if needed and makes it (and backups written before this rule) owner-only. */
    private void privateFolder() throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir, FOLDER);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).toList()) {
                ownerOnly(f, FILE);
            }
        }
    }

    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** The backups in the backup folder, newest first. */
    public List<BackupFile> list(Actor actor) {
        requireAdmin(actor);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).map(BackupService::info)
                    .sorted(Comparator.comparing(BackupFile::createdAt).thenComparing(BackupFile::name).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of one backup, for download. Only names this service writes are accepted. */
    public Path file(Actor actor, String name) {
        requireAdmin(actor);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("'" + name + "' is not the name of a backup (factspan-YYYYMMDD-HHMMSS.zip,"
                    + " or .zip.enc when encrypted)");
        }
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("No backup " + name);
        }
        return file;
    }

    public Path folder() {
        return dir;
    }

    private void requireH2() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (!"H2".equalsIgnoreCase(product)) {
                throw new InvalidRequestException("Backups from the app are for the embedded H2 database; this instance"
                        + " runs on " + product + ": use its own tools (pg_dump)");
            }
            if (c.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
                throw new ConflictException("This instance keeps its database in memory only: there is nothing on"
                        + " disk to back up (set FACTSPAN_DB_URL to an H2 file)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("Only admins may back up the database");
        }
    }

    private static BackupFile info(Path file) {
        try {
            return new BackupFile(file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
