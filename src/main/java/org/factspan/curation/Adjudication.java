package org.factspan.curation;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.factspan.annotation.AnnotatedDocument;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.Owner;
import org.factspan.annotation.Provenance;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.ProjectInfo;
import org.factspan.curation.CurationService.AcceptResult;
import org.factspan.security.Actor;
import org.springframework.stereotype.Component;

/**
 * Accepting an annotator's span, label, attribute values or triple into the gold standard, and rejecting or
 * un-rejecting one (split out of {@link CurationService}, decision 023).
 */
@Component
class Adjudication {

    private final CurationCore core;
    private final AnnotationService annotations;
    private final CorpusService corpus;
    private final RejectionRepository rejections;
    private final Clock clock;

    Adjudication(CurationCore core, AnnotationService annotations, CorpusService corpus,
            RejectionRepository rejections, Clock clock) {
        this.core = core;
        this.annotations = annotations;
        this.corpus = corpus;
        this.rejections = rejections;
        this.clock = clock;
    }

    /** Takes a part of an annotator's work into the gold standard (see {@link Accept.What}); provenance adjudicated. */
    Versioned<AcceptResult> accept(Actor actor, String slug, long documentId, long version, Accept accept) {
        return core.change(actor, slug, documentId, version, false, state -> {
            // the annotator's span or triple stays until the gold standard has its copy (decision 016)
            core.lockPart(documentId, accept.id(), accept.what() == Accept.What.ATTRIBUTION);
            AnnotatedDocument doc = annotations.documentAnnotations(actor, slug, documentId);
            ProjectInfo project = corpus.requireProject(actor, slug);
            AcceptResult result = switch (accept.what()) {
                case SPAN -> acceptSpan(actor, slug, documentId, project, annotatorSpan(doc, accept.id()));
                case LABEL -> acceptLabel(actor, slug, documentId, project, annotatorSpan(doc, accept.id()));
                case ATTRIBUTES -> acceptAttributes(actor, slug, documentId, annotatorSpan(doc, accept.id()),
                        accept.attribute());
                case ATTRIBUTION -> acceptAttribution(actor, slug, documentId, project, doc, accept.id());
            };
            (accept.what() == Accept.What.ATTRIBUTION ? rejections.findByAttributionId(accept.id())
                    : rejections.findBySpanId(accept.id())).ifPresent(rejections::delete);
            core.decision(actor, "curation.accept", documentId,
                    accept.what() == Accept.What.ATTRIBUTION ? null : accept.id(),
                    Map.of("what", accept.what().name().toLowerCase(java.util.Locale.ROOT), "id", accept.id()),
                    result);
            return result;
        });
    }


    private static SpanInfo annotatorSpan(AnnotatedDocument doc, long spanId) {
        return doc.spans().stream().filter(s -> s.id() == spanId).findFirst().orElseThrow(() -> new NotFoundException(
                "No annotator's span " + spanId + " in document " + doc.document().id()));
    }



    private static boolean sameExtent(SpanInfo a, SpanInfo b) {
        return a.start() == b.start() && a.end() == b.end();
    }

