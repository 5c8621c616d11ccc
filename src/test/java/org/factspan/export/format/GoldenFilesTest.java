package org.factspan.export.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.factspan.export.ExportDocument;
import org.factspan.export.Formats;
import org.factspan.export.RegisteredFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case folder under {@code export/golden} holds {@code input.jsonl} (the source of truth) and what each
 * writer must produce from it, byte for byte. Run with {@code -Dgolden.update=true} to rewrite them after a
 * deliberate change, then review the diff.
 */
class GoldenFilesTest {

    static Stream<Path> cases() {
        return Golden.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jsonlIsWrittenBackExactlyAsRead(Path dir) throws IOException {
        byte[] input = Files.readAllBytes(dir.resolve("input.jsonl"));
        byte[] written = Golden.write(new JsonlFormat(), new JsonlFormat().read(Golden.in(input)));
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(input, StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(input);
    }

    /** Every case folder with every export format the application registers (the plain ones; claims are not per case). */
    static Stream<Arguments> casesAndFormats() {
        Formats formats = RegisteredFormats.get();
        return Golden.cases().flatMap(dir -> formats.exportIds().stream().map(id -> Arguments.of(dir, id)));
    }

    /** The golden file of a format: {@code expected-<id>/} for a zip, else {@code expected.<id>.<extension>}. */
    static Path expected(Path dir, ExportFormat format) {
        if (format.fileExtension().equals("zip")) {
            return dir.resolve("expected-" + format.id());
        }
        return dir.resolve(format.id().equals(format.fileExtension()) ? "expected." + format.id()
                : "expected." + format.id() + "." + format.fileExtension());
    }

    /**
     * Issue 16: every format found by the application's scan writes each case exactly as its golden file says. A
     * format added without golden files fails here, naming the file to write ({@code -Dgolden.update=true}, then
     * review it).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("casesAndFormats")
    void everyRegisteredFormatWritesItsGoldenFile(Path dir, String id) throws IOException {
        ExportFormat format = RegisteredFormats.get().export(id).orElseThrow();
        Path expected = expected(dir, format);
        byte[] written = Golden.write(format, Golden.input(dir));
        if (!Golden.UPDATE) {
            assertThat(expected).as("the golden file of format %s (write it with -Dgolden.update=true and review it)",
                    id).exists();
        }
        if (format.fileExtension().equals("zip")) {
            compareZip(expected, written);
        } else {
            compare(expected, written);
        }
    }

    @Test
    void theRegistryHoldsTheFormatsAndTheFixtureAddedWithOneClass() {
        assertThat(RegisteredFormats.get().exportIds()).contains("jsonl", "doccano", "labelstudio", "brat", "conll",
                "csv", "xmi", "tsv");
        assertThat(RegisteredFormats.get().importIds()).containsExactly("brat", "doccano", "jsonl", "labelstudio");
    }

    /** Every entry of the zip equals the file of that name in {@code expected}, and there are no others. */
    private static void compareZip(Path expected, byte[] zip) throws IOException {
        Map<String, byte[]> entries = Golden.unzip(zip);
        if (Golden.UPDATE) {
            if (Files.exists(expected)) {
                try (Stream<Path> old = Files.list(expected)) {
                    for (Path p : old.toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(expected);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                Files.write(expected.resolve(e.getKey()), e.getValue());
            }
        }
        Map<String, String> want = new TreeMap<>();
        try (Stream<Path> files = Files.list(expected)) {
            for (Path p : files.toList()) {
                want.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        Map<String, String> got = new TreeMap<>();
        entries.forEach((name, bytes) -> got.put(name, new String(bytes, StandardCharsets.UTF_8)));
        assertThat(got).isEqualTo(want);
        List<String> names = new ArrayList<>(entries.keySet());
        for (String name : names) {
            assertThat(entries.get(name)).as(name).isEqualTo(Files.readAllBytes(expected.resolve(name)));
        }
    }

    private static void compare(Path expected, byte[] actual) throws IOException {
        if (Golden.UPDATE) {
            Files.write(expected, actual);
        }
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(Files.readString(expected));
        assertThat(actual).isEqualTo(Files.readAllBytes(expected));
    }

    /** Keeps the case list honest: every case is read from a non-empty input. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseHasDocuments(Path dir) throws IOException {
        List<ExportDocument> docs = Golden.input(dir);
        assertThat(docs).isNotEmpty();
    }
}
