package org.factspan.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives made in memory for the upload tests, hostile ones included. */
public final class Zips {

    private Zips() {
    }

    /** Entries by name and content (a String, UTF-8, or bytes). */
    public static byte[] zip(Object... namesAndContents) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                Object content = namesAndContents[i + 1];
                zip.write(content instanceof byte[] b ? b : ((String) content).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip with two entries of the same name (which Java's zip writer refuses to write): patched bytes. */
    public static byte[] duplicate(String name, String first, String second) {
        String other = name.substring(0, name.length() - 1) + (name.endsWith("x") ? "y" : "x");
        byte[] zip = zip(name, first, other, second);
        byte[] from = other.getBytes(StandardCharsets.UTF_8);
        byte[] to = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= zip.length; i++) {
            if (java.util.Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, zip, i, to.length); // in the local header and in the central directory
            }
        }
        return zip;
    }

    /** A zip of {@code entries} tiny text files. */
    public static byte[] many(int entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("doc" + i + ".txt"));
                zip.write(("Text " + i + ".").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final java.util.Map<Integer, byte[]> BOMBS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A brat-shaped zip bomb: {@code doc.txt} of {@code megabytes} MB of one letter (about a 230th of that on the
     * wire: deflate's fastest level, which writes 256 MB in about 3 seconds) next to an empty {@code doc.ann}. Made
     * once per size.
     */
    public static byte[] bomb(int megabytes) {
        return BOMBS.computeIfAbsent(megabytes, mb -> {
            var out = new ByteArrayOutputStream();
            try (var zip = new ZipOutputStream(out)) {
                zip.setLevel(1);
                zip.putNextEntry(new ZipEntry("doc.ann"));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("doc.txt"));
                byte[] block = new byte[1 << 20];
                java.util.Arrays.fill(block, (byte) 'a');
                for (int i = 0; i < mb; i++) {
                    zip.write(block);
                }
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }
}
