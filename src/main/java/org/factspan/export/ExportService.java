package org.factspan.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.factspan.annotation.AnnotatedDocument;
import org.factspan.annotation.AnnotationExchangeService;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationImport;
import org.factspan.annotation.AnnotationSelection;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.AttributeKind;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.export.format.ExportFormat;
import org.factspan.export.format.ExportResult;
import org.factspan.export.format.FormatException;
import org.factspan.export.format.ImportFormat;
import org.factspan.security.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/**
 * Exports a project's annotations in a format, and imports annotations from a file. Permissions are those of
 * {@link AnnotationExchangeService}: the set {@value AnnotationExchangeService#ALL} for curators and admins, one's
 * own name for everyone, another's name for curators and admins. Everything is checked in {@link #prepare} before
 * the first byte is written, so a refused export writes nothing.
 */
@Service
public class ExportService {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Formats formats;
    private final AnnotationExchangeService exchange;
    private final Clock clock;
    private final String version;

    ExportService(Formats formats, AnnotationExchangeService exchange, Clock clock,
            ObjectProvider<BuildProperties> build) {
        this.formats = formats;
        this.exchange = exchange;
        this.clock = clock;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "development" : properties.getVersion();
    }

    /** A checked export, ready to be written once. */
    public static final class PreparedExport {

        private final ExportService service;
        private final ExportFormat format;
        private final AnnotationSelection selection;
        private final Instant at;
        private final String fileName;

        private PreparedExport(ExportService service, ExportFormat format, AnnotationSelection selection, Instant at) {
            this.service = service;
            this.format = format;
            this.selection = selection;
            this.at = at;
            this.fileName = (selection.project().slug() + "-" + selection.set() + "-" + STAMP.format(at))
                    .replaceAll("[^A-Za-z0-9._-]+", "_") + "." + format.fileExtension();
        }

        public String fileName() {
            return fileName;
        }

        public String mediaType() {
            return format.mediaType();
        }

        public String formatId() {
            return format.id();
        }

        /** Writes the export, one document at a time; {@code out} stays open. */
        public ExportResult writeTo(OutputStream out) throws IOException {
            return service.write(this, out);
        }
    }

    public List<String> exportFormats() {
        return formats.exportIds();
    }

    public List<String> importFormats() {
        return formats.importIds();
    }

    /** The sets the caller may export in the project. */
    public List<String> sets(Actor actor, String slug) {
        return exchange.sets(actor, slug);
    }

    /**
     * Checks format, set, filter and permissions. Unknown format or set: {@link InvalidRequestException} naming the
     * valid ones; see {@link AnnotationExchangeService#select} for the rest.
     */
    public PreparedExport prepare(Actor actor, String slug, String formatId, String set, AnnotationFilter filter) {
        ExportFormat format = formats.export(formatId).orElseThrow(() -> new InvalidRequestException(
                "Unknown export format '" + formatId + "'; valid formats: " + String.join(", ", formats.exportIds())));
        return new PreparedExport(this, format, exchange.select(actor, slug, set, filter), clock.instant());
    }

    /** Checks, then writes the export to {@code out} (left open). */
    public ExportResult export(Actor actor, String slug, String formatId, String set, AnnotationFilter filter,
            OutputStream out) throws IOException {
        return prepare(actor, slug, formatId, set, filter).writeTo(out);
    }

