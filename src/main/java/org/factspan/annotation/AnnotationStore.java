package org.factspan.annotation;

import java.util.List;
import java.util.Map;
import org.factspan.corpus.DocumentId;
import org.factspan.security.Actor;

/**
 * One owner's spans and attributions on one document, as one actor reads and changes them: what a
 * {@link DocumentEditor} edits. {@link #of} gives the plain one over {@link AnnotationService}; curation puts the gold
 * standard behind one that also checks the curation version (optimistic locking).
 */
public interface AnnotationStore {

    SpanInfo createSpan(int start, int end, String label, Map<String, String> values);

    AnnotationService.DeletedSpan deleteSpan(long spanId);

    /** Brings a deleted span back under its own id, with its attributes (undo of a delete, redo of a create). */
    SpanInfo restoreSpan(SpanInfo span);

    /** Brings a deleted attribution back under its own id; its spans must exist. */
    AttributionInfo restoreAttribution(AttributionInfo triple);

    SpanInfo relabelSpan(long spanId, String label);

    SpanInfo setAttribute(long spanId, String name, String value);

    AttributionInfo createAttribution(Long source, Long cue, long content);

    AttributionInfo linkSpans(List<Long> spanIds);

    AttributionInfo deleteAttribution(long attributionId);

    /** The owner's spans on the document, in document order. */
    List<SpanInfo> spans();

    /** The owner's attributions on the document. */
    List<AttributionInfo> attributions();

    /**
     * The owner's annotations through {@code service}, which must be the Spring bean (so that every call runs in its
     * own transaction with the service's permission checks).
     */
    static AnnotationStore of(AnnotationService service, Actor actor, Owner owner, String slug, long documentId) {
        return new AnnotationStore() {
            public SpanInfo createSpan(int start, int end, String label, Map<String, String> values) {
                return service.createSpan(actor, owner, slug, documentId, start, end, label, values);
            }

            public AnnotationService.DeletedSpan deleteSpan(long spanId) {
                return service.deleteSpan(actor, owner, slug, new DocumentId(documentId), new SpanId(spanId));
            }

            public SpanInfo restoreSpan(SpanInfo span) {
                return service.restoreSpan(actor, owner, slug, documentId, span);
            }

            public AttributionInfo restoreAttribution(AttributionInfo triple) {
                return service.restoreAttribution(actor, owner, slug, documentId, triple);
            }

            public SpanInfo relabelSpan(long spanId, String label) {
                return service.relabelSpan(actor, owner, slug, new DocumentId(documentId), new SpanId(spanId), label);
            }

            public SpanInfo setAttribute(long spanId, String name, String value) {
                return service.setAttribute(actor, owner, slug, new DocumentId(documentId), new SpanId(spanId), name, value);
            }

            public AttributionInfo createAttribution(Long source, Long cue, long content) {
                return service.createAttribution(actor, owner, slug, documentId, source, cue, content);
            }

            public AttributionInfo linkSpans(List<Long> spanIds) {
                return service.linkSpans(actor, owner, slug, documentId, spanIds);
            }

            public AttributionInfo deleteAttribution(long attributionId) {
                return service.deleteAttribution(actor, owner, slug, new DocumentId(documentId), attributionId);
            }

            public List<SpanInfo> spans() {
                return service.listSpans(actor, owner, slug, documentId);
            }

            public List<AttributionInfo> attributions() {
                return service.listAttributions(actor, owner, slug, documentId);
            }
        };
    }
}
