package org.factspan.corpus.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentImportService;
import org.factspan.corpus.ImportReport;
import org.factspan.corpus.ProjectInfo;
import org.factspan.ingest.UploadedFile;
import org.factspan.ingest.ui.BoundedUploadHandler;
import org.factspan.security.CurrentUser;

/**
 * Upload documents into a project (curators and admins): drop or pick several .txt, .jsonl and .zip files (each
 * shows its upload progress), then import them together. The import is all or nothing: a bad file or line is named
 * and nothing is stored; duplicates are listed and skipped.
 */
@Route("projects/:slug/import")
@PageTitle("Import documents · Factspan")
@PermitAll
public class ImportView extends VerticalLayout implements BeforeEnterObserver {

    final H2 title = new H2();
    final Anchor back = new Anchor();
    final Upload upload;
    final Grid<UploadedFile> pending = new Grid<>();
    final Button importButton = new Button("Import");
    final Button clear = new Button("Clear");
    final Div result = new Div();
    /** Files received and not imported yet; written by upload requests, read in the UI. */
    final List<UploadedFile> files = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Why files were refused on arrival (too large), not shown yet; written by upload requests, read in the UI. */
    final List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());

    private final CorpusService corpus;
    private final DocumentImportService imports;
    private final CurrentUser currentUser;
    private String slug;

    public ImportView(CorpusService corpus, DocumentImportService imports, CurrentUser currentUser) {
        this.corpus = corpus;
        this.imports = imports;
        this.currentUser = currentUser;
        addClassName("fs-page");
        back.setId("back-to-documents");
        upload = new Upload(new BoundedUploadHandler(imports.limits().maxFileBytes(), files::add, refused::add));
        upload.setId("upload");
        upload.setWidthFull();
        upload.setAcceptedFileTypes(".txt", ".jsonl", ".zip", "text/plain", "application/zip",
                "application/x-zip-compressed", "application/jsonl", "application/x-ndjson");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.limits().maxFileBytes()));
        upload.addAllFinishedListener(e -> {
            showPending();
            showRefused();
        });
        upload.addSucceededListener(e -> showPending());
        upload.addFileRejectedListener(e -> Notify.error(e.getFileName() + ": " + e.getErrorMessage()));
        pending.setId("pending");
        pending.addColumn(UploadedFile::name).setHeader("Ready to import").setFlexGrow(4);
        pending.addColumn(f -> size(f.content().length)).setHeader("Size").setFlexGrow(1);
        pending.setAllRowsVisible(true);
        pending.setEmptyStateText("No file yet: drop files above or click Upload Files.");
        importButton.setId("import");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClickListener(e -> importAll());
        clear.setId("clear");
        clear.addClickListener(e -> {
            files.clear();
            upload.clearFileList();
            result.removeAll();
            showPending();
        });
        result.setId("import-result");
        result.addClassName("fs-import-result");
        var help = new Paragraph("Accepted: .txt (one document, UTF-8), .jsonl (one JSON object per line with \"text\","
                + " optional \"name\" and \"meta\"), and .zip archives of those. One bad file or line stops the whole"
                + " import and nothing is stored; texts already in the project are skipped. A document may have "
                + size(imports.limits().maxDocumentBytes()) + ", a file " + size(imports.limits().maxFileBytes()) + ".");
        help.addClassName("fs-muted");
        add(back, title, help, upload, pending, new HorizontalLayout(importButton, clear), result);
        showPending();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectRoute.enterAsCurator(event, corpus, currentUser, "import documents", route -> {
            slug = route.slug();
            ProjectInfo project = route.project();
            title.setText("Import documents into " + project.name());
            back.setText("← Documents of " + project.name());
            back.setHref("projects/" + slug);
        });
    }

    void showPending() {
        List<UploadedFile> now;
        synchronized (files) {
            now = List.copyOf(files);
        }
        pending.setItems(now);
        importButton.setText(now.size() == 1 ? "Import 1 file" : "Import " + now.size() + " files");
        importButton.setEnabled(!now.isEmpty());
    }

    void showRefused() {
        List<String> now;
        synchronized (refused) {
            now = List.copyOf(refused);
            refused.clear();
        }
        now.forEach(Notify::error);
    }

    void importAll() {
        List<UploadedFile> now;
        synchronized (files) {
            now = List.copyOf(files);
        }
        result.removeAll();
        try {
            ImportReport report = imports.importFiles(currentUser.require(), slug, now);
            files.clear();
            upload.clearFileList();
            showPending();
            Paragraph done = new Paragraph(report.imported().size() + (report.imported().size() == 1 ? " document"
                    : " documents") + " imported" + (report.duplicates().isEmpty() ? "."
                    : "; " + report.duplicates().size() + " skipped as duplicates:"));
            done.setId("import-summary");
            result.add(done);
            if (!report.duplicates().isEmpty()) {
                UnorderedList list = new UnorderedList();
                report.duplicates().forEach(d -> list.add(new ListItem(d.source() + " — same text as " + d.sameAs())));
                result.add(list);
            }
            Button open = new Button("Open the documents", e -> UI.getCurrent().navigate("projects/" + slug));
            open.setId("open-documents");
            result.add(open);
            result.getElement().setAttribute("data-state", "ok");
        } catch (RuntimeException e) {
            String why = Notify.explain(e);
            Paragraph failed = new Paragraph("Nothing was imported. " + why);
            failed.setId("import-error");
            result.add(failed);
            result.getElement().setAttribute("data-state", "error");
            Notify.error(why);
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