    private static boolean overlap(SpanInfo a, SpanInfo b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private AcceptResult acceptSpan(Actor actor, String slug, long documentId, ProjectInfo project, SpanInfo unit) {
        List<SpanInfo> gold = core.goldSpans(actor, slug, documentId);
        Optional<SpanInfo> exact = gold.stream().filter(g -> sameExtent(g, unit) && g.label().equals(unit.label()))
                .findFirst();
        List<SpanInfo> alternatives = gold.stream().filter(g -> exact.map(e -> e.id() != g.id()).orElse(true))
                .filter(g -> sameExtent(g, unit) || (g.label().equals(unit.label()) && overlap(g, unit))).toList();
        Map<String, String> values = CurationCore.validAttributes(project, unit.label(), unit.attributes());
        SpanInfo target;
        if (exact.isPresent()) {
            target = exact.get();
            copyAttributes(actor, slug, documentId, target, values, null);
        } else {
            target = annotations.createSpan(actor, annotations.gold(Provenance.Kind.ADJUDICATED), slug, documentId,
                    unit.start(), unit.end(), unit.label(), values);
        }
        int dropped = replace(actor, slug, documentId, target, alternatives);
        return new AcceptResult(target.id(), null, alternatives.size(), dropped);
    }

    private AcceptResult acceptLabel(Actor actor, String slug, long documentId, ProjectInfo project, SpanInfo unit) {
        List<SpanInfo> atExtent = core.goldSpans(actor, slug, documentId).stream().filter(g -> sameExtent(g, unit))
                .toList();
        Optional<SpanInfo> same = atExtent.stream().filter(g -> g.label().equals(unit.label())).findFirst();
        SpanInfo target = same.orElseGet(() -> annotations.createSpan(actor,
                annotations.gold(Provenance.Kind.ADJUDICATED), slug, documentId, unit.start(), unit.end(), unit.label(),
                atExtent.isEmpty() ? Map.of()
                        : CurationCore.validAttributes(project, unit.label(), atExtent.getFirst().attributes())));
        List<SpanInfo> alternatives = atExtent.stream().filter(g -> g.id() != target.id()).toList();
        int dropped = replace(actor, slug, documentId, target, alternatives);
        return new AcceptResult(target.id(), null, alternatives.size(), dropped);
    }

    private AcceptResult acceptAttributes(Actor actor, String slug, long documentId, SpanInfo unit, String attribute) {
        SpanInfo target = core.goldSpans(actor, slug, documentId).stream()
                .filter(g -> sameExtent(g, unit) && g.label().equals(unit.label())).findFirst()
                .orElseThrow(() -> new InvalidRequestException("The gold standard has no " + unit.label() + " span at "
                        + unit.start() + ".." + unit.end() + "; accept the span or its label first"));
        copyAttributes(actor, slug, documentId, target, unit.attributes(), attribute);
        return new AcceptResult(target.id(), null, 0, 0);
    }

    /** Makes the gold span's attribute values those given (only {@code only}, when not null). */
    private void copyAttributes(Actor actor, String slug, long documentId, SpanInfo target, Map<String, String> values,
            String only) {
        Set<String> names = new TreeSet<>();
        if (only != null) {
            names.add(only);
        } else {
            names.addAll(target.attributes().keySet());
            names.addAll(values.keySet());
        }
        Owner gold = annotations.gold(Provenance.Kind.ADJUDICATED);
        for (String name : names) {
            String want = values.get(name);
            if (!Objects.equals(want, target.attributes().get(name)) || only != null) {
                annotations.setAttribute(actor, gold, slug, new DocumentId(documentId), new SpanId(target.id()), name, want);
            }
        }
    }

    /**
     * Replaces gold spans by {@code target}: gold attributions that used a replaced span of the target's label now
     * use the target; those that used one of another label cannot keep their roles and go with it.
     *
     * @return the number of gold attributions that went
     */
    private int replace(Actor actor, String slug, long documentId, SpanInfo target, List<SpanInfo> replaced) {
        if (replaced.isEmpty()) {
            return 0;
        }
        Map<Long, SpanInfo> byId = replaced.stream().collect(Collectors.toMap(SpanInfo::id, s -> s));
        List<AttributionInfo> links = core.goldLinks(actor, slug, documentId);
        Set<List<Long>> kept = new HashSet<>();
        links.stream().filter(a -> replaced.stream().noneMatch(r -> a.uses(r.id())))
                .forEach(a -> kept.add(Arrays.asList(a.source(), a.cue(), a.content())));
        int dropped = 0;
        Owner gold = annotations.gold(Provenance.Kind.ADJUDICATED);
        for (AttributionInfo a : links) {
            if (replaced.stream().noneMatch(r -> a.uses(r.id()))) {
                continue;
            }
            boolean fits = true;
            Long[] parts = {a.source(), a.cue(), a.content()};
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] != null && byId.containsKey(parts[i])) {
                    fits &= byId.get(parts[i]).label().equals(target.label());
                    parts[i] = target.id();
                }
            }
            if (fits && kept.add(Arrays.asList(parts))) {
                annotations.createAttribution(actor, gold, slug, documentId, parts[0], parts[1], parts[2]);
            } else if (!fits) {
                dropped++;
            }
        }
        for (SpanInfo r : replaced) {
            annotations.deleteSpan(actor, gold, slug, new DocumentId(documentId), new SpanId(r.id()));
        }
        return dropped;
    }

    private AcceptResult acceptAttribution(Actor actor, String slug, long documentId, ProjectInfo project,
            AnnotatedDocument doc, long attributionId) {
        AttributionInfo triple = doc.attributions().stream().filter(a -> a.id() == attributionId).findFirst()
                .orElseThrow(() -> new NotFoundException("No annotator's attribution " + attributionId
                        + " in document " + documentId));
        int replacedSpans = 0;
        int dropped = 0;
        Long[] goldParts = new Long[3];
        Long[] parts = {triple.source(), triple.cue(), triple.content()};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                continue;
            }
            SpanInfo unit = annotatorSpan(doc, parts[i]);
            Optional<SpanInfo> exact = core.goldSpans(actor, slug, documentId).stream()
                    .filter(g -> sameExtent(g, unit) && g.label().equals(unit.label())).findFirst();
            if (exact.isPresent()) {
                goldParts[i] = exact.get().id();
            } else {
                AcceptResult placed = acceptSpan(actor, slug, documentId, project, unit);
                goldParts[i] = placed.goldSpan();
                replacedSpans += placed.replacedSpans();
                dropped += placed.droppedAttributions();
            }
        }
        Owner gold = annotations.gold(Provenance.Kind.ADJUDICATED);
        AttributionInfo same = null;
        for (AttributionInfo a : core.goldLinks(actor, slug, documentId)) {
            if (a.content() != goldParts[2]) {
                continue;
            }
            if (Objects.equals(a.source(), goldParts[0]) && Objects.equals(a.cue(), goldParts[1])) {
                same = a;
            } else {
                annotations.deleteAttribution(actor, gold, slug, new DocumentId(documentId), a.id());
                dropped++;
            }
        }
        AttributionInfo result = same != null ? same
                : annotations.createAttribution(actor, gold, slug, documentId, goldParts[0], goldParts[1], goldParts[2]);
        return new AcceptResult(goldParts[2], result.id(), replacedSpans, dropped);
    }

    /**
     * Rejects an annotator's span ({@code attribution} false) or attribution: it is shown as rejected and never
     * merged automatically. Not a change of the gold standard (no version).
     */
    void reject(Actor actor, String slug, long documentId, long id, boolean attribution) {
        core.requireOpened(actor, slug, documentId);
        core.lockPart(documentId, id, attribution);
        requirePart(annotations.documentAnnotations(actor, slug, documentId), documentId, id, attribution);
        if ((attribution ? rejections.findByAttributionId(id) : rejections.findBySpanId(id)).isEmpty()) {
            rejections.save(new Rejection(documentId, attribution ? null : id, attribution ? id : null,
                    actor.userId(), clock.instant()));
        }
        core.decision(actor, "curation.reject", documentId, attribution ? null : id, null,
                Map.of(attribution ? "attribution" : "span", id));
    }

    /** An annotator's span or attribution of the document, or {@link NotFoundException}. */
    private void requirePart(AnnotatedDocument doc, long documentId, long id, boolean attribution) {
        if (!attribution) {
            annotatorSpan(doc, id);
        } else if (doc.attributions().stream().noneMatch(a -> a.id() == id)) {
            throw new NotFoundException("No annotator's attribution " + id + " in document " + documentId);
        }
    }

    /** Takes a rejection back. */
    void unreject(Actor actor, String slug, long documentId, long id, boolean attribution) {
        core.requireOpened(actor, slug, documentId);
        core.lockPart(documentId, id, attribution);
        requirePart(annotations.documentAnnotations(actor, slug, documentId), documentId, id, attribution);
        var rejection = (attribution ? rejections.findByAttributionId(id) : rejections.findBySpanId(id))
                .filter(r -> r.documentId() == documentId);
        if (rejection.isEmpty()) {
            return; // not rejected: nothing to take back, and nothing to record
        }
        rejections.delete(rejection.get());
        core.decision(actor, "curation.unreject", documentId, attribution ? null : id,
                Map.of(attribution ? "attribution" : "span", id), null);
    }

}