    private ExportResult write(PreparedExport export, OutputStream out) throws IOException {
        AnnotationSelection selection = export.selection;
        ProjectInfo project = selection.project();
        Map<String, Integer> dropped = new TreeMap<>();
        Iterator<AnnotatedDocument> source = exchange.documents(selection);
        Iterator<ExportDocument> docs = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public ExportDocument next() {
                return toExport(source.next(), dropped);
            }
        };
        ExportResult result = export.format.write(schema(project), docs, out, info(selection, export.at));
        if (dropped.isEmpty()) {
            return result;
        }
        Map<String, Integer> all = new TreeMap<>(result.dropped());
        dropped.forEach((reason, count) -> all.merge(reason, count, Integer::sum));
        return new ExportResult(result.documents(), result.spans(), result.attributions(), all);
    }

    static ExportSchema schema(ProjectInfo project) {
        return new ExportSchema(project.labels().stream()
                .map(l -> new ExportSchema.Label(l.name(), l.title(), l.kind(), l.color(),
                        l.attributes().stream().map(AttributeDef::name).toList())).toList());
    }

    private DatasetInfo info(AnnotationSelection selection, Instant at) {
        ProjectInfo project = selection.project();
        List<String> filters = new ArrayList<>();
        filters.add(selection.documentIds().size() + " document(s)");
        if (!selection.labels().isEmpty()) {
            filters.add("labels " + String.join(", ", new java.util.TreeSet<>(selection.labels())));
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (LabelInfo l : project.labels()) {
            attributes.put(l.name(), l.attributes().stream().map(ExportService::describe).toList());
        }
        return new DatasetInfo(project.slug(), project.name(), selection.set(), filters, at, version, attributes);
    }

    private static String describe(AttributeDef a) {
        return a.name() + (a.kind() == AttributeKind.ENUM ? ": " + String.join("|", a.options())
                : " (" + a.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }

    private static ExportDocument toExport(AnnotatedDocument doc, Map<String, Integer> dropped) {
        List<ExportSpan> spans = new ArrayList<>();
        for (SpanInfo s : doc.spans()) {
            spans.add(new ExportSpan(s.id(), s.start(), s.end(), s.label(), s.text(), s.annotator(), null,
                    s.attributes()));
        }
        List<ExportAttribution> attributions = new ArrayList<>();
        for (AttributionInfo a : doc.attributions()) {
            attributions.add(new ExportAttribution(a.id(), a.source(), a.cue(), a.content(), doc.annotatorOf(a),
                    null));
        }
        var d = doc.document();
        return new ExportDocument(d.id(), d.name(), d.text(), d.meta(), spans, attributions);
    }

    /**
     * Reads a file in an import format and stores its annotations, all or nothing (see
     * {@link AnnotationExchangeService#importAnnotations}). Unreadable input: {@link InvalidRequestException} with
     * the line and reason.
     */
    public AnnotationImport.Summary importAnnotations(Actor actor, String slug, String formatId, byte[] content) {
        ImportFormat format = formats.importer(formatId).orElseThrow(() -> new InvalidRequestException(
                "Unknown import format '" + formatId + "'; valid formats: " + String.join(", ", formats.importIds())));
        List<ExportDocument> docs;
        try {
            docs = format.read(new ByteArrayInputStream(content));
        } catch (FormatException e) {
            throw new InvalidRequestException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("Cannot read the file as " + formatId + ": " + e.getMessage());
        }
        if (docs.isEmpty()) {
            throw new InvalidRequestException("No documents found in the file (format " + formatId + ")");
        }
        List<String> places = places(formatId, content, docs);
        boolean keepsIds = !formatId.equals("brat");
        List<AnnotationImport.ImportedDocument> imported = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            ExportDocument d = docs.get(i);
            imported.add(new AnnotationImport.ImportedDocument(keepsIds ? d.id() : null, d.name(), d.text(),
                    d.spans().stream().map(s -> new AnnotationImport.ImportedSpan(s.id(), s.start(), s.end(),
                            s.label(), s.text(), s.annotator(), s.provenance(), s.attributes())).toList(),
                    d.attributions().stream().map(a -> new AnnotationImport.ImportedAttribution(a.id(), a.source(),
                            a.cue(), a.content(), a.annotator())).toList(),
                    places.get(i)));
        }
        return exchange.importAnnotations(actor, slug, imported);
    }

    /** Where each document was in the file, for messages: a line for the line based formats. */
    private static List<String> places(String formatId, byte[] content, List<ExportDocument> docs) {
        List<String> places = new ArrayList<>();
        switch (formatId) {
            case "jsonl", "doccano" -> {
                String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (!lines[i].isBlank()) {
                        places.add("line " + (i + 1));
                    }
                }
            }
            case "brat" -> docs.forEach(d -> places.add(d.name() + ".ann"));
            default -> {
                for (int i = 0; i < docs.size(); i++) {
                    places.add("task " + (i + 1));
                }
            }
        }
        while (places.size() < docs.size()) {
            places.add("document " + (places.size() + 1));
        }
        return places.stream().limit(docs.size()).collect(Collectors.toList());
    }
}
