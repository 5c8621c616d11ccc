package org.factspan.export.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSpan;
import org.junit.jupiter.api.Test;

/** What the writers report as dropped and the Label Studio config (the tokenizer: base.TextSegmentsTest). */
class WriterDetailsTest {

    @Test
    void conllKeepsTheLongestOfOverlappingSpansAndCountsTheRest() throws IOException {
        List<ExportDocument> docs = Golden.input(Golden.ROOT.resolve("crlf-overlap"));
        ExportResult result = new ConllFormat().write(Golden.SCHEMA, docs.iterator(), new ByteArrayOutputStream());
        // 10 spans: kept Tokayev, said (alice, first of two equal), bob's long claim, Others, said, 225 people died.
        assertThat(result.spans()).isEqualTo(6);
        assertThat(result.dropped()).containsEntry("overlapping span", 4)
                .containsEntry("attribution (no relations in CoNLL)", 3).containsEntry("span attribute", 2);
    }

    @Test
    void conllFourColumnsForCoNll2003Readers() throws IOException {
        ExportDocument doc = new ExportDocument(1, "d", "Tokayev said.", Map.of(),
                List.of(new ExportSpan(1, 0, 7, "SOURCE", null, "a", null, Map.of())), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConllFormat.fourColumns().write(Golden.SCHEMA, List.of(doc).iterator(), out);
        assertThat(out.toString()).isEqualTo("-DOCSTART- -X- -X- O\n\nTokayev -X- -X- B-SOURCE\nsaid -X- -X- O\n"
                + ". -X- -X- O\n\n");
    }

    /**
     * Issue 16: a claim row is a span of the label with the content role, whatever its name; a span of another label
     * gets a row only as an attribution's content. Fails when the writer looks for a label named CLAIM.
     */
    @Test
    void csvRowsAreTheContentRolesSpansWhateverTheLabelIsCalled() throws IOException {
        org.factspan.export.ExportSchema renamed = new org.factspan.export.ExportSchema(List.of(
                new org.factspan.export.ExportSchema.Label("STATEMENT", "Statement",
                        org.factspan.corpus.LabelKind.CONTENT, "#0072B2"),
                new org.factspan.export.ExportSchema.Label("SPEAKER", "Speaker", org.factspan.corpus.LabelKind.SOURCE,
                        "#E69F00"),
                new org.factspan.export.ExportSchema.Label("CLAIM", "Claim (no role)",
                        org.factspan.corpus.LabelKind.SPAN, "#009E73")));
        ExportDocument doc = new ExportDocument(1, "d", "Tokayev said prices fell. Claim here.", Map.of(), List.of(
                new ExportSpan(1, 0, 7, "SPEAKER", null, "a", null, Map.of()),
                new ExportSpan(2, 13, 24, "STATEMENT", null, "a", null, Map.of()),
                new ExportSpan(3, 26, 31, "CLAIM", null, "a", null, Map.of())), List.of(
                new org.factspan.export.ExportAttribution(1, 1L, null, 2, "a", null)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportResult result = new CsvFormat().write(renamed, List.of(doc).iterator(), out);
        String csv = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).toList()).singleElement().satisfies(row -> assertThat(row)
                .contains(",STATEMENT,prices fell,Tokayev,"));
        assertThat(result.spans()).isEqualTo(1);
    }

    @Test
    void doccanoCountsAttributesItCannotCarry() throws IOException {
        List<ExportDocument> docs = Golden.input(Golden.ROOT.resolve("crlf-overlap"));
        ExportResult result = new DoccanoFormat().write(Golden.SCHEMA, docs.iterator(), new ByteArrayOutputStream());
        assertThat(result.dropped()).isEqualTo(Map.of("span attribute", 2));
        assertThat(result.spans()).isEqualTo(10);
    }

    @Test
    void writersLeaveTheStreamOpen() throws IOException {
        List<ExportDocument> docs = Golden.input(Golden.ROOT.resolve("empty"));
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("closed");
            }
        };
        for (ExportFormat format : List.of(new JsonlFormat(), new DoccanoFormat(), new LabelStudioFormat(),
                new BratFormat(org.factspan.ingest.ImportLimits.DEFAULT), new ConllFormat(), new CsvFormat())) {
            format.write(Golden.SCHEMA, docs.iterator(), out);
        }
        assertThat(out.size()).isPositive();
    }

    @Test
    void labelStudioConfigMatchesTheSchema() {
        String xml = new LabelStudioFormat().labelingConfig(Golden.SCHEMA, Map.of("verdict", List.of("supported",
                "a&b")));
        assertThat(xml).isEqualTo("""
                <View>
                  <Labels name="label" toName="text">
                    <Label value="CLAIM" background="#0072B2" hint="Claim"/>
                    <Label value="SOURCE" background="#E69F00" hint="Source"/>
                    <Label value="ATTRIBUTION" background="#009E73" hint="Attribution"/>
                  </Labels>
                  <Text name="text" value="$text"/>
                  <Choices name="verdict" toName="text" perRegion="true" choice="single">
                    <Choice value="supported"/>
                    <Choice value="a&amp;b"/>
                  </Choices>
                  <Relations>
                    <Relation value="source"/>
                    <Relation value="content"/>
                    <Relation value="said"/>
                  </Relations>
                </View>
                """);
    }
}
