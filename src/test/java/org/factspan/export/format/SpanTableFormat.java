package org.factspan.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;
import org.factspan.export.ExportSpan;

/**
 * Issue 16's proof that a format is one class: a test fixture the application finds by itself (the export dialog, the
 * REST export and every test that runs over all formats offer it) and that the golden tests hold to its golden files
 * ({@code expected.tsv} in every case folder). One line per span: document, code point offsets, label, text (tabs and
 * line breaks in the text as spaces); attributions and attributes are dropped and counted.
 */
public final class SpanTableFormat implements ExportFormat {

    @Override
    public String id() {
        return "tsv";
    }

    @Override
    public String mediaType() {
        return "text/tab-separated-values; charset=UTF-8";
    }

    @Override
    public String fileExtension() {
        return "tsv";
    }

    @Override
    public ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out)
            throws IOException {
        ExportResult.Tally tally = new ExportResult.Tally();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("document\tstart\tend\tlabel\ttext\n");
        while (docs.hasNext()) {
            ExportDocument doc = docs.next();
            for (ExportSpan s : doc.spans()) {
                String text = doc.text().substring(doc.text().offsetByCodePoints(0, s.start()),
                        doc.text().offsetByCodePoints(0, s.end())).replaceAll("[\t\r\n]", " ");
                writer.write(doc.name() + "\t" + s.start() + "\t" + s.end() + "\t" + s.label() + "\t" + text + "\n");
                tally.spans++;
                if (!s.attributes().isEmpty()) {
                    tally.drop("span attribute", s.attributes().size());
                }
            }
            if (!doc.attributions().isEmpty()) {
                tally.drop("attribution", doc.attributions().size());
            }
            tally.documents++;
            writer.flush();
        }
        writer.flush();
        return tally.result();
    }
}
