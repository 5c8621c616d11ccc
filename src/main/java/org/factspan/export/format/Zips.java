package org.factspan.export.format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.factspan.export.ExportDocument;

/** Byte-stable zips for the zip formats: fixed entry times, safe unique names, the caller's stream left open. */
final class Zips {

    /** 1980-01-02 12:00 UTC, fixed so the same data always gives the same file. */
    static final long ZIP_TIME = 315_532_800_000L + 12 * 3_600_000L;
    private static final Pattern NAME_SAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private Zips() {
    }

    /** A zip over {@code out} whose {@code close()} finishes the zip and flushes, but leaves {@code out} open. */
    static ZipOutputStream open(OutputStream out) {
        return new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
    }

    static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        entry(zip, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        begin(zip, name);
        zip.write(content);
        zip.closeEntry();
    }

    /** Starts an entry; write its content to the zip (through {@link #unclosable}) and close it. */
    static void begin(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(ZIP_TIME);
        zip.putNextEntry(entry);
    }

    /** The stream (a zip) as one whose {@code close()} only flushes, for writers that close what they are given. */
    static OutputStream unclosable(OutputStream stream) {
        return new FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                stream.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** A document's own text extension, left off file names so that brat gets x.txt, not x.txt.txt. */
    private static final java.util.regex.Pattern TEXT_EXTENSION = java.util.regex.Pattern.compile(
            "(?i)\\.(txt|text)$");

    /**
     * A file name for the document, unique in {@code used} (case-insensitively): its name made safe, without a
     * ".txt" it may end with (the formats add their own extension: {@code <name>.txt}, {@code <name>.ann},
     * {@code <name>.xmi}).
     */
    static String fileName(ExportDocument doc, Set<String> used) {
        String bare = TEXT_EXTENSION.matcher(doc.name()).replaceAll("");
        String base = NAME_SAFE.matcher(bare).replaceAll("_").replaceAll("^[._]+", "");
        if (base.isEmpty()) {
            base = "doc";
        }
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "-" + doc.id() + (n > 2 ? "-" + n : "");
        }
        return name;
    }
}
