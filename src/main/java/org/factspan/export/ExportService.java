package org.factspan.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.base.Quote;
import org.factspan.agreement.MeasureResult;
import org.factspan.agreement.service.AgreementService;
import org.factspan.annotation.AnnotationExchangeService;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationImport;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.export.format.ExportFormat;
import org.factspan.export.format.ExportResult;
import org.factspan.export.format.ImportFormat;
import org.factspan.export.format.ZipPackage;
import org.factspan.ingest.ImportLimits;
import org.factspan.security.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/**
 * Exports a project's annotations in a format, and imports annotations from a file. Which annotations: a set read by
 * an {@link AnnotationSets} source (the annotators' sets by {@link AnnotatorSets}: {@value AnnotationExchangeService#ALL}
 * for curators and admins, one's own name for everyone, another's name for curators and admins). Everything is
 * checked in {@link #prepare} before the first byte is written, so a refused export writes nothing. Documents stream
 * in batches ({@link AnnotationExchangeService#documents}), so memory does not grow with the project.
 */
@Service
public class ExportService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExportService.class);

    /** The agreement measures a dataset card shows. */
    static final List<String> CARD_MEASURES = List.of("span_f1_exact", "cohen_kappa");
    /**
     * Above this many exported spans the card leaves agreement to the agreement view and API: computing it holds
     * every annotator's spans of the documents in memory (about 1.5 KB a span), which would end constant-memory
     * exports.
     */
    static final int CARD_AGREEMENT_MAX_SPANS = 250_000;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Formats formats;
    private final AnnotationExchangeService exchange;
    private final AnnotationSets annotators;
    private final List<AnnotationSets> sources;
    private final AgreementService agreement;
    private final Clock clock;
    private final String version;
    private final ImportLimits limits;

    ExportService(Formats formats, AnnotationExchangeService exchange, AnnotatorSets annotators,
            List<AnnotationSets> sources, AgreementService agreement, Clock clock,
            ObjectProvider<BuildProperties> build, ImportLimits limits) {
        this.limits = limits;
        this.formats = formats;
        this.exchange = exchange;
        this.annotators = annotators;
        this.sources = sources.stream().filter(s -> s != annotators).toList();
        this.agreement = agreement;
        this.clock = clock;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "development" : properties.getVersion();
    }

    /** How far a running export is: documents written of all selected. */
    @FunctionalInterface
    public interface Progress {
        void documents(int written, int total);
    }

    /** A checked export, ready to be written once. */
    public static final class PreparedExport {

        private final ExportService service;
        private final ExportFormat format;
        private final ExportSelection selection;
        private final Actor actor;
        private final Instant at;
        private final String fileName;

        private PreparedExport(ExportService service, ExportFormat format, ExportSelection selection, Actor actor,
                Instant at) {
            this.service = service;
            this.format = format;
            this.selection = selection;
            this.actor = actor;
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

        /** How many documents the export will write. */
        public int documents() {
            return selection.documentIds().size();
        }

        /** Writes the export, a batch of documents at a time; {@code out} stays open. */
        public ExportResult writeTo(OutputStream out) throws IOException {
            return writeTo(out, (written, total) -> {
            });
        }

        /** As {@link #writeTo(OutputStream)}, telling {@code progress} after each document. */
        public ExportResult writeTo(OutputStream out, Progress progress) throws IOException {
            return service.write(this, out, progress);
        }
    }

    /**
     * The document formats, then {@code claims} (the project's claim clusters) and {@code claimreview} (their verdicts
     * as ClaimReview with the timelines).
     */
    public List<String> exportFormats() {
        return formats.exportIds();
    }

    public List<String> importFormats() {
        return formats.importIds();
    }

    /** Whether the format is a zip with a dataset card by itself (the others can be zipped with one on request). */
    public boolean writesCard(String formatId) {
        return formats.writesCard(formatId);
    }

    /**
     * The set an export takes when none is named (decision 023): for curators and admins {@code gold} when the
     * project has a gold standard, else {@code all}; for annotators their own work.
     */
    public String defaultSet(Actor actor, String slug) {
        List<String> sets = sets(actor, slug);
        boolean gold = sources.stream().filter(GoldSets.class::isInstance).map(GoldSets.class::cast)
                .anyMatch(g -> g.hasGold(actor, slug));
        if (gold) {
            return GoldSets.GOLD;
        }
        if (sets.contains(org.factspan.annotation.AnnotationExchangeService.ALL)) {
            return org.factspan.annotation.AnnotationExchangeService.ALL;
        }
        return sets.contains(actor.username()) ? actor.username() : sets.getFirst();
    }

    /** The sets the caller may export in the project: the annotators' sets first, then those of other sources. */
    public List<String> sets(Actor actor, String slug) {
        List<String> sets = new ArrayList<>(annotators.sets(actor, slug));
        for (AnnotationSets source : sources) {
            source.sets(actor, slug).stream().filter(s -> !sets.contains(s)).forEach(sets::add);
        }
        return sets;
    }

    /**
     * Checks format, set, filter and permissions. Unknown format or set: {@link InvalidRequestException} naming the
     * valid ones; see {@link AnnotationExchangeService#select} for the rest.
     */
    public PreparedExport prepare(Actor actor, String slug, String formatId, String set, AnnotationFilter filter) {
        return prepare(actor, slug, formatId, set, filter, false);
    }

    /** As {@link #prepare(Actor, String, String, String, AnnotationFilter)}; {@code zip}: a zip with a dataset card. */
    public PreparedExport prepare(Actor actor, String slug, String formatId, String named, AnnotationFilter filter,
            boolean zip) {
        String set = named == null || named.isBlank() ? defaultSet(actor, slug) : named;
        ExportFormat format = formats.export(formatId, actor, slug).orElseThrow(() -> new InvalidRequestException(
                "Unknown export format '" + formatId + "'; valid formats: " + String.join(", ", exportFormats())));
        AnnotationSets source = set == null ? annotators
                : sources.stream().filter(s -> s.owns(set)).findFirst().orElse(annotators);
        ExportSelection selection = source.select(actor, slug, set, filter);
        return new PreparedExport(this, zip ? ZipPackage.of(format) : format, selection, actor, clock.instant());
    }

    /** Checks, then writes the export to {@code out} (left open). */
    public ExportResult export(Actor actor, String slug, String formatId, String set, AnnotationFilter filter,
            OutputStream out) throws IOException {
        return prepare(actor, slug, formatId, set, filter).writeTo(out);
    }

    private ExportResult write(PreparedExport export, OutputStream out, Progress progress) throws IOException {
        ExportSelection selection = export.selection;
        int total = selection.documentIds().size();
        Iterator<ExportDocument> source = selection.documents();
        Iterator<ExportDocument> docs = new Iterator<>() {
            int written;

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public ExportDocument next() {
                ExportDocument doc = source.next();
                if (written > 0) {
                    progress.documents(written, total);
                }
                written++;
                return doc;
            }
        };
        ExportResult result = export.format.write(schema(selection.project()), docs, out, info(export));
        progress.documents(total, total);
        return result;
    }

    static ExportSchema schema(ProjectInfo project) {
        return new ExportSchema(project.labels().stream()
                .map(l -> new ExportSchema.Label(l.name(), l.title(), l.kind(), l.color(),
                        l.attributes().stream().map(AttributeDef::name).toList())).toList());
    }

    private DatasetInfo info(PreparedExport export) {
        ExportSelection selection = export.selection;
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
        return new DatasetInfo(project.slug(), project.name(), selection.set(), filters, export.at, version, attributes,
                spans -> agreementSummary(export.actor, project.slug(), selection.documentIds(), spans));
    }

    /**
     * The card's agreement: {@link #CARD_MEASURES} over the exported documents and everyone with spans in them, as
     * the agreement view computes them; for curators and admins only (others see why not).
     */
    AgreementSummary agreementSummary(Actor actor, String slug, List<Long> documentIds, int spans) {
        if (documentIds.isEmpty()) {
            return new AgreementSummary(List.of(), "No documents, so no agreement.");
        }
        if (spans > CARD_AGREEMENT_MAX_SPANS) {
            return new AgreementSummary(List.of(), String.format(java.util.Locale.ROOT, "Not computed for an export"
                    + " of more than %,d spans (this one has %,d), to keep the export's memory flat; the agreement"
                    + " view and `GET /api/v1/projects/%s/agreement` compute it.", CARD_AGREEMENT_MAX_SPANS, spans,
                    slug));
        }
        List<MeasureResult> results;
        try {
            results = agreement.overall(actor, slug, documentIds, CARD_MEASURES);
        } catch (ForbiddenException e) {
            return new AgreementSummary(List.of(), "Not shown: only curators of the project and admins see agreement.");
        } catch (RuntimeException e) {
            // the card is written after the documents, when the answer is long committed: a failure here must not cut
            // the download short (decision 016); the card says so and the log has the details
            LOG.warn("Agreement for the dataset card of project {} could not be computed", slug, e);
            return new AgreementSummary(List.of(), "Not shown: agreement could not be computed for this export ("
                    + e.getClass().getSimpleName() + "); the agreement view and `GET /api/v1/projects/" + slug
                    + "/agreement` show it.");
        }
        return new AgreementSummary(results.stream().map(r -> new AgreementSummary.Value(r.id(),
                r.defined() ? r.overall() : null, r.units(), r.defined() ? null : r.nanReason())).toList(),
                "Over the " + documentIds.size() + " exported document(s) and everyone with spans in them, whatever "
                        + "the set and label filter; the definitions are in Factspan's user guide (docs/user-guide.md, section Agreement).");
    }

    private static String describe(AttributeDef a) {
        return a.name() + a.kind().support().schema(a);
    }

    /** The limits of an upload: a file of annotations may have at most {@link ImportLimits#maxFileBytes()}. */
    public ImportLimits importLimits() {
        return limits;
    }

    /** Refuses a caller who may not import into the project, before anything of the upload is read. */
    public void requireMayImport(Actor actor, String slug) {
        exchange.requireMayImport(actor, slug);
    }

    /**
     * Reads a file in an import format and stores its annotations, all or nothing (see
     * {@link AnnotationExchangeService#importAnnotations}). Unreadable input: {@link InvalidRequestException} with
     * the line and reason.
     */
    public AnnotationImport.Summary importAnnotations(Actor actor, String slug, String formatId, byte[] content) {
        exchange.requireMayImport(actor, slug);
        ImportFormat format = formats.importer(formatId).orElseThrow(() -> new InvalidRequestException(
                "Unknown import format " + Quote.of(formatId) + "; valid formats: " + String.join(", ", formats.importIds())));
        List<ExportDocument> docs;
        try {
            docs = format.read(new ByteArrayInputStream(content));
        } catch (InvalidRequestException e) {
            throw e; // a FormatException names the line; the ingestion module's refusals (a zip bomb: 413) say what
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("Cannot read the file as " + formatId + ": " + e.getMessage());
        }
        if (docs.isEmpty()) {
            throw new InvalidRequestException("No documents found in the file (format " + formatId + ")");
        }
        List<String> places = new ArrayList<>(format.places(content, docs));
        while (places.size() < docs.size()) {
            places.add("document " + (places.size() + 1));
        }
        boolean keepsIds = format.keepsIds();
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
}
