package org.factspan.annotation;

import java.util.List;
import java.util.Map;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.DocumentId;
import org.factspan.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's spans on one document. Offsets are Unicode code points, end exclusive. */
@RestController
@RequestMapping("/api/v1/projects/{slug}/documents/{documentId}/spans")
class SpansApi {

    record NewSpan(Integer start, Integer end, String label, Map<String, String> attributes) {
    }

    record Relabel(String label) {
    }

    record AttributeValue(String value) {
    }

    private final AnnotationService annotations;
    private final CurrentUser currentUser;

    SpansApi(AnnotationService annotations, CurrentUser currentUser) {
        this.annotations = annotations;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<SpanInfo> list(@PathVariable String slug, @PathVariable long documentId) {
        return annotations.listMySpans(currentUser.require(), slug, documentId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SpanInfo create(@PathVariable String slug, @PathVariable long documentId, @RequestBody NewSpan body) {
        if (body == null || body.start() == null || body.end() == null) {
            throw new InvalidRequestException("'start' and 'end' are required (code points, end exclusive)");
        }
        return annotations.createSpan(currentUser.require(), slug, documentId, body.start(), body.end(), body.label(),
                body.attributes() == null ? Map.of() : body.attributes());
    }

    @PatchMapping("/{spanId}")
    SpanInfo relabel(@PathVariable String slug, @PathVariable long documentId, @PathVariable long spanId,
            @RequestBody Relabel body) {
        if (body == null || body.label() == null) {
            throw new InvalidRequestException("'label' is required");
        }
        return annotations.relabelSpan(currentUser.require(), slug, new DocumentId(documentId), new SpanId(spanId), body.label());
    }

    @PutMapping("/{spanId}/attributes/{name}")
    SpanInfo setAttribute(@PathVariable String slug, @PathVariable long documentId, @PathVariable long spanId,
            @PathVariable String name, @RequestBody AttributeValue body) {
        if (body == null || body.value() == null || body.value().isBlank()) {
            throw new InvalidRequestException("'value' is required; DELETE the attribute to remove it");
        }
        return annotations.setAttribute(currentUser.require(), slug, new DocumentId(documentId), new SpanId(spanId), name, body.value());
    }

    @DeleteMapping("/{spanId}/attributes/{name}")
    SpanInfo removeAttribute(@PathVariable String slug, @PathVariable long documentId, @PathVariable long spanId,
            @PathVariable String name) {
        return annotations.setAttribute(currentUser.require(), slug, new DocumentId(documentId), new SpanId(spanId), name, null);
    }

    /** Deletes the span, its attributes and the attributions that use it. */
    @DeleteMapping("/{spanId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String slug, @PathVariable long documentId, @PathVariable long spanId) {
        annotations.deleteSpan(currentUser.require(), slug, new DocumentId(documentId), new SpanId(spanId));
    }
}
