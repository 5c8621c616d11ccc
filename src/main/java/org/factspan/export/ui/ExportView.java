package org.factspan.export.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationImport;
import org.factspan.base.Quote;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ui.ProjectRoute;
import org.factspan.export.ExportService;
import org.factspan.export.format.ExportResult;
import org.factspan.ingest.UploadedFile;
import org.factspan.ingest.ui.BoundedUploadHandler;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;
import org.springframework.core.task.TaskExecutor;

/**
 * Export and import for one project: choose format, annotation set and filters, then export. The file is written by
 * {@link ExportService} on a background thread into a temporary file while a progress bar counts the documents
 * (updates arrive by server push); when it is done the browser downloads it, and a link stays for another download.
 * Or upload a file of annotations. Linked from the document list by URL, so the corpus feature does not depend on
 * export.
 */
@Route("projects/:slug/export")
@PageTitle("Export and import · Factspan")
@PermitAll
public class ExportView extends VerticalLayout implements BeforeEnterObserver {

    /** Progress is pushed to the browser at most this often. */
    private static final long PUSH_INTERVAL_NANOS = 150_000_000L;

    final Select<String> format = new Select<>();
    final Select<String> set = new Select<>();
    final MultiSelectComboBox<DocumentSummary> documents = new MultiSelectComboBox<>("Documents (none chosen: all)");
    final CheckboxGroup<String> labels = new CheckboxGroup<>("Labels (none chosen: all)");
    final Checkbox zip = new Checkbox("Zip it with a dataset card (README.md)");
    final Button export = new Button("Export");
    final Button cancel = new Button("Cancel");
    /** A native {@code <progress>} (no extra web component in the production bundle): documents written of all. */
    final Div progress = new Div();
    private final Element bar = new Element("progress");
    final Paragraph status = new Paragraph();
    final Anchor download;
    final Select<String> importFormat = new Select<>();
    final Upload upload;
    /** Files received by the upload and not imported yet; written by upload requests, read in the UI. */
    final List<UploadedFile> received = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    /** Why files were refused on arrival (too large); written by upload requests, read in the UI. */
    final List<String> refused = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final ExportService exports;
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final TaskExecutor executor;
    private final H2 title = new H2("Export and import");
    private Actor actor;
    private String slug;
    /** The running export, including the hand-over to the UI (tests wait for it). */
    CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);
    private volatile boolean cancelled;
    private boolean running;
    /** The last finished export, served by {@link #download}; deleted when replaced or when the view goes. */
    private volatile Path file;
    private volatile String fileName;
    private volatile String mediaType;

    public ExportView(ExportService exports, CorpusService corpus, CurrentUser currentUser, TaskExecutor executor) {
        this.exports = exports;
        this.corpus = corpus;
        this.currentUser = currentUser;
        this.executor = executor;
        addClassName("fs-page");
        format.setLabel("Format");
        format.setId("export-format");
        format.setItems(exports.exportFormats());
        set.setLabel("Annotations of");
        set.setId("export-set");
        set.setItemLabelGenerator(s -> s.equals("all") ? "all annotators" : s);
        documents.setId("export-documents");
        documents.setItemLabelGenerator(DocumentSummary::title);
        documents.setWidth("40em");
        labels.setId("export-labels");
        zip.setId("export-zip");
        format.addValueChangeListener(e -> update());
        set.addValueChangeListener(e -> update());

        export.setId("export-start");
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.addClickListener(e -> start());
        cancel.setId("export-cancel");
        cancel.addClickListener(e -> cancelled = true);
        cancel.setVisible(false);
        progress.setId("export-progress");
        bar.setAttribute("aria-label", "Documents exported");
        progress.getElement().appendChild(bar);
        progress.setVisible(false);
        status.setId("export-status");
        status.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        var working = new HorizontalLayout(export, cancel, progress, status);
        working.setAlignItems(FlexComponent.Alignment.CENTER);
        download = new Anchor((DownloadHandler) this::download, "");
        download.setId("export-download");
        download.setVisible(false);

        importFormat.setLabel("Import format");
        importFormat.setId("import-format");
        importFormat.setItems(exports.importFormats());
        importFormat.setValue("jsonl");
        long maxBytes = exports.importLimits().maxFileBytes();
        upload = new Upload(new BoundedUploadHandler(maxBytes, received::add, refused::add));
        upload.setId("import-upload");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.addAllFinishedListener(e -> importReceived());
        upload.addFileRejectedListener(e -> error(Quote.bare(e.getFileName()) + ": " + e.getErrorMessage()));
        var choices = new HorizontalLayout(format, set);
        add(title, new H3("Export"), choices, documents, labels, zip, working, download, new H3("Import annotations"),
                new Paragraph("Spans and attributions from a file of at most " + (maxBytes / 1_000_000) + " MB;"
                        + " documents are matched by id, name or text. Nothing is stored if any line is wrong."),
                importFormat, upload);
        addDetachListener(e -> {
            cancelled = true;
            discard();
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectRoute.enter(event, corpus, currentUser, route -> {
            slug = route.slug();
            actor = route.actor();
            ProjectInfo project = route.project();
            title.setText("Export and import · " + project.name());
            List<String> sets = exports.sets(actor, slug);
            set.setItems(sets);
            set.setValue(exports.defaultSet(actor, slug));
            documents.setItems(corpus.listDocuments(actor, slug));
            labels.setItems(project.labels().stream().map(LabelInfo::name).toList());
            format.setValue("jsonl");
            update();
        });
    }

    private void update() {
        boolean zipFormat = format.getValue() != null && exports.writesCard(format.getValue());
        zip.setEnabled(!zipFormat);
        zip.setLabel(zipFormat ? "Zip with a dataset card: " + format.getValue() + " is one already"
                : "Zip it with a dataset card (README.md)");
        export.setEnabled(format.getValue() != null && set.getValue() != null && !running);
    }

    /**
     * Checks the choice (a refusal is a notification and nothing is written), then writes the export on a background
     * thread into a temporary file, pushing the progress; when done, the browser downloads it.
     */
    void start() {
        ExportService.PreparedExport prepared;
        try {
            prepared = exports.prepare(actor, slug, format.getValue(), set.getValue(), new AnnotationFilter(
                    documents.getValue().stream().map(DocumentSummary::id).collect(Collectors.toSet()),
                    Set.copyOf(labels.getValue())), zip.getValue() && zip.isEnabled());
        } catch (RuntimeException e) {
            error(Notify.explain(e));
            return;
        }
        Path target;
        try {
            target = Files.createTempFile("factspan-export-", ".tmp");
        } catch (IOException e) {
            error("Cannot write the export: " + e.getMessage());
            return;
        }
        discard();
        UI ui = UI.getCurrent();
        cancelled = false;
        running = true;
        export.setEnabled(false);
        cancel.setVisible(true);
        download.setVisible(false);
        bar.setAttribute("max", String.valueOf(Math.max(1, prepared.documents())));
        bar.setAttribute("value", "0");
        progress.setVisible(true);
        status.setText("Exporting " + prepared.documents() + " documents…");
        long[] lastPush = {System.nanoTime()};
        ExportService.Progress onProgress = (written, total) -> {
            if (cancelled) {
                throw new CancellationException("Export cancelled");
            }
            long now = System.nanoTime();
            if (now - lastPush[0] >= PUSH_INTERVAL_NANOS) {
                lastPush[0] = now;
                access(ui, () -> {
                    bar.setAttribute("value", String.valueOf(written));
                    status.setText("Exported " + written + " of " + total + " documents…");
                });
            }
        };
        long started = System.nanoTime();
        pending = CompletableFuture.supplyAsync(() -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                return prepared.writeTo(out, onProgress);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor).handle((result, failure) -> {
            access(ui, () -> finish(prepared, target, result, failure, (System.nanoTime() - started) / 1_000_000));
            if (failure != null || !ui.isAttached()) {
                delete(target);
            }
            return null;
        });
    }

    private static void access(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // The user left the view; nothing to show.
        }
    }

    private void finish(ExportService.PreparedExport prepared, Path target, ExportResult result, Throwable failure,
            long millis) {
        running = false;
        cancel.setVisible(false);
        progress.setVisible(false);
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof CancellationException) {
            status.setText("Export cancelled; nothing was saved.");
        } else if (cause != null) {
            status.setText("");
            error("The export failed: " + cause.getMessage());
        } else {
            file = target;
            fileName = prepared.fileName();
            mediaType = prepared.mediaType();
            String dropped = result.dropped().isEmpty() ? ""
                    : "; not representable in " + prepared.formatId() + ": " + result.dropped();
            status.setText("Exported " + result.documents() + " documents, " + result.spans() + " spans, "
                    + result.attributions() + " attributions in " + millis + " ms" + dropped);
            download.setText("Download " + fileName + " (" + size(target) + ")");
            download.setVisible(true);
            download.getElement().executeJs("this.click()");
        }
        update();
    }

    private static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes < 1024 ? bytes + " bytes" : bytes < 1024 * 1024 ? (bytes + 512) / 1024 + " KB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        } catch (IOException e) {
            return "?";
        }
    }

    /** Serves the last finished export (the download request holds no UI lock). */
    void download(DownloadEvent event) throws IOException {
        Path current = file;
        if (current == null || !Files.exists(current)) {
            event.getResponse().setStatus(404);
            return;
        }
        event.setFileName(fileName);
        event.setContentType(mediaType);
        event.setContentLength(Files.size(current));
        try (OutputStream out = event.getOutputStream()) {
            Files.copy(current, out);
        }
    }

    /** The last finished export's file, or null. */
    Path exported() {
        return file;
    }

    private void discard() {
        Path old = file;
        file = null;
        if (old != null) {
            delete(old);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
    }

    /**
     * Imports the files the upload received (read by {@link BoundedUploadHandler} within the file limit, in the
     * upload's request) and shows the refusals of those it did not receive; runs in the UI when the upload is done.
     */
    void importReceived() {
        List<String> sizes;
        synchronized (refused) {
            sizes = List.copyOf(refused);
            refused.clear();
        }
        sizes.forEach(message -> error("Nothing imported. " + message));
        List<UploadedFile> files;
        synchronized (received) {
            files = List.copyOf(received);
            received.clear();
        }
        for (UploadedFile file : files) {
            uploaded(file.name(), file.content());
        }
        upload.clearFileList();
    }

    void uploaded(String fileName, byte[] content) {
        try {
            AnnotationImport.Summary summary = exports.importAnnotations(actor, slug, importFormat.getValue(), content);
            Notify.success("Imported " + summary.spans() + " spans and " + summary.attributions()
                    + " attributions into " + summary.documents() + " documents from " + Quote.bare(fileName));
            status.setText("Imported " + summary.spans() + " spans, " + summary.attributions() + " attributions");
        } catch (RuntimeException e) {
            error("Nothing imported. " + Notify.explain(e));
        }
    }

    private void error(String message) {
        status.setText(message);
        Notify.error(message);
    }
}
