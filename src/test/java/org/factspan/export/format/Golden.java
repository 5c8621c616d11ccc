package org.factspan.export.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.factspan.corpus.LabelKind;
import org.factspan.export.ExportAttribution;
import org.factspan.export.ExportDocument;
import org.factspan.export.ExportSchema;
import org.factspan.export.ExportSpan;

/** Golden case folders and helpers shared by the format tests. */
final class Golden {

    static final Path ROOT = Path.of("src/test/resources/export/golden");
    /** {@code -Dgolden.update=true} rewrites the expected files; review the diff before keeping it. */
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static final ExportSchema SCHEMA = new ExportSchema(List.of(
            new ExportSchema.Label("CLAIM", "Claim", LabelKind.CONTENT, "#0072B2", List.of("verdict", "hedged")),
            new ExportSchema.Label("SOURCE", "Source", LabelKind.SOURCE, "#E69F00"),
            new ExportSchema.Label("ATTRIBUTION", "Attribution", LabelKind.CUE, "#009E73")));

    private Golden() {
    }

    static Stream<Path> cases() {
        try {
            return Files.list(ROOT).filter(Files::isDirectory).sorted();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ExportDocument> input(Path dir) throws IOException {
        return new JsonlFormat().read(Files.newInputStream(dir.resolve("input.jsonl")));
    }

    static byte[] write(ExportFormat format, List<ExportDocument> docs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(SCHEMA, docs.iterator(), out);
        return out.toByteArray();
    }

    static ByteArrayInputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** The entries of a zip, by name, in a sorted map. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /**
     * What a lossy format can carry, with span and attribution ids replaced by positions so formats that renumber
     * compare equal: per span its offsets, label, text and (optionally) owner and attributes; attributions as span
     * positions.
     */
    static List<String> carried(List<ExportDocument> docs, boolean owners, boolean attributes, boolean meta,
            boolean nameAndId) {
        List<String> out = new ArrayList<>();
        for (ExportDocument d : docs) {
            out.add("doc " + (nameAndId ? d.id() + " " + d.name() : "") + " " + d.text().hashCode()
                    + (meta ? " " + d.meta() : ""));
            Map<Long, Integer> position = new HashMap<>();
            List<ExportSpan> spans = d.spans();
            for (int i = 0; i < spans.size(); i++) {
                ExportSpan s = spans.get(i);
                position.put(s.id(), i);
                out.add("  span " + s.start() + ".." + s.end() + " " + s.label() + " [" + s.text() + "]"
                        + (owners ? " " + s.annotator() + "/" + s.provenance() : "")
                        + (attributes ? " " + s.attributes() : ""));
            }
            for (ExportAttribution a : d.attributions()) {
                out.add("  attribution " + (a.source() == null ? null : position.get(a.source())) + " "
                        + (a.cue() == null ? null : position.get(a.cue())) + " " + position.get(a.content())
                        + (owners ? " " + a.annotator() + "/" + a.provenance() : ""));
            }
        }
        return out;
    }
}
