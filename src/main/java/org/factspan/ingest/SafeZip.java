package org.factspan.ingest;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.TooLargeException;

/**
 * Reads a zip archive from an upload safely, as a stream (no file is written): at most {@link Limits#maxEntries()}
 * entries; entry names that are relative paths without {@code ..} (no zip slip), unique; no archive inside the archive
 * (by name or by content); the bytes actually unpacked (sizes in headers lie) limited per entry and for the whole import
 * ({@link Budget}); and an archive that expands more than {@link Limits#maxExpansionRatio()} times is a bomb, stopped
 * after about a megabyte. Folders and the litter of archivers ({@code __MACOSX/}, hidden files) are skipped. Every
 * refusal names the archive (and entry): {@link TooLargeException} when size or number is the problem, else
 * {@link InvalidRequestException}; either way, nothing was imported.
 */
public final class SafeZip {

    /** Limits of one archive. */
    public record Limits(int maxEntries, long maxEntryBytes, int maxExpansionRatio) {
    }

    /** Unpacked bytes one import may still use, shared by its archives. */
    public static final class Budget {

        private final long total;
        private long left;

        public Budget(long total) {
            this.total = total;
            this.left = total;
        }

        public long total() {
            return total;
        }

        public long left() {
            return left;
        }
    }

    /** Receives each file entry, unpacked. */
    @FunctionalInterface
    public interface EntryReader {
        void entry(String path, byte[] content);
    }

    /** Below this many unpacked bytes the expansion ratio is not judged (small archives of repetitive text). */
    static final long RATIO_FLOOR = 1 << 20;
    private static final byte[][] ARCHIVE_MAGIC = {{'P', 'K', 3, 4}, {'P', 'K', 5, 6}, {'P', 'K', 7, 8},
            {(byte) 0x1f, (byte) 0x8b}};
    private static final List<String> ARCHIVE_NAMES = List.of(".zip", ".jar", ".gz", ".tgz", ".7z", ".rar", ".tar");

    private SafeZip() {
    }

    /** Whether the bytes start as a zip archive does (an empty archive included). */
    public static boolean looksLikeZip(byte[] content) {
        return startsWith(content, ARCHIVE_MAGIC[0]) || startsWith(content, ARCHIVE_MAGIC[1]);
    }

    /** Whether the bytes or the name say "archive" (zip, gzip and the like). */
    public static boolean looksLikeArchive(String path, byte[] content) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (byte[] magic : ARCHIVE_MAGIC) {
            if (startsWith(content, magic)) {
                return true;
            }
        }
        return ARCHIVE_NAMES.stream().anyMatch(lower::endsWith);
    }

    /**
     * Reads every file entry of the archive {@code file} (its name, for messages) in the archive's order and hands it
     * to {@code reader}; returns the number of entries (folders and skipped ones included).
     */
    public static int read(String file, byte[] archive, Limits limits, Budget budget, EntryReader reader) {
        if (!looksLikeZip(archive)) {
            throw bad(file, "is not a zip archive");
        }
        Counting raw = new Counting(new java.io.ByteArrayInputStream(archive));
        int entries = 0;
        Set<String> names = new HashSet<>();
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new TooLargeException(file + ": has more than " + limits.maxEntries() + " entries" + NOTHING);
                }
                String path = entry.getName();
                checkName(file, path);
                if (!names.add(path.replace('\\', '/'))) {
                    throw bad(file, "has two entries named " + org.factspan.base.Quote.of(path));
                }
                if (entry.isDirectory() || ignored(path)) {
                    continue;
                }
                String where = file + "!" + path;
                if (looksLikeArchive(path, new byte[0])) {
                    throw bad(where, "is an archive inside an archive; nested archives are not read");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long max = Math.min(limits.maxEntryBytes(), budget.left);
                long size = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    size += n;
                    unpacked += n;
                    if (size > max) {
                        throw new TooLargeException(where + ": " + (max < limits.maxEntryBytes()
                                ? "unpacks to more than the " + budget.total + " bytes an import may unpack"
                                : "unpacks to more than " + limits.maxEntryBytes() + " bytes") + NOTHING);
                    }
                    if (unpacked > RATIO_FLOOR && unpacked > (long) limits.maxExpansionRatio() * raw.count) {
                        throw new TooLargeException(where + ": the archive expands more than "
                                + limits.maxExpansionRatio() + " times (" + raw.count + " bytes of it unpack to "
                                + unpacked + " bytes and more); a zip bomb is not read" + NOTHING);
                    }
                    out.write(buffer, 0, n);
                }
                byte[] content = out.toByteArray();
                budget.left -= content.length;
                if (looksLikeArchive(path, content)) {
                    throw bad(where, "is an archive inside an archive; nested archives are not read");
                }
                reader.entry(path, content);
            }
        } catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8
            throw bad(file, "is a damaged zip archive (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw bad(file, "is a damaged zip archive (it ends too early)");
        } catch (IOException e) {
            throw bad(file, "could not be read (" + e.getMessage() + ")");
        }
        return entries;
    }

    private static final String NOTHING = "; nothing was imported";
    /** Entry names longer than this are refused (they end up in document names and messages). */
    static final int MAX_PATH = 255;

    private static void checkName(String file, String path) {
        String p = path.replace('\\', '/');
        if (p.length() > MAX_PATH) {
            throw bad(file, "has an entry whose name is longer than " + MAX_PATH + " characters: "
                    + org.factspan.base.Quote.of(path));
        }
        if (p.isEmpty() || p.startsWith("/") || p.matches("^[A-Za-z]:.*") || List.of(p.split("/")).contains("..")
                || ValidText.firstInvalid(p) >= 0) {
            throw bad(file, "has an entry with an unsafe path: " + org.factspan.base.Quote.of(path));
        }
    }

    /** Folders and files that archivers add: macOS resource forks, hidden files. */
    private static boolean ignored(String path) {
        String p = path.replace('\\', '/');
        String last = p.substring(p.lastIndexOf('/') + 1);
        return p.startsWith("__MACOSX/") || last.startsWith(".");
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InvalidRequestException bad(String where, String what) {
        return new InvalidRequestException(where + ": " + what + NOTHING);
    }

    /** Counts the bytes of the archive read so far (the inflater reads ahead at most a small buffer). */
    private static final class Counting extends FilterInputStream {

        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
