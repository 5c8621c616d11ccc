package org.factspan.export;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationImport;
import org.factspan.base.InvalidRequestException;
import org.factspan.ingest.Bounded;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Export of a project's annotations as a download, and import of annotation files. The export is checked before
 * the response starts (errors are JSON 4xx), then streamed document by document.
 */
@RestController
@RequestMapping("/api/v1/projects/{slug}")
class ExportApi {

    private final ExportService exports;
    private final CurrentUser currentUser;

    ExportApi(ExportService exports, CurrentUser currentUser) {
        this.exports = exports;
        this.currentUser = currentUser;
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String slug,
            @RequestParam(required = false) String format, @RequestParam(required = false) String set,
            @RequestParam(required = false) List<Long> documents, @RequestParam(required = false) List<String> labels,
            @RequestParam(defaultValue = "false") boolean zip) {
        if (format == null || format.isBlank()) {
            throw new InvalidRequestException("'format' is required; valid formats: "
                    + String.join(", ", exports.exportFormats()));
        }
        ExportService.PreparedExport export = exports.prepare(currentUser.require(), slug, format, set,
                new AnnotationFilter(documents == null ? Set.of() : Set.copyOf(documents),
                        labels == null ? Set.of() : Set.copyOf(labels)), zip);
        StreamingResponseBody body = export::writeTo;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(export.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(export.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /**
     * Imports a file of annotations sent as the raw body (brat: a zip); all or nothing. The caller's right is checked
     * before the body is read, and the body is read only up to the file limit ({@code 413} beyond it).
     */
    @PostMapping("/annotations")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The file (brat: a zip), at most 50 MB",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/octet-stream",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    AnnotationImport.Summary importAnnotations(@PathVariable String slug, @RequestParam(required = false) String format,
            HttpServletRequest request) throws IOException {
        if (format == null || format.isBlank()) {
            throw new InvalidRequestException("'format' is required; valid formats: "
                    + String.join(", ", exports.importFormats()));
        }
        Actor actor = currentUser.require();
        exports.requireMayImport(actor, slug);
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            throw new InvalidRequestException("Send the file as the raw request body (curl --data-binary @file), not"
                    + " as a multipart form");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = Bounded.read(in, request.getContentLengthLong(), exports.importLimits().maxFileBytes(),
                    "The file of annotations");
        }
        if (body.length == 0) {
            throw new InvalidRequestException("The request body is empty; send the file as the body");
        }
        return exports.importAnnotations(actor, slug, format, body);
    }
}
