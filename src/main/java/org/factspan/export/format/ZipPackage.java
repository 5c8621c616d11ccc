package org.factspan.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.zip.ZipOutputStream;
import org.factspan.export.DatasetInfo;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;

/**
 * A single-file format packed in a zip with the dataset card: {@code <name>.<extension>} (streamed straight into the
 * zip, as the format writes it) and {@code README.md}. The data file is byte for byte what the format writes alone.
 */
public final class ZipPackage implements ExportFormat {

    private final ExportFormat inner;

    private ZipPackage(ExportFormat inner) {
        this.inner = inner;
    }

    /** The format in a zip with a card; a format that is a zip with a card already is returned as it is. */
    public static ExportFormat of(ExportFormat format) {
        return format.writesCard() ? format : new ZipPackage(format);
    }

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public String fileExtension() {
        return "zip";
    }

    @Override
    public boolean writesCard() {
        return true;
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out)
            throws IOException {
        return write(schema, docs, out, null);
    }

    @Override
    public ExportResult write(ExportSchema schema, Iterator<ExportDocument> docs, OutputStream out, DatasetInfo info)
            throws IOException {
        DatasetCard card = new DatasetCard(schema, info);
        Iterator<ExportDocument> counted = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return docs.hasNext();
            }

            @Override
            public ExportDocument next() {
                ExportDocument doc = docs.next();
                card.count(doc);
                return doc;
            }
        };
        ZipOutputStream zip = Zips.open(out);
        String name = (info == null ? "annotations" : (info.projectSlug() + "-" + info.set())
                .replaceAll("[^A-Za-z0-9._-]+", "_")) + "." + inner.fileExtension();
        Zips.begin(zip, name);
        ExportResult result = inner.write(schema, counted, Zips.unclosable(zip), info);
        zip.closeEntry();
        Zips.entry(zip, "README.md", card.markdown(inner.id(), "`" + name + "`: " + inner.description() + "\n",
                result));
        zip.finish();
        zip.flush();
        return result;
    }
}
