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
import org.junit.jupiter.params.ParameterizedTest;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void doccano(Path dir) throws IOException {
        compare(dir.resolve("expected.doccano.jsonl"), Golden.write(new DoccanoFormat(), Golden.input(dir)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void labelStudio(Path dir) throws IOException {
        compare(dir.resolve("expected.labelstudio.json"), Golden.write(new LabelStudioFormat(), Golden.input(dir)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conll(Path dir) throws IOException {
        compare(dir.resolve("expected.conll"), Golden.write(new ConllFormat(), Golden.input(dir)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void csv(Path dir) throws IOException {
        compare(dir.resolve("expected.csv"), Golden.write(new CsvFormat(), Golden.input(dir)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brat(Path dir) throws IOException {
        compareZip(dir.resolve("expected-brat"), Golden.write(new BratFormat(), Golden.input(dir)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void xmi(Path dir) throws IOException {
        compareZip(dir.resolve("expected-xmi"), Golden.write(new XmiFormat(), Golden.input(dir)));
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
