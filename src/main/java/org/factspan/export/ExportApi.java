package org.factspan.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.AnnotationImport;
import org.factspan.base.InvalidRequestException;
import org.factspan.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    /** Imports a file of annotations (brat: a zip); all or nothing. */
    @PostMapping("/annotations")
    AnnotationImport.Summary importAnnotations(@PathVariable String slug, @RequestParam(required = false) String format,
            @RequestBody(required = false) byte[] body) {
        if (format == null || format.isBlank()) {
            throw new InvalidRequestException("'format' is required; valid formats: "
                    + String.join(", ", exports.importFormats()));
        }
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("The request body is empty; send the file as the body");
        }
        return exports.importAnnotations(currentUser.require(), slug, format, body);
    }
}
