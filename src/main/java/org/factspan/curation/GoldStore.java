package org.factspan.curation;

import java.util.List;
import java.util.Map;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AnnotationStore;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.Version;
import org.factspan.corpus.DocumentId;
import org.factspan.security.Actor;

/**
 * A document's gold standard as a {@link org.factspan.annotation.DocumentEditor} edits it: every change goes through
 * {@link CurationService} with the version this store last saw, and takes the new version from the answer. A change
 * someone else made in between fails with {@link org.factspan.base.ConflictException} and changes nothing.
 */
public final class GoldStore implements AnnotationStore {

    private final CurationService curation;
    private final Actor actor;
    private final String slug;
    private final DocumentId document;
    private long version;

    /** {@code curation} must be the Spring bean, so that every change runs in its own transaction. */
    public GoldStore(CurationService curation, Actor actor, String slug, DocumentId document, Version version) {
        this.curation = curation;
        this.actor = actor;
        this.slug = slug;
        this.document = document;
        this.version = version.value();
    }

    /** The version of the gold standard this store is based on. */
    public long version() {
        return version;
    }

    /** After a change made elsewhere (accept, merge, mark curated) or a reload: the version to base changes on. */
    public void setVersion(long version) {
        this.version = version;
    }

    private Version expected() {
        return new Version(version);
    }

    private <T> T track(Versioned<T> result) {
        version = result.version();
        return result.value();
    }

    @Override
    public SpanInfo createSpan(int start, int end, String label, Map<String, String> values) {
        return track(curation.createGoldSpan(actor, slug, document, expected(), start, end, label, values));
    }

    @Override
    public AnnotationService.DeletedSpan deleteSpan(long spanId) {
        return track(curation.deleteGoldSpan(actor, slug, document, expected(), new SpanId(spanId)));
    }

    @Override
    public SpanInfo restoreSpan(SpanInfo span) {
        return track(curation.restoreGoldSpan(actor, slug, document, expected(), span));
    }

    @Override
    public AttributionInfo restoreAttribution(AttributionInfo triple) {
        return track(curation.restoreGoldAttribution(actor, slug, document, expected(), triple));
    }

    @Override
    public SpanInfo relabelSpan(long spanId, String label) {
        return track(curation.relabelGoldSpan(actor, slug, document, expected(), new SpanId(spanId), label));
    }

    @Override
    public SpanInfo setAttribute(long spanId, String name, String value) {
        return track(curation.setGoldAttribute(actor, slug, document, expected(), new SpanId(spanId), name, value));
    }

    @Override
    public AttributionInfo createAttribution(Long source, Long cue, long content) {
        return track(curation.createGoldAttribution(actor, slug, document, expected(), source, cue, content));
    }

    @Override
    public AttributionInfo linkSpans(List<Long> spanIds) {
        return track(curation.linkGoldSpans(actor, slug, document, expected(), spanIds));
    }

    @Override
    public AttributionInfo deleteAttribution(long attributionId) {
        return track(curation.deleteGoldAttribution(actor, slug, document, expected(), attributionId));
    }

    @Override
    public List<SpanInfo> spans() {
        return curation.listGoldSpans(actor, slug, document.value());
    }

    @Override
    public List<AttributionInfo> attributions() {
        return curation.listGoldAttributions(actor, slug, document.value());
    }
}
