package org.factspan.export.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationImport;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.export.ExportService;
import org.factspan.export.format.ExportResult;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;

/**
 * Export and import for one project: choose format, annotation set and filters, then download (the file is written
 * by {@link ExportService} with the session's user, streamed document by document); or upload a file of annotations.
 * Linked from the document list by URL, so the corpus feature does not depend on export.
 */
@Route("projects/:slug/export")
@PageTitle("Export and import · Factspan")
@PermitAll
public class ExportView extends VerticalLayout implements BeforeEnterObserver {

    /** A consistent snapshot of the form, read by the download request (which does not hold the UI lock). */
    record Choice(String format, String set, Set<Long> documents, Set<String> labels) {
    }

    final Select<String> format = new Select<>();
    final Select<String> set = new Select<>();
    final MultiSelectComboBox<DocumentSummary> documents = new MultiSelectComboBox<>("Documents (none chosen: all)");
    final CheckboxGroup<String> labels = new CheckboxGroup<>("Labels (none chosen: all)");
    final Anchor download;
    final Paragraph status = new Paragraph();
    final Select<String> importFormat = new Select<>();
    final Upload upload;
    private final ExportService exports;
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final H2 title = new H2("Export and import");
    private volatile Choice choice;
    private Actor actor;
    private String slug;

    public ExportView(ExportService exports, CorpusService corpus, CurrentUser currentUser) {
        this.exports = exports;
        this.corpus = corpus;
        this.currentUser = currentUser;
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
        format.addValueChangeListener(e -> update());
        set.addValueChangeListener(e -> update());
        documents.addValueChangeListener(e -> update());
        labels.addValueChangeListener(e -> update());
        download = new Anchor((DownloadHandler) this::download, "Download");
        download.setId("export-download");
        download.getElement().setAttribute("theme", "primary");
        status.setId("export-status");

        importFormat.setLabel("Import format");
        importFormat.setId("import-format");
        importFormat.setItems(exports.importFormats());
        importFormat.setValue("jsonl");
        upload = new Upload(UploadHandler.inMemory(this::uploaded));
        upload.setId("import-upload");
        upload.setMaxFileSize(50 * 1024 * 1024);
        add(title, new H3("Export"), format, set, documents, labels, download, status, new H3("Import annotations"),
                new Paragraph("Spans and attributions from a file; documents are matched by id, name or text. "
                        + "Nothing is stored if any line is wrong."),
                importFormat, upload);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        slug = event.getRouteParameters().get("slug").orElse("");
        try {
            actor = currentUser.require();
            ProjectInfo project = corpus.requireProject(actor, slug);
            title.setText("Export and import · " + project.name());
            List<String> sets = exports.sets(actor, slug);
            set.setItems(sets);
            set.setValue(sets.contains(actor.username()) ? actor.username() : sets.get(0));
            documents.setItems(corpus.listDocuments(actor, slug));
            labels.setItems(project.labels().stream().map(LabelInfo::name).toList());
            format.setValue("jsonl");
            update();
        } catch (NotFoundException | ForbiddenException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, e.getMessage());
        }
    }

    private void update() {
        choice = new Choice(format.getValue(), set.getValue(),
                documents.getValue().stream().map(DocumentSummary::id).collect(Collectors.toSet()),
                Set.copyOf(labels.getValue()));
        download.setEnabled(choice.format() != null && choice.set() != null);
    }

    /** Runs in the download request: checks first (so a refusal writes no file), then streams. */
    void download(DownloadEvent event) throws IOException {
        Choice c = choice;
        UI ui = event.getUI();
        ExportService.PreparedExport export;
        try {
            export = exports.prepare(actor, slug, c.format(), c.set(), new AnnotationFilter(c.documents(), c.labels()));
        } catch (InvalidRequestException | ForbiddenException | NotFoundException e) {
            event.getResponse().setStatus(e instanceof ForbiddenException ? 403 : 400);
            ui.access(() -> error(e.getMessage()));
            return;
        }
        event.setFileName(export.fileName());
        event.setContentType(export.mediaType());
        ExportResult result;
        try (OutputStream out = event.getOutputStream()) {
            result = export.writeTo(out);
        }
        String dropped = result.dropped().isEmpty() ? ""
                : "; not representable in " + export.formatId() + ": " + result.dropped();
        ui.access(() -> status.setText("Exported " + result.documents() + " documents, " + result.spans()
                + " spans, " + result.attributions() + " attributions" + dropped));
    }

    void uploaded(UploadMetadata metadata, byte[] content) {
        try {
            AnnotationImport.Summary summary = exports.importAnnotations(actor, slug, importFormat.getValue(), content);
            Notification.show("Imported " + summary.spans() + " spans and " + summary.attributions()
                    + " attributions into " + summary.documents() + " documents from " + metadata.fileName())
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            status.setText("Imported " + summary.spans() + " spans, " + summary.attributions() + " attributions");
        } catch (InvalidRequestException | ForbiddenException | NotFoundException | ConflictException e) {
            error("Nothing imported. " + e.getMessage());
        }
    }

    private void error(String message) {
        status.setText(message);
        Notification.show(message, 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
