package org.factspan.export.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Every reader refuses bad input with a {@link FormatException} that names the line. */
class BadInputTest {

    private static final String GOOD = """
            {"id":1,"name":"a","text":"😀 Tokayev said","meta":{},\
            "spans":[{"id":1,"start":2,"end":9,"label":"SOURCE"}],"attributions":[]}""";

    private static void jsonl(String content, String... messageParts) {
        assertThatThrownBy(() -> new JsonlFormat().read(Golden.in(content.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FormatException.class).hasMessageContainingAll(messageParts);
    }

    @Test
    void aFormatRefusalIsARefusalLikeAnyOther() {
        // one hierarchy: the REST API answers 400 and the views show it without translating (decision 027)
        assertThat(new FormatException("a.ann", 3, "bad")).isInstanceOf(org.factspan.base.InvalidRequestException.class)
                .satisfies(e -> assertThat(org.factspan.base.Refusals.of(e))
                        .contains(new org.factspan.base.Refusals.Refusal(400, "a.ann line 3: bad")));
    }

    @Test
    void jsonlBrokenJson() {
        jsonl(GOOD + "\n{\"id\":2,\"name\":\n", "line 2", "broken JSON");
    }

    @Test
    void jsonlSpanOutOfRange() {
        jsonl("\n" + GOOD.replace("\"end\":9", "\"end\":16"), "line 2", "outside the text of 14 code points");
    }

    @Test
    void jsonlTextDiffersFromDocument() {
        // UTF-16 offsets (3..10) instead of code points: the covered text no longer matches.
        jsonl(GOOD.replace("\"start\":2,\"end\":9,\"label\":\"SOURCE\"",
                "\"start\":3,\"end\":10,\"label\":\"SOURCE\",\"text\":\"Tokayev\""), "line 1", "differs");
    }

    @Test
    void jsonlUnknownReference() {
        jsonl(GOOD.replace("\"attributions\":[]", "\"attributions\":[{\"id\":1,\"source\":1,\"cue\":7,\"content\":1}]"),
                "line 1", "unknown span 7");
    }

    @Test
    void jsonlAttributionWithoutSourceOrCueIsAContentOnlyTriple() throws Exception {
        String line = GOOD.replace("\"attributions\":[]", "\"attributions\":[{\"id\":1,\"content\":1}]");
        var docs = new JsonlFormat().read(new java.io.ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        assertThat(docs.get(0).attributions()).singleElement().satisfies(a -> {
            assertThat(a.source()).isNull();
            assertThat(a.cue()).isNull();
            assertThat(a.content()).isEqualTo(1);
        });
    }

    @Test
    void jsonlInvalidUtf8() {
        byte[] bytes = (GOOD + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xC3;
        bad[bytes.length + 1] = (byte) 0x28;
        assertThatThrownBy(() -> new JsonlFormat().read(Golden.in(bad))).isInstanceOf(FormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("UTF-8");
    }

    @Test
    void doccanoBrokenJsonAndUnknownRelationEnd() {
        String good = "{\"id\":1,\"text\":\"Tokayev said\",\"entities\":[{\"id\":1,\"label\":\"SOURCE\","
                + "\"start_offset\":0,\"end_offset\":7},{\"id\":2,\"label\":\"ATTRIBUTION\","
                + "\"start_offset\":8,\"end_offset\":12}],"
                + "\"relations\":[{\"id\":1,\"from_id\":2,\"to_id\":1,\"type\":\"source\"}]}";
        DoccanoFormat format = new DoccanoFormat();
        assertThatThrownBy(() -> format.read(Golden.in((good + "\n\n[1,").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FormatException.class).hasMessageContainingAll("line 3", "broken JSON");
        String unknown = good.replace("\"to_id\":1,\"type\":\"source\"", "\"to_id\":9,\"type\":\"content\"");
        assertThatThrownBy(() -> format.read(Golden.in((good + "\n" + unknown).getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FormatException.class).hasMessageContainingAll("line 2", "unknown span 9");
        String badType = good.replace("\"type\":\"source\"", "\"type\":\"likes\"");
        assertThatThrownBy(() -> format.read(Golden.in(badType.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FormatException.class).hasMessageContainingAll("line 1", "unknown relation type");
        String outside = good.replace("\"end_offset\":12", "\"end_offset\":13");
        assertThatThrownBy(() -> format.read(Golden.in(outside.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FormatException.class).hasMessageContainingAll("line 1", "outside the text");
    }

    @Test
    void labelStudioErrorsNameTheTaskLine() {
        String task = "{\"id\":1,\"data\":{\"text\":\"Tokayev said\"},\"annotations\":[{\"result\":["
                + "{\"id\":\"a\",\"type\":\"labels\",\"from_name\":\"label\",\"to_name\":\"text\","
                + "\"value\":{\"start\":0,\"end\":7,\"text\":\"Tokayev\",\"labels\":[\"SOURCE\"]}},"
                + "{\"type\":\"relation\",\"from_id\":\"a\",\"to_id\":\"zz\",\"labels\":[\"said\"]}]}]}";
        String ok = task.replace(",{\"type\":\"relation\",\"from_id\":\"a\",\"to_id\":\"zz\",\"labels\":[\"said\"]}",
                "");
        LabelStudioFormat format = new LabelStudioFormat();
        assertThatThrownBy(() -> format.read(Golden.in(("[\n" + ok + ",\n" + task + "\n]").getBytes(
                StandardCharsets.UTF_8)))).isInstanceOf(FormatException.class)
                .hasMessageContainingAll("line 3", "unknown region 'zz'");
        assertThatThrownBy(() -> format.read(Golden.in(("[\n" + ok + ",\n" + ok.replace("\"text\":\"Tokayev\"",
                "\"text\":\"Tokayew\"") + "\n]").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FormatException.class).hasMessageContainingAll("line 3", "differs");
        assertThatThrownBy(() -> format.read(Golden.in(("[\n" + ok + ",\n{\"id\": }\n]").getBytes(
                StandardCharsets.UTF_8)))).isInstanceOf(FormatException.class)
                .hasMessageContainingAll("line 3", "broken JSON");
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void brat(String ann, String... messageParts) throws IOException {
        byte[] zip = zip(Map.of("doc.txt", "😀 Tokayev said", "doc.ann", ann));
        assertThatThrownBy(() -> new BratFormat(org.factspan.ingest.ImportLimits.DEFAULT).read(Golden.in(zip))).isInstanceOf(FormatException.class)
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void bratUnknownReference() throws IOException {
        brat("T1\tSOURCE 2 9\tTokayev\nR1\tsource Arg1:T2 Arg2:T1\n", "doc.ann line 2", "unknown annotation 'T2'");
    }

    @Test
    void bratTextDiffersFromDocument() throws IOException {
        brat("T1\tSOURCE 3 10\tTokayev\n", "doc.ann line 1", "differs");
    }

    @Test
    void bratFragmentOutsideText() throws IOException {
        brat("T1\tSOURCE 2 9\tTokayev\n\nT2\tCUE 10 99\tsaid\n", "doc.ann line 3", "outside the text");
    }

    @Test
    void bratUnrecognisedLine() throws IOException {
        brat("T1\tSOURCE 2 9\tTokayev\nX1 what\n", "doc.ann line 2", "unrecognised");
    }

    @Test
    void bratAnnWithoutText() throws IOException {
        byte[] zip = zip(Map.of("other.ann", "T1\tSOURCE 0 1\tx\n"));
        assertThatThrownBy(() -> new BratFormat(org.factspan.ingest.ImportLimits.DEFAULT).read(Golden.in(zip))).isInstanceOf(FormatException.class)
                .hasMessageContainingAll("other.ann line 1", "no other.txt");
    }
}
