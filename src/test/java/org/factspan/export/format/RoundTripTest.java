package org.factspan.export.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.factspan.export.ExportDocument;
import org.factspan.export.Formats;
import org.factspan.export.RegisteredFormats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Write, read back, and compare with the input for what each format can carry (ids may be renumbered). */
class RoundTripTest {

    static Stream<Path> cases() {
        return Golden.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jsonlKeepsEverything(Path dir) throws IOException {
        List<ExportDocument> input = Golden.input(dir);
        JsonlFormat format = new JsonlFormat();
        assertThat(format.read(Golden.in(Golden.write(format, input)))).isEqualTo(input);
    }

    /** Every case folder with every import format the application registers. */
    static Stream<Arguments> casesAndImportFormats() {
        Formats formats = RegisteredFormats.get();
        return Golden.cases().flatMap(dir -> formats.importIds().stream().map(id -> Arguments.of(dir, id)));
    }

    /**
     * Issue 16: every import format reads back what its writer wrote, as far as it says it keeps ({@link
     * ImportFormat#keeps()}: owners, attributes, metadata, document ids); spans, labels, texts and attributions always.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("casesAndImportFormats")
    void everyRegisteredImportFormatReadsBackWhatItKeeps(Path dir, String id) throws IOException {
        Formats formats = RegisteredFormats.get();
        ImportFormat reader = formats.importer(id).orElseThrow();
        ExportFormat writer = formats.export(id).orElseThrow(() -> new AssertionError("import format " + id
                + " has no writer of the same id: a round trip needs one"));
        java.util.Set<ImportFormat.Keeps> keeps = reader.keeps();
        boolean owners = keeps.contains(ImportFormat.Keeps.OWNERS);
        boolean attributes = keeps.contains(ImportFormat.Keeps.ATTRIBUTES);
        boolean meta = keeps.contains(ImportFormat.Keeps.META);
        boolean ids = keeps.contains(ImportFormat.Keeps.IDS);
        List<ExportDocument> input = Golden.input(dir);
        List<ExportDocument> back = reader.read(Golden.in(Golden.write(writer, input)));
        assertThat(Golden.carried(back, owners, attributes, meta, ids))
                .isEqualTo(Golden.carried(input, owners, attributes, meta, ids));
        assertThat(reader.places(Golden.write(writer, input), back)).hasSize(back.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void labelStudioKeepsSpanIds(Path dir) throws IOException {
        List<ExportDocument> input = Golden.input(dir);
        LabelStudioFormat format = new LabelStudioFormat();
        List<ExportDocument> back = format.read(Golden.in(Golden.write(format, input)));
        assertThat(back.stream().flatMap(d -> d.spans().stream()).map(s -> s.id()).toList())
                .isEqualTo(input.stream().flatMap(d -> d.spans().stream()).map(s -> s.id()).toList());
    }
}
