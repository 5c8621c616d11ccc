package org.factspan.bench;

import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.factspan.export.ExportAttribution;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;
import org.factspan.export.ExportService;
import org.factspan.export.ExportSpan;
import org.factspan.export.format.JsonlFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Import of 10,000 documents (quick: 500) of the main corpus: the texts through the project setup service, one
 * document at a time, against a JDBC batch insert of the same rows; then every annotator's spans, attributes and
 * triples as one {@code jsonl} file through the import service (parse, all-or-nothing checks, store), against a JDBC
 * batch insert of the same rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = BenchDatabase.CONTEXT)
class ImportBench {

    @Autowired
    BenchDatabase db;
    @Autowired
    ExportService exports;

    static int documents() {
        return BenchResults.full() ? 10_000 : 500;
    }

    /** Leaves nothing running for the next job (or for the JVM's exit). */
    @AfterEach
    void leaveNothingRunning() {
        db.settle();
    }

    @Test
    void importDocumentsAndAnnotationsAgainstJdbcBatches() throws Exception {
        SyntheticCorpus corpus = SyntheticCorpus.main();
        int n = documents();
        List<SyntheticCorpus.Doc> docs = corpus.list(n);
        String scale = BenchResults.scale();
        long spans = docs.stream().mapToLong(SyntheticCorpus.Doc::spanCount).sum();

        long ours = db.project("bench-import-" + System.nanoTime());
        db.settle();
        BenchDatabase.Measured texts = BenchDatabase.measure(() -> {
            for (SyntheticCorpus.Doc d : docs) {
                db.setup.importDocument(ours, d.name(), d.text(), d.meta());
            }
        });
        long base = db.project("bench-import-base-" + System.nanoTime());
        BenchDatabase.Measured textsBaseline = BenchDatabase.measure(() -> db.load(base, docs.iterator(), false,
                d -> {
                }));

        String slug = db.jdbc.queryForObject("select slug from project where id = ?", String.class, ours);
        List<Long> ids = db.jdbc.queryForList("select id from document where project_id = ? order by position",
                Long.class, ours);
        byte[] jsonl = jsonl(docs, ids);
        var admin = db.actor("admin");
        db.settle();
        BenchDatabase.Measured annotations = BenchDatabase.measure(() -> exports.importAnnotations(admin, slug,
                "jsonl", jsonl));
        if (db.spans(slug) != spans) {
            throw new AssertionError("imported " + db.spans(slug) + " of " + spans + " spans");
        }
        List<Long> baseIds = db.jdbc.queryForList("select id from document where project_id = ? order by position",
                Long.class, base);
        List<Object[]> spanRows = new ArrayList<>();
        List<Object[]> attributeRows = new ArrayList<>();
        List<Object[]> attributionRows = new ArrayList<>();
        long spanId = db.next("span");
        long attributionId = db.next("attribution");
        Map<String, Long> users = db.annotators();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < docs.size(); i++) {
            for (SyntheticCorpus.Work w : docs.get(i).work()) {
                long first = spanId;
                for (SyntheticCorpus.Span s : w.spans()) {
                    spanRows.add(new Object[] {spanId, baseIds.get(i), users.get(w.annotator()), s.label(), s.start(),
                            s.end(), now});
                    if (s.verdict() != null) {
                        attributeRows.add(new Object[] {spanId, "verdict", s.verdict()});
                    }
                    spanId++;
                }
                for (SyntheticCorpus.Triple t : w.triples()) {
                    attributionRows.add(new Object[] {attributionId++, baseIds.get(i), users.get(w.annotator()),
                            t.source() < 0 ? null : first + t.source(), t.cue() < 0 ? null : first + t.cue(),
                            first + t.content(), now});
                }
            }
        }
        long lastSpan = spanId;
        long lastAttribution = attributionId;
        BenchDatabase.Measured annotationsBaseline = BenchDatabase.measure(() -> db.insertAnnotations(spanRows,
                attributeRows, attributionRows));
        db.restart("span", lastSpan);
        db.restart("attribution", lastAttribution);

        BenchResults.record(List.of(
                new BenchResults.Row("import " + n + " documents (texts)", scale, texts.seconds(),
                        textsBaseline.seconds(), "s", texts.heapPeakMb(),
                        "project setup service, one document at a time; baseline JDBC batches; goal < 30 s"),
                new BenchResults.Row("import annotations of " + n + " docs (" + spans + " spans, jsonl)", scale,
                        annotations.seconds(), annotationsBaseline.seconds(), "s", annotations.heapPeakMb(),
                        String.format("%d MB file; %.0f spans/s; baseline: JDBC batch insert of the rows",
                                jsonl.length >> 20, spans / annotations.seconds()))));
    }

    /** One jsonl file with every annotator's work, document ids those of the project. */
    static byte[] jsonl(List<SyntheticCorpus.Doc> docs, List<Long> ids) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Iterator<ExportDocument> it = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < docs.size();
            }

            @Override
            public ExportDocument next() {
                SyntheticCorpus.Doc d = docs.get(i);
                long id = ids.get(i++);
                return document(d, id);
            }
        };
        new JsonlFormat().write(new ExportSchema(List.of()), it, out);
        return out.toByteArray();
    }

    static ExportDocument document(SyntheticCorpus.Doc d, long id) {
        List<ExportSpan> spans = new ArrayList<>();
        List<ExportAttribution> attributions = new ArrayList<>();
        String text = d.text();
        long spanId = 1;
        long attributionId = 1;
        for (SyntheticCorpus.Work w : d.work()) {
            long first = spanId;
            for (SyntheticCorpus.Span s : w.spans()) {
                Map<String, String> attributes = new HashMap<>();
                if (s.verdict() != null) {
                    attributes.put("verdict", s.verdict());
                }
                spans.add(new ExportSpan(spanId++, s.start(), s.end(), s.label(),
                        text.substring(text.offsetByCodePoints(0, s.start()), text.offsetByCodePoints(0, s.end())),
                        w.annotator(), null, attributes));
            }
            for (SyntheticCorpus.Triple t : w.triples()) {
                attributions.add(new ExportAttribution(attributionId++, t.source() < 0 ? null : first + t.source(),
                        t.cue() < 0 ? null : first + t.cue(), first + t.content(), w.annotator(), null));
            }
        }
        return new ExportDocument(id, d.name(), text, d.meta(), spans, attributions);
    }
}
