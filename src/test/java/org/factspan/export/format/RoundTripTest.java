package org.factspan.export.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.factspan.export.ExportDocument;
import org.junit.jupiter.params.ParameterizedTest;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void doccanoKeepsSpansRelationsAndMeta(Path dir) throws IOException {
        List<ExportDocument> input = Golden.input(dir);
        DoccanoFormat format = new DoccanoFormat();
        List<ExportDocument> back = format.read(Golden.in(Golden.write(format, input)));
        assertThat(Golden.carried(back, false, false, true, true))
                .isEqualTo(Golden.carried(input, false, false, true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void labelStudioKeepsOwnersAndAttributesToo(Path dir) throws IOException {
        List<ExportDocument> input = Golden.input(dir);
        LabelStudioFormat format = new LabelStudioFormat();
        List<ExportDocument> back = format.read(Golden.in(Golden.write(format, input)));
        assertThat(Golden.carried(back, true, true, true, true))
                .isEqualTo(Golden.carried(input, true, true, true, true));
        assertThat(back.stream().flatMap(d -> d.spans().stream()).map(s -> s.id()).toList())
                .isEqualTo(input.stream().flatMap(d -> d.spans().stream()).map(s -> s.id()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bratKeepsSpansOwnersAttributesAndTriples(Path dir) throws IOException {
        List<ExportDocument> input = Golden.input(dir);
        BratFormat format = new BratFormat();
        List<ExportDocument> back = format.read(Golden.in(Golden.write(format, input)));
        assertThat(Golden.carried(back, true, true, false, false))
                .isEqualTo(Golden.carried(input, true, true, false, false));
    }
}
