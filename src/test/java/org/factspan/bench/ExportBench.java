package org.factspan.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.export.ExportService;
import org.factspan.export.format.ExportResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export of the main synthetic corpus (quick: 500 documents, about 50,000 spans; full: 10,000 documents, about
 * 1,000,000 spans), every annotator: {@code jsonl} through the export service against plain JDBC reads and Jackson's
 * streaming writer of the same rows (same batches of 100 documents), then every other format. Output goes to a
 * counting stream. Heap: the peak during the job (garbage included); flat means the same at both scales.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BenchDatabase.CONTEXT)
class ExportBench {

    @Autowired
    BenchDatabase db;
    @Autowired
    ExportService exports;
    @Autowired
    JdbcTemplate jdbc;

    static int documents() {
        return BenchResults.full() ? 10_000 : 500;
    }

    /** Leaves nothing running for the next job (or for the JVM's exit). */
    @AfterEach
    void leaveNothingRunning() {
        db.settle();
    }

    @Test
    void exportEveryFormatAgainstJdbcAndJackson() throws Exception {
        String slug = db.loaded("main", SyntheticCorpus.main(), documents(), true);
        long spans = db.spans(slug);
        db.settle();
        var carol = db.actor("carol");
        String scale = BenchResults.scale();
        List<BenchResults.Row> rows = new ArrayList<>();

        long[] baselineBytes = new long[1];
        BenchDatabase.Measured baseline = BenchDatabase.best(2, () -> baselineBytes[0] = jdbcJackson(slug));
        long[] ourBytes = new long[1];
        ExportResult[] result = new ExportResult[1];
        BenchDatabase.Measured ours = BenchDatabase.best(2, () -> {
            Counting out = new Counting();
            result[0] = exports.export(carol, slug, "jsonl", "all", AnnotationFilter.none(), out);
            ourBytes[0] = out.count;
        });
        if (result[0].spans() != spans) {
            throw new AssertionError("exported " + result[0].spans() + " of " + spans + " spans");
        }
        rows.add(new BenchResults.Row("export jsonl (" + documents() + " docs, " + spans + " spans)", scale,
                ours.seconds(), baseline.seconds(), "s", ours.heapPeakMb(),
                String.format("%.0f spans/s (baseline %.0f); %d MB out (baseline %d MB); baseline heap %.0f MB;"
                        + " heap with garbage %.0f MB; goal >= 300k spans/s, <= 2x", spans / ours.seconds(), spans / baseline.seconds(),
                        ourBytes[0] >> 20, baselineBytes[0] >> 20, baseline.heapPeakMb(), ours.heapWithGarbageMb())));
        for (String format : List.of("doccano", "labelstudio", "brat", "conll", "csv", "xmi")) {
            BenchDatabase.Measured m = BenchDatabase.measure(() -> exports.export(carol, slug, format, "all",
                    AnnotationFilter.none(), new Counting()));
            rows.add(new BenchResults.Row("export " + format, scale, m.seconds(), baseline.seconds(), "s",
                    m.heapPeakMb(), String.format("%.0f spans/s", spans / m.seconds())));
        }
        BenchDatabase.Measured zipped = BenchDatabase.measure(() -> exports.prepare(carol, slug, "jsonl", "all",
                AnnotationFilter.none(), true).writeTo(new Counting()));
        rows.add(new BenchResults.Row("export jsonl zipped with card", scale, zipped.seconds(), baseline.seconds(),
                "s", zipped.heapPeakMb(), "card: counts; agreement (span_f1_exact, cohen_kappa) up to 250,000 spans"));
        BenchResults.record(rows);
    }

