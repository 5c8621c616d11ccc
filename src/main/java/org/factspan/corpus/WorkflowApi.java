package org.factspan.corpus;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.factspan.base.Quote;
import org.factspan.ingest.Bounded;
import org.factspan.ingest.UploadedFile;
import org.factspan.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Document import, assignments, finishing and reopening, the annotator's queue, and progress. */
@RestController
@RequestMapping("/api/v1/projects/{slug}")
class WorkflowApi {

    record Reassign(String to) {
    }

    record Next(Long documentId) {
    }

    private final DocumentImportService imports;
    private final AssignmentService assignments;
    private final ProgressService progress;
    private final CurrentUser currentUser;

    WorkflowApi(DocumentImportService imports, AssignmentService assignments, ProgressService progress,
            CurrentUser currentUser) {
        this.imports = imports;
        this.assignments = assignments;
        this.progress = progress;
        this.currentUser = currentUser;
    }

    /** Imports documents from one or more multipart parts named {@code file} (.txt, .jsonl, .zip). */
    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImportReport importMultipart(@PathVariable String slug, @RequestPart("file") List<MultipartFile> files)
            throws IOException {
        List<UploadedFile> uploaded = new ArrayList<>();
        for (MultipartFile f : files) {
            try (InputStream in = f.getInputStream()) {
                uploaded.add(new UploadedFile(f.getOriginalFilename(), Bounded.read(in, f.getSize(),
                        imports.limits().maxFileBytes(), Quote.bare(f.getOriginalFilename()))));
            }
        }
        return imports.importFiles(currentUser.require(), slug, uploaded);
    }

    /**
     * Imports one file sent as the raw request body; {@code filename} (e.g. {@code batch.jsonl}) says which reader
     * to use. Any content type but multipart and JSON.
     */
    @PostMapping(path = "/documents", consumes = {MediaType.APPLICATION_OCTET_STREAM_VALUE,
            MediaType.TEXT_PLAIN_VALUE, "application/zip", "application/x-ndjson", "application/jsonl"})
    @ResponseStatus(HttpStatus.CREATED)
    ImportReport importRaw(@PathVariable String slug, @RequestParam String filename, HttpServletRequest request)
            throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = Bounded.read(in, request.getContentLengthLong(), imports.limits().maxFileBytes(),
                    Quote.bare(filename));
        }
        return imports.importFiles(currentUser.require(), slug, List.of(new UploadedFile(filename, body)));
    }

    @GetMapping("/assignments")
    List<AssignmentInfo> assignments(@PathVariable String slug) {
        return assignments.assignments(currentUser.require(), slug);
    }

    @GetMapping("/assignments/mine")
    List<AssignmentInfo> mine(@PathVariable String slug) {
        return assignments.myAssignments(currentUser.require(), slug);
    }

    /** The caller's next unfinished assignment (after {@code after}, when given); {@code documentId} null if none. */
    @GetMapping("/assignments/next")
    Next next(@PathVariable String slug, @RequestParam(required = false) Long after) {
        return new Next(assignments.next(currentUser.require(), slug, after).orElse(null));
    }

    @PostMapping("/assignments/auto")
    AssignmentService.AutoAssignResult auto(@PathVariable String slug) {
        return assignments.autoAssign(currentUser.require(), slug);
    }

    @PutMapping("/documents/{documentId}/assignees/{username}")
    @ResponseStatus(HttpStatus.CREATED)
    AssignmentInfo assign(@PathVariable String slug, @PathVariable long documentId, @PathVariable String username) {
        return assignments.assign(currentUser.require(), slug, documentId, username);
    }

    @DeleteMapping("/documents/{documentId}/assignees/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unassign(@PathVariable String slug, @PathVariable long documentId, @PathVariable String username) {
        assignments.unassign(currentUser.require(), slug, documentId, username);
    }

    /** Moves the assignment to another annotator: body {@code {"to": "bob"}}. */
    @PostMapping("/documents/{documentId}/assignees/{username}/reassign")
    AssignmentInfo reassign(@PathVariable String slug, @PathVariable long documentId, @PathVariable String username,
            @RequestBody Reassign body) {
        return assignments.reassign(currentUser.require(), slug, documentId, username, body == null ? null : body.to());
    }

    @PostMapping("/documents/{documentId}/assignees/{username}/reopen")
    AssignmentInfo reopen(@PathVariable String slug, @PathVariable long documentId, @PathVariable String username) {
        return assignments.reopen(currentUser.require(), slug, documentId, username);
    }

    /** The caller marks their assigned document finished (read-only for them until reopened). */
    @PostMapping("/documents/{documentId}/finish")
    AssignmentInfo finish(@PathVariable String slug, @PathVariable long documentId) {
        return assignments.finish(currentUser.require(), slug, documentId);
    }

    @GetMapping("/progress")
    ProgressReport progress(@PathVariable String slug) {
        return progress.progress(currentUser.require(), slug);
    }
}
