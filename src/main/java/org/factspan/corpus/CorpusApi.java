package org.factspan.corpus;

import java.util.List;
import org.factspan.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Projects and documents over REST. Lengths are Unicode code points; sha256 is of the UTF-8 text. */
@RestController
@RequestMapping("/api/v1/projects")
class CorpusApi {

    private static final MediaType TEXT_UTF8 = MediaType.parseMediaType("text/plain;charset=UTF-8");

    /** A publication time: ISO {@code value} (blank: unknown) and the {@code zone} of the document's local times. */
    record Published(String value, String zone) {
    }

    private final CorpusService corpus;
    private final ProjectAdminService admin;
    private final CurrentUser currentUser;

    CorpusApi(CorpusService corpus, ProjectAdminService admin, CurrentUser currentUser) {
        this.corpus = corpus;
        this.admin = admin;
        this.currentUser = currentUser;
    }

    /** Sets when the document was published and its time zone (curators of the project and admins). */
    @PutMapping("/{slug}/documents/{documentId}/published")
    DocumentSummary published(@PathVariable String slug, @PathVariable long documentId,
            @RequestBody(required = false) Published body) {
        if (body == null) {
            throw new org.factspan.base.InvalidRequestException("Send {\"value\": \"2022-01-05\" or"
                    + " \"2022-01-06T18:31+05:00\", \"zone\": \"Asia/Almaty\"}");
        }
        return admin.setPublicationTime(currentUser.require(), slug, documentId, body.value(), body.zone());
    }

    @GetMapping
    List<ProjectSummary> projects() {
        return corpus.listProjects(currentUser.require());
    }

    @GetMapping("/{slug}/documents")
    List<DocumentSummary> documents(@PathVariable String slug) {
        return corpus.listDocuments(currentUser.require(), slug);
    }

    @GetMapping("/{slug}/documents/{documentId}/text")
    ResponseEntity<String> text(@PathVariable String slug, @PathVariable long documentId) {
        return ResponseEntity.ok().contentType(TEXT_UTF8)
                .body(corpus.openDocument(currentUser.require(), slug, documentId).text());
    }
}
