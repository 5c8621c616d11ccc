package org.factspan.backup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.factspan.backup.BackupService;
import org.factspan.backup.BackupService.BackupFile;
import org.factspan.base.ui.Notify;
import org.factspan.security.CurrentUser;

/** Admins write a consistent backup of the database and download it. */
@Route("admin/backups")
@PageTitle("Backups · Factspan")
@RolesAllowed("ADMIN")
public class BackupView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final BackupService backups;
    private final CurrentUser currentUser;
    final Grid<BackupFile> grid = new Grid<>();
    final Button backUp = new Button("Back up now");

    public BackupView(BackupService backups, CurrentUser currentUser) {
        this.backups = backups;
        this.currentUser = currentUser;
        addClassName("fs-page");
        backUp.setId("backup-now");
        backUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        backUp.addClickListener(e -> backUpNow());
        grid.setId("backup-list");
        grid.addColumn(BackupFile::name).setHeader("Backup").setAutoWidth(true);
        grid.addColumn(b -> WHEN.format(b.createdAt())).setHeader("Written").setAutoWidth(true);
        grid.addColumn(b -> String.format("%.1f MB", b.bytes() / 1e6)).setHeader("Size").setAutoWidth(true);
        grid.addComponentColumn(b -> new Anchor(DownloadHandler.forFile(backups.file(currentUser.require(), b.name()).toFile()),
                "Download")).setHeader("");
        grid.setAllRowsVisible(true);
        add(new H2("Backups"),
                new Paragraph("A backup is a zip of the whole database as of one moment, written while everyone keeps"
                        + " working, into " + backups.folder() + ". To restore one, stop Factspan, unzip it into the"
                        + " data folder (replacing factspan.mv.db) and start Factspan again."
                        + (backups.encrypts() ? " Backups are encrypted with the server's passphrase"
                                + " (FACTSPAN_BACKUP_PASSPHRASE): decrypt one with openssl first (README, Backups)."
                                : " Only the server's user may read them.")),
                backUp, grid);
        refresh();
    }

    void backUpNow() {
        Notify.call(() -> backups.backUp(currentUser.require()))
                .ifPresent(file -> Notify.success("Backup written: " + file.name()));
        refresh();
    }

    private void refresh() {
        grid.setItems(backups.list(currentUser.require()));
    }
}
