package org.factspan.backup;

import java.nio.file.Path;
import java.util.List;
import org.factspan.security.CurrentUser;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Database backups (admins only): write one now, list them, download one. */
@RestController
@RequestMapping("/api/v1/admin/backups")
class BackupApi {

    private final BackupService backups;
    private final CurrentUser currentUser;

    BackupApi(BackupService backups, CurrentUser currentUser) {
        this.backups = backups;
        this.currentUser = currentUser;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BackupService.BackupFile backUp() {
        return backups.backUp(currentUser.require());
    }

    @GetMapping
    List<BackupService.BackupFile> list() {
        return backups.list(currentUser.require());
    }

    @GetMapping("/{name}")
    ResponseEntity<Resource> download(@PathVariable String name) {
        Path file = backups.file(currentUser.require(), name);
        return ResponseEntity.ok().contentType(name.endsWith(".enc") ? MediaType.APPLICATION_OCTET_STREAM
                : MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(file));
    }
}
