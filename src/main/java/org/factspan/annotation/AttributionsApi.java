package org.factspan.annotation;

import java.util.List;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.DocumentId;
import org.factspan.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's attribution triples on one document (span ids; source or cue may be null, not both). */
@RestController
@RequestMapping("/api/v1/projects/{slug}/documents/{documentId}/attributions")
class AttributionsApi {

    record NewAttribution(Long source, Long cue, Long content) {
    }

    private final AnnotationService annotations;
    private final CurrentUser currentUser;

    AttributionsApi(AnnotationService annotations, CurrentUser currentUser) {
        this.annotations = annotations;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<AttributionInfo> list(@PathVariable String slug, @PathVariable long documentId) {
        return annotations.listMyAttributions(currentUser.require(), slug, documentId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AttributionInfo create(@PathVariable String slug, @PathVariable long documentId, @RequestBody NewAttribution body) {
        if (body == null || body.content() == null) {
            throw new InvalidRequestException("'content' (a CLAIM span id) is required, and 'source' or 'cue' (or both)");
        }
        return annotations.createAttribution(currentUser.require(), slug, documentId, body.source(), body.cue(),
                body.content());
    }

    @DeleteMapping("/{attributionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String slug, @PathVariable long documentId, @PathVariable long attributionId) {
        annotations.deleteAttribution(currentUser.require(), slug, new DocumentId(documentId), attributionId);
    }
}
