package org.factspan.annotation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factspan.base.ConflictException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.Quote;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The span writes of {@link AnnotationService} (its "spans" section): create, delete, relabel, set an attribute,
 * restore, each for an owner (oneself or the gold standard), with the checks every one of them makes first. Called
 * through {@link AnnotationService}, which holds the transactions and the permission-checked entry points.
 */
@Component
class SpanWrites {

    private final SpanRepository spans;
    private final SpanAttributeRepository attributes;
    private final AttributionRepository attributions;
    private final CorpusService corpus;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AnnotationGuards guards;
    private final SpanInsert insert;

    SpanWrites(SpanRepository spans, SpanAttributeRepository attributes, AttributionRepository attributions,
            CorpusService corpus, Clock clock, ApplicationEventPublisher events, AnnotationGuards guards,
            SpanInsert insert) {
        this.spans = spans;
        this.insert = insert;
        this.attributes = attributes;
        this.attributions = attributions;
        this.corpus = corpus;
        this.clock = clock;
        this.events = events;
        this.guards = guards;
    }

    /** Creates a span for {@code owner} (oneself, or for curators and admins the gold standard). */
    SpanInfo createSpan(Actor actor, Owner owner, String slug, long documentId, int start, int end,
            String label, Map<String, String> values) {
        AnnotationGuards.Editable editable = guards.editable(actor, owner, slug, documentId);
        ProjectInfo project = editable.project();
        DocumentSummary doc = editable.document();
        requireNewSpan(actor, owner, project, doc, start, end, label, values);
        Span span = new Span(documentId, owner.userId(), label, start, end, clock.instant());
        guards.stamp(actor, owner, span::stamp);
        Span saved;
        try {
            saved = insert.insert(span);
        } catch (DataIntegrityViolationException e) {
            // the same span created at the same moment by another request of this owner (unique constraint)
            throw new ConflictException(guards.who(actor, owner, "have", "has") + " labeled " + start + ".." + end + " as "
                    + label + " already");
        }
        values.forEach((name, value) -> attributes.save(new SpanAttribute(saved.getId(), name, value)));
        events.publishEvent(new SpanChanged(slug, documentId, saved.getId(), SpanChanged.Change.CREATED));
        SpanInfo created = AnnotationGuards.toInfo(saved, corpus.textIndex(documentId), owner.username(), new TreeMap<>(values));
        guards.audit(actor, "span.create", project.id(), documentId, saved.getId(), null, owner, null, AnnotationGuards.state(created));
        return created;
    }

    /** What a new (or restored) span must satisfy: a known label, a range in the text, no clash, valid values. */
    private void requireNewSpan(Actor actor, Owner owner, ProjectInfo project, DocumentSummary doc, int start, int end,
            String label, Map<String, String> values) {
        long documentId = doc.id();
        LabelInfo labelInfo = AnnotationGuards.requireLabel(project, label);
        if (start < 0 || end > doc.length() || start >= end) {
            throw new InvalidRequestException("Span " + start + ".." + end + " is not a non-empty range inside the text"
                    + " (0.." + doc.length() + " code points, end exclusive)");
        }
        if (!project.allowOverlap()) {
            spans.findByDocumentIdAndUserIdOrderByStartAscEndAscIdAsc(documentId, owner.userId()).stream()
                    .filter(s -> s.getStart() < end && start < s.getEnd()).findFirst().ifPresent(s -> {
                        throw new ConflictException("Span " + start + ".." + end + " overlaps the " + s.getLabel()
                                + " span " + s.getStart() + ".." + s.getEnd() + " of " + owner.username()
                                + "; this project does not allow overlapping spans");
                    });
        }
        // the same span twice is refused by the span_dup_uq constraint when the span is saved (one query less)
        values.forEach((name, value) -> AnnotationGuards.checkAttribute(labelInfo, name, value));
    }

    AnnotationService.DeletedSpan deleteSpan(Actor actor, Owner owner, String slug, DocumentId document, SpanId spanRef) {
        long documentId = document.value();
        long spanId = spanRef.value();
        ProjectInfo project = guards.editable(actor, owner, slug, documentId).project();
        Span span = guards.ownSpan(owner, documentId, spanId);
        List<AttributionInfo> using = attributionsUsing(owner, documentId, spanId);
        SpanInfo info = AnnotationGuards.toInfo(span, corpus.textIndex(documentId), owner.username(), guards.attributesOf(List.of(spanId))
                .getOrDefault(spanId, Map.of()));
        attributions.deleteAllByIdInBatch(using.stream().map(AttributionInfo::id).toList());
        attributes.deleteAllInBatch(attributes.findBySpanId(spanId));
        spans.delete(span);
        spans.flush();
        events.publishEvent(new SpanChanged(slug, documentId, spanId, SpanChanged.Change.DELETED));
        guards.audit(actor, "span.delete", project.id(), documentId, spanId, null, owner, Map.of("span", AnnotationGuards.state(info),
                "attributions", using), null);
        return new AnnotationService.DeletedSpan(info, using);
    }

    List<AttributionInfo> attributionsUsing(Owner owner, long documentId, long spanId) {
        return attributions.findByDocumentIdAndUserIdOrderById(documentId, owner.userId()).stream()
                .map(Attribution::toInfo).filter(a -> a.uses(spanId)).toList();
    }