    /** The baseline: plain JDBC, Jackson's streaming generator, the same rows and batches; returns bytes written. */
    long jdbcJackson(String slug) throws Exception {
        long project = jdbc.queryForObject("select id from project where slug = ?", Long.class, slug);
        List<Long> ids = jdbc.queryForList("select id from document where project_id = ? order by position, id",
                Long.class, project);
        Map<Long, String> names = new HashMap<>();
        jdbc.query("select id, username from app_user", rs -> {
            names.put(rs.getLong(1), rs.getString(2));
        });
        Counting counting = new Counting();
        JsonMapper json = JsonMapper.builder().build();
        try (OutputStream out = new BufferedOutputStream(counting, 1 << 16)) {
            for (int from = 0; from < ids.size(); from += 100) {
                List<Long> batch = ids.subList(from, Math.min(ids.size(), from + 100));
                String in = batch.toString().replace('[', '(').replace(']', ')');
                Map<Long, Object[]> docs = new HashMap<>();
                jdbc.query("select id, name, body, meta from document where id in " + in, rs -> {
                    docs.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                });
                Map<Long, List<Object[]>> spans = new HashMap<>();
                jdbc.query("select id, document_id, user_id, label, start_cp, end_cp from span where document_id in "
                        + in + " order by document_id, start_cp, end_cp, id", rs -> {
                            spans.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Object[] {rs.getLong(1),
                                    rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getInt(6)});
                        });
                Map<Long, Map<String, String>> attributes = new HashMap<>();
                jdbc.query("select a.span_id, a.name, a.val from span_attribute a join span s on s.id = a.span_id"
                        + " where s.document_id in " + in, rs -> {
                            attributes.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2),
                                    rs.getString(3));
                        });
                Map<Long, List<Object[]>> links = new HashMap<>();
                jdbc.query("select id, document_id, user_id, source_span_id, cue_span_id, content_span_id from"
                        + " attribution where document_id in " + in + " order by document_id, id", rs -> {
                            links.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Object[] {rs.getLong(1),
                                    rs.getLong(3), rs.getObject(4), rs.getObject(5), rs.getLong(6)});
                        });
                for (long id : batch) {
                    Object[] d = docs.get(id);
                    String text = (String) d[1];
                    int[] utf16 = text.codePoints().toArray().length == text.length() ? null : index(text);
                    try (JsonGenerator g = json.createGenerator(new NonClosing(out))) {
                        g.writeStartObject();
                        g.writeNumberProperty("id", id);
                        g.writeStringProperty("name", (String) d[0]);
                        g.writeStringProperty("text", text);
                        g.writeName("meta");
                        g.writeRawValue((String) d[2]);
                        g.writeArrayPropertyStart("spans");
                        for (Object[] s : spans.getOrDefault(id, List.of())) {
                            int start = (int) s[3];
                            int end = (int) s[4];
                            g.writeStartObject();
                            g.writeNumberProperty("id", (long) s[0]);
                            g.writeNumberProperty("start", start);
                            g.writeNumberProperty("end", end);
                            g.writeStringProperty("label", (String) s[2]);
                            g.writeStringProperty("text", utf16 == null ? text.substring(start, end)
                                    : text.substring(utf16[start], utf16[end]));
                            g.writeStringProperty("annotator", names.get((long) s[1]));
                            g.writeObjectPropertyStart("attributes");
                            for (var a : attributes.getOrDefault((long) s[0], Map.of()).entrySet()) {
                                g.writeStringProperty(a.getKey(), a.getValue());
                            }
                            g.writeEndObject();
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                        g.writeArrayPropertyStart("attributions");
                        for (Object[] a : links.getOrDefault(id, List.of())) {
                            g.writeStartObject();
                            g.writeNumberProperty("id", (long) a[0]);
                            writeId(g, "source", a[2]);
                            writeId(g, "cue", a[3]);
                            g.writeNumberProperty("content", (long) a[4]);
                            g.writeStringProperty("annotator", names.get((long) a[1]));
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    out.write('\n');
                }
            }
        }
        return counting.count;
    }

    private static void writeId(JsonGenerator g, String name, Object value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, ((Number) value).longValue());
        }
    }

    private static int[] index(String text) {
        int[] utf16 = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            utf16[cp++] = i;
        }
        utf16[cp] = text.length();
        return utf16;
    }

    /** Counts bytes and throws them away. */
    static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
