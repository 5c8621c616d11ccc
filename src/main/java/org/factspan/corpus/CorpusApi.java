package org.factspan.corpus;

import java.util.List;
import org.factspan.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Projects and documents over REST. Lengths are Unicode code points; sha256 is of the UTF-8 text. */
@RestController
@RequestMapping("/api/v1/projects")
class CorpusApi {

    private static final MediaType TEXT_UTF8 = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private final CorpusService corpus;
    private final CurrentUser currentUser;

    CorpusApi(CorpusService corpus, CurrentUser currentUser) {
        this.corpus = corpus;
        this.currentUser = currentUser;
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