    SpanInfo relabelSpan(Actor actor, Owner owner, String slug, DocumentId document, SpanId spanRef,
            String label) {
        long documentId = document.value();
        long spanId = spanRef.value();
        ProjectInfo project = guards.editable(actor, owner, slug, documentId).project();
        Span span = guards.ownSpan(owner, documentId, spanId);
        LabelInfo target = AnnotationGuards.requireLabel(project, label);
        if (span.getLabel().equals(label)) {
            return AnnotationGuards.toInfo(span, corpus.textIndex(documentId), owner.username(),
                    guards.attributesOf(List.of(spanId)).getOrDefault(spanId, Map.of()));
        }
        if (spans.existsByDocumentIdAndUserIdAndLabelAndStartAndEnd(documentId, owner.userId(), label, span.getStart(),
                span.getEnd())) {
            throw new ConflictException(guards.who(actor, owner, "have", "has") + " labeled " + span.getStart() + ".."
                    + span.getEnd() + " as " + label + " already");
        }
        List<AttributionInfo> using = attributionsUsing(owner, documentId, spanId);
        if (!using.isEmpty()) {
            throw new ConflictException("Span " + spanId + " is part of " + using.size()
                    + " attribution(s); unlink it before changing its label");
        }
        String previousLabel = span.getLabel();
        span.relabel(label);
        guards.stamp(actor, owner, span::stamp);
        Map<String, String> kept = new TreeMap<>();
        for (SpanAttribute a : attributes.findBySpanId(spanId)) {
            if (target.attribute(a.getName()).isPresent()) {
                kept.put(a.getName(), a.getValue());
            } else {
                attributes.delete(a);
            }
        }
        spans.flush();
        events.publishEvent(new SpanChanged(slug, documentId, spanId, SpanChanged.Change.RELABELED));
        SpanInfo relabeled = AnnotationGuards.toInfo(span, corpus.textIndex(documentId), owner.username(), kept);
        guards.audit(actor, "span.relabel", project.id(), documentId, spanId, null, owner, Map.of("label", previousLabel),
                Map.of("label", label, "attributes", kept));
        return relabeled;
    }

    SpanInfo setAttribute(Actor actor, Owner owner, String slug, DocumentId document, SpanId spanRef,
            String name, String value) {
        long documentId = document.value();
        long spanId = spanRef.value();
        ProjectInfo project = guards.editable(actor, owner, slug, documentId).project();
        Span span = guards.ownSpan(owner, documentId, spanId);
        LabelInfo label = AnnotationGuards.requireLabel(project, span.getLabel());
        var key = new SpanAttribute.Key(spanId, name);
        String previous = attributes.findById(key).map(SpanAttribute::getValue).orElse(null);
        if (value == null || value.isBlank()) {
            if (label.attribute(name).isEmpty()) {
                throw new InvalidRequestException("Label " + label.name() + " has no attribute " + Quote.of(name));
            }
            attributes.findById(key).ifPresent(attributes::delete);
        } else {
            AnnotationGuards.checkAttribute(label, name, value);
            attributes.findById(key).ifPresentOrElse(a -> a.setValue(value),
                    () -> attributes.save(new SpanAttribute(spanId, name, value)));
        }
        guards.stamp(actor, owner, span::stamp);
        attributes.flush();
        spans.flush();
        events.publishEvent(new SpanChanged(slug, documentId, spanId, SpanChanged.Change.ATTRIBUTE));
        guards.audit(actor, "span.attribute", project.id(), documentId, spanId, null, owner,
                previous == null ? null : Map.of(name, previous),
                value == null || value.isBlank() ? null : Map.of(name, value));
        return AnnotationGuards.toInfo(span, corpus.textIndex(documentId), owner.username(),
                guards.attributesOf(List.of(spanId)).getOrDefault(spanId, Map.of()));
    }

    /**
     * Brings back a deleted span under its own id, with its label, extent, attributes and creation time (undo of a
     * delete, redo of a create), after the same checks as a new span: history, exports and the search index keep one
     * id for it (decision 020). Refused with 409 when a span with that id exists (it was brought back elsewhere).
     */
    SpanInfo restoreSpan(Actor actor, Owner owner, String slug, long documentId, SpanInfo span) {
        AnnotationGuards.Editable editable = guards.editable(actor, owner, slug, documentId);
        ProjectInfo project = editable.project();
        DocumentSummary doc = editable.document();
        if (span.documentId() != documentId) {
            throw new InvalidRequestException("That span belongs to another document");
        }
        if (spans.existsById(span.id())) {
            throw new ConflictException("That span is there already (it was brought back elsewhere)");
        }
        requireNewSpan(actor, owner, project, doc, span.start(), span.end(), span.label(), span.attributes());
        try {
            spans.insertWithId(span.id(), documentId, owner.userId(), span.label(), span.start(), span.end(),
                    span.createdAt() == null ? clock.instant() : span.createdAt());
            spans.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(guards.who(actor, owner, "have", "has") + " labeled " + span.start() + ".."
                    + span.end() + " as " + span.label() + " already");
        }
        Span saved = spans.findById(span.id()).orElseThrow();
        guards.stamp(actor, owner, saved::stamp);
        span.attributes().forEach((name, value) -> attributes.save(new SpanAttribute(saved.getId(), name, value)));
        attributes.flush();
        spans.flush();
        events.publishEvent(new SpanChanged(slug, documentId, saved.getId(), SpanChanged.Change.CREATED));
        SpanInfo restored = AnnotationGuards.toInfo(saved, corpus.textIndex(documentId), owner.username(),
                new TreeMap<>(span.attributes()));
        guards.audit(actor, "span.restore", project.id(), documentId, saved.getId(), null, owner, null, AnnotationGuards.state(restored));
        return restored;
    }
}
