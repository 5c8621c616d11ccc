package org.factspan.annotation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.DocumentId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to make something point at a span or an attribution triple (decision 016): before a triple, an
 * attribute value, a claim member, a curator's rejection or a suggestion's record is stored, the rows it will point
 * at are locked ({@code SELECT ... FOR UPDATE}, in id order so that two callers never wait for each other in a
 * circle) until the caller's transaction ends; deleting a span or a triple locks it the same way first. So creation
 * and deletion of what they link take turns on H2 and PostgreSQL alike: a row that is gone by the time its lock is
 * granted is not found (404, naming it), and a delete that comes second sees, and takes along, everything created
 * before it. H2's foreign key checks alone do not do this (they do not lock the parent row, so a triple could be
 * inserted while its span was being deleted and outlive it). Every method needs the caller's transaction.
 */
@Component
public class SpanLocks {

    /** A locked span: enough to check that it is the one the caller meant. */
    public record LockedSpan(long id, long documentId, long userId, String label) {
    }

    /** A locked attribution triple. */
    public record LockedAttribution(long id, long documentId, long userId, Long source, Long cue, long content) {
    }

    private final SpanRepository spans;
    private final AttributionRepository attributions;

    SpanLocks(SpanRepository spans, AttributionRepository attributions) {
        this.spans = spans;
        this.attributions = attributions;
    }

    /**
     * Locks the spans of document {@code documentId} with these ids; a span that does not exist (any more) or lies in
     * another document is a {@link NotFoundException} "No span {id} in document {documentId}", the lowest such id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, LockedSpan> spans(long documentId, Collection<Long> spanIds) {
        Map<Long, LockedSpan> result = new LinkedHashMap<>();
        lockSpans(documentId, spanIds).forEach((id, s) -> result.put(id, info(s)));
        return result;
    }

    /** Locks one span of a document (see {@link #spans(long, Collection)}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedSpan span(DocumentId document, SpanId span) {
        return spans(document.value(), List.of(span.value())).get(span.value());
    }

    /**
     * Locks spans wherever they are (a claim cluster draws on several documents): the ones that exist, by id; the
     * caller decides what a missing one means.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, LockedSpan> spansAnywhere(Collection<Long> spanIds) {
        Map<Long, LockedSpan> result = new LinkedHashMap<>();
        if (!spanIds.isEmpty()) {
            spans.lockAll(new TreeSet<>(spanIds)).forEach(s -> result.put(s.getId(), info(s)));
        }
        return result;
    }

    /** Locks an attribution triple of a document; a missing one is a {@link NotFoundException}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedAttribution attribution(DocumentId document, long attributionId) {
        Attribution a = lockAttribution(document.value(), attributionId);
        return new LockedAttribution(a.getId(), a.getDocumentId(), a.getUserId(), a.getSourceSpanId(), a.getCueSpanId(),
                a.getContentSpanId());
    }

    /** As {@link #spans(long, Collection)}, with the entities (for the annotation service's own changes). */
    Map<Long, Span> lockSpans(long documentId, Collection<Long> spanIds) {
        TreeSet<Long> wanted = new TreeSet<>(spanIds);
        Map<Long, Span> found = new LinkedHashMap<>();
        if (!wanted.isEmpty()) {
            spans.lockAll(wanted).stream().filter(s -> s.getDocumentId() == documentId)
                    .forEach(s -> found.put(s.getId(), s));
        }
        for (long id : wanted) {
            if (!found.containsKey(id)) {
                throw new NotFoundException("No span " + id + " in document " + documentId);
            }
        }
        return found;
    }

    /** As {@link #attribution}, with the entity. */
    Attribution lockAttribution(long documentId, long attributionId) {
        return attributions.lock(attributionId).filter(a -> a.getDocumentId() == documentId)
                .orElseThrow(() -> new NotFoundException("No attribution " + attributionId + " in document "
                        + documentId));
    }

    private static LockedSpan info(Span s) {
        return new LockedSpan(s.getId(), s.getDocumentId(), s.getUserId(), s.getLabel());
    }
}
