package org.factspan.curation;

import java.util.List;
import java.util.Map;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.Owner;
import org.factspan.annotation.Provenance;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.corpus.DocumentId;
import org.factspan.security.Actor;
import org.springframework.stereotype.Component;

/**
 * A curator's direct edits of the gold standard, each a versioned change (split out of {@link CurationService},
 * decision 023).
 */
@Component
class GoldEditing {

    private final CurationCore core;
    private final AnnotationService annotations;

    GoldEditing(CurationCore core, AnnotationService annotations) {
        this.core = core;
        this.annotations = annotations;
    }

    Versioned<SpanInfo> createGoldSpan(Actor actor, String slug, long documentId, long version, int start,
            int end, String label, Map<String, String> values) {
        return core.change(actor, slug, documentId, version, false, state -> annotations.createSpan(actor, curator(),
                slug, documentId, start, end, label, values == null ? Map.of() : values));
    }

    Versioned<AnnotationService.DeletedSpan> deleteGoldSpan(Actor actor, String slug, long documentId,
            long version, long spanId) {
        return core.change(actor, slug, documentId, version, false,
                state -> annotations.deleteSpan(actor, curator(), slug, new DocumentId(documentId), new SpanId(spanId)));
    }

    Versioned<SpanInfo> relabelGoldSpan(Actor actor, String slug, long documentId, long version, long spanId,
            String label) {
        return core.change(actor, slug, documentId, version, false,
                state -> annotations.relabelSpan(actor, curator(), slug, new DocumentId(documentId), new SpanId(spanId), label));
    }

    Versioned<SpanInfo> setGoldAttribute(Actor actor, String slug, long documentId, long version, long spanId,
            String name, String value) {
        return core.change(actor, slug, documentId, version, false,
                state -> annotations.setAttribute(actor, curator(), slug, new DocumentId(documentId), new SpanId(spanId), name, value));
    }

    Versioned<AttributionInfo> createGoldAttribution(Actor actor, String slug, long documentId, long version,
            Long source, Long cue, long content) {
        return core.change(actor, slug, documentId, version, false,
                state -> annotations.createAttribution(actor, curator(), slug, documentId, source, cue, content));
    }

    Versioned<AttributionInfo> linkGoldSpans(Actor actor, String slug, long documentId, long version,
            List<Long> spanIds) {
        return core.change(actor, slug, documentId, version, false,
                state -> annotations.linkSpans(actor, curator(), slug, documentId, spanIds));
    }

    Versioned<AttributionInfo> deleteGoldAttribution(Actor actor, String slug, long documentId, long version,
            long attributionId) {
        return core.change(actor, slug, documentId, version, false,
                state -> annotations.deleteAttribution(actor, curator(), slug, new DocumentId(documentId), attributionId));
    }

    /** Brings a deleted gold span back under its own id (undo and redo in the curation view; decision 020). */
    Versioned<SpanInfo> restoreGoldSpan(Actor actor, String slug, long documentId, long version,
            SpanInfo span) {
        return core.change(actor, slug, documentId, version, false,
                state -> annotations.restoreSpan(actor, curator(), slug, documentId, span));
    }

    /** Brings a deleted gold attribution back under its own id. */
    Versioned<AttributionInfo> restoreGoldAttribution(Actor actor, String slug, long documentId, long version,
            AttributionInfo triple) {
        return core.change(actor, slug, documentId, version, false,
                state -> annotations.restoreAttribution(actor, curator(), slug, documentId, triple));
    }

    /** The gold standard's spans on a document (curators and admins), in document order. */
    List<SpanInfo> listGoldSpans(Actor actor, String slug, long documentId) {
        core.requireCurator(actor, slug);
        return core.goldSpans(actor, slug, documentId);
    }

    /** The gold standard's attributions on a document (curators and admins). */
    List<AttributionInfo> listGoldAttributions(Actor actor, String slug, long documentId) {
        core.requireCurator(actor, slug);
        return core.goldLinks(actor, slug, documentId);
    }



    private Owner curator() {
        return annotations.gold(Provenance.Kind.CURATOR);
    }
}
