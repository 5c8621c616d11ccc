package org.factspan.annotation;

import java.util.List;
import org.factspan.corpus.DocumentId;
import org.factspan.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Triples that name a span that is gone (decision 016), for the project's curators and admins: list them, delete
 * one (with an audit entry). Readers leave such triples out; none arise since V9, which removed those it found.
 */
@RestController
@RequestMapping("/api/v1/projects/{slug}")
class BrokenAttributionsApi {

    private final AnnotationService annotations;
    private final CurrentUser currentUser;

    BrokenAttributionsApi(AnnotationService annotations, CurrentUser currentUser) {
        this.annotations = annotations;
        this.currentUser = currentUser;
    }

    @GetMapping("/broken-attributions")
    List<AnnotationService.BrokenAttribution> list(@PathVariable String slug) {
        return annotations.brokenAttributions(currentUser.require(), slug);
    }

    /** Deletes a broken triple of any owner; an intact one answers 409. */
    @DeleteMapping("/documents/{documentId}/broken-attributions/{attributionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void repair(@PathVariable String slug, @PathVariable long documentId, @PathVariable long attributionId) {
        annotations.repairAttribution(currentUser.require(), slug, new DocumentId(documentId), attributionId);
    }
}
