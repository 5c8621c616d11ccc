package org.factspan.curation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.Provenance;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.InvalidRequestException;
import org.factspan.corpus.DocumentId;
import org.factspan.curation.DocumentCuration.GoldAttribution;
import org.factspan.curation.DocumentCuration.GoldSpan;
import org.factspan.curation.DocumentCuration.ReviewAttribution;
import org.factspan.curation.DocumentCuration.ReviewPosition;
import org.factspan.curation.DocumentCuration.ReviewSpan;
import org.factspan.curation.DocumentCuration.ReviewTriple;
import org.factspan.security.Actor;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Curation over REST, for the project's curators and admins (annotators: 403), with the checks of
 * {@link CurationService}. Every change of the gold standard names the version it is based on ({@code ?version=N},
 * from {@code GET .../curation}) and answers the new one; a stale version answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/projects/{slug}")
class CurationApi {

    record Who(String user, Instant at) {
        static Who of(DocumentCuration.Activity a) {
            return a == null ? null : new Who(a.user(), a.at());
        }
    }

    record ProvenanceJson(String kind, String curator, Instant at) {
        static ProvenanceJson of(Provenance p) {
            return p == null ? null : new ProvenanceJson(p.kind().id(), p.curator(), p.at());
        }
    }

    /**
     * How to merge; {@code unfinished} true also counts annotators who have not marked the document finished. In
     * answers, {@code counted} names whose work the last merge counted.
     */
    record Merge(String mode, Double threshold, Boolean unfinished, List<String> counted) {
        MergeOptions options() {
            return MergeOptions.of(mode, threshold, unfinished);
        }
    }

    /** A place the annotators disagree on (the same list as GET /disagreements?document=). */
    record PlaceJson(int index, String kind, int start, int end, List<String> labels, List<String> annotators,
            List<String> missing, boolean settled, int position, Integer triple, String description,
            List<DocumentCuration.Version> versions) {
        static PlaceJson of(DocumentCuration.Place p) {
            return new PlaceJson(p.index(), p.kind().id(), p.start(), p.end(), p.labels(), p.annotators(),
                    p.missing(), p.settled(), p.position(), p.triple() < 0 ? null : p.triple(), p.description(),
                    p.versions());
        }
    }

    record GoldSpanJson(long id, int start, int end, String label, String text, Map<String, String> attributes,
            ProvenanceJson provenance) {
        static GoldSpanJson of(GoldSpan g) {
            return new GoldSpanJson(g.id(), g.start(), g.end(), g.label(), g.text(), g.attributes(),
                    ProvenanceJson.of(g.provenance()));
        }
    }

    record GoldAttributionJson(long id, Long source, Long cue, long content, ProvenanceJson provenance) {
        static GoldAttributionJson of(GoldAttribution g) {
            return new GoldAttributionJson(g.id(), g.source(), g.cue(), g.content(), ProvenanceJson.of(g.provenance()));
        }
    }

    record SpanJson(long id, String annotator, int start, int end, String label, String text,
            Map<String, String> attributes, String status, int position) {
        static SpanJson of(ReviewSpan s) {
            return new SpanJson(s.id(), s.annotator(), s.start(), s.end(), s.label(), s.text(), s.attributes(),
                    s.status().id(), s.position());
        }
    }

    record AttributionJson(long id, String annotator, Long source, Long cue, long content, String status,
            int position) {
        static AttributionJson of(ReviewAttribution a) {
            return new AttributionJson(a.id(), a.annotator(), a.source(), a.cue(), a.content(), a.status().id(),
                    a.position());
        }
    }

    record PositionJson(int index, String kind, int start, int end, List<String> labels, List<Long> spans,
            List<String> annotators, List<String> missing, boolean settled) {
        static PositionJson of(ReviewPosition p) {
            return new PositionJson(p.index(), p.kind().name().toLowerCase(java.util.Locale.ROOT), p.start(), p.end(),
                    p.labels(), p.spans(), p.annotators(), p.missing(), p.settled());
        }
    }

    record TripleJson(int index, String kind, int contentStart, int contentEnd, Integer sourceStart, Integer sourceEnd,
            List<Long> attributions, List<String> annotators, List<String> missing, boolean settled) {
        static TripleJson of(ReviewTriple t) {
            return new TripleJson(t.index(), t.kind().name().toLowerCase(java.util.Locale.ROOT), t.contentStart(),
                    t.contentEnd(), t.sourceStart(), t.sourceEnd(), t.attributions(), t.annotators(), t.missing(),
                    t.settled());
        }
    }

    record Document(long id, String name, String title, int length) {
    }

    record Curation(Document document, String status, long version, Merge merge, Who opened, Who changed,
            Who curated, Integer curatedOpen, List<String> annotators, List<DocumentCuration.AnnotatorWork> work,
            long openPositions, List<PlaceJson> places, List<GoldSpanJson> gold,
            List<GoldAttributionJson> goldAttributions, List<SpanJson> spans, List<AttributionJson> attributions,
            List<PositionJson> positions, List<TripleJson> triples) {
        static Curation of(DocumentCuration c) {
            var d = c.document();
            return new Curation(new Document(d.id(), d.name(), d.title(), d.length()),
                    c.status().name().toLowerCase(java.util.Locale.ROOT), c.version(),
                    c.merge() == null ? null : new Merge(c.merge().mode().id(),
                            c.merge().mode() == MergeMode.MAJORITY ? c.merge().threshold() : null,
                            c.merge().unfinished(), c.mergedFrom()),
                    Who.of(c.opened()), Who.of(c.changed()), Who.of(c.curated()), c.curatedOpen(), c.annotators(),
                    c.work(), c.openPositions(), c.places().stream().map(PlaceJson::of).toList(),
                    c.gold().stream().map(GoldSpanJson::of).toList(),
                    c.goldAttributions().stream().map(GoldAttributionJson::of).toList(),
                    c.spans().stream().map(SpanJson::of).toList(),
                    c.attributions().stream().map(AttributionJson::of).toList(),
                    c.positions().stream().map(PositionJson::of).toList(),
                    c.triples().stream().map(TripleJson::of).toList());
        }
    }

    record AcceptBody(String what, Long id, String attribute) {
    }

    record Accepted(long version, Long goldSpan, Long goldAttribution, int replacedSpans, int droppedAttributions) {
    }

    record Merged(long version, int spans, int attributions) {
    }

    record Status(long version, String status) {
    }

    record NewSpan(Integer start, Integer end, String label, Map<String, String> attributes) {
    }

    record Relabel(String label) {
    }

    record AttributeValue(String value) {
    }

    record NewAttribution(Long source, Long cue, Long content) {
    }

    record SpanChange(long version, SpanInfo span) {
    }

    record AttributionChange(long version, AttributionInfo attribution) {
    }

    record Version(long version) {
    }

    private final CurationService curation;
    private final CurrentUser currentUser;

    CurationApi(CurationService curation, CurrentUser currentUser) {
        this.curation = curation;
        this.currentUser = currentUser;
    }

    /** The version a change is based on, required (the REST edge's {@code Long} becomes the service's type). */
    private static org.factspan.base.Version expected(Long version) {
        if (version == null) {
            throw new InvalidRequestException("'version' is required: the version of the gold standard your change is"
                    + " based on (GET .../curation answers the current one)");
        }
        return new org.factspan.base.Version(version);
    }

    // ------------------------------------------------------------------ state

    @GetMapping("/documents/{documentId}/curation")
    Curation get(@PathVariable String slug, @PathVariable long documentId,
            @RequestParam(defaultValue = "false") boolean anonymous) {
        return Curation.of(curation.read(currentUser.require(), slug, documentId, anonymous));
    }

    /** Opens the document for curation; the first time it merges automatically (body optional). */
    @PostMapping("/documents/{documentId}/curation")
    Curation open(@PathVariable String slug, @PathVariable long documentId,
            @RequestParam(defaultValue = "false") boolean anonymous, @RequestBody(required = false) Merge body) {
        MergeOptions options = body == null ? MergeOptions.unanimous() : body.options();
        return Curation.of(curation.open(currentUser.require(), slug, documentId, options, anonymous));
    }

    @PostMapping("/documents/{documentId}/curation/merge")
    Merged merge(@PathVariable String slug, @PathVariable long documentId, @RequestParam(required = false) Long version,
            @RequestBody(required = false) Merge body) {
        MergeOptions options = body == null ? MergeOptions.unanimous() : body.options();
        Versioned<CurationService.MergeResult> r = curation.merge(currentUser.require(), slug, new DocumentId(documentId),
                expected(version), options);
        return new Merged(r.version(), r.value().spans(), r.value().attributions());
    }

    @PostMapping("/documents/{documentId}/curation/accept")
    Accepted accept(@PathVariable String slug, @PathVariable long documentId,
            @RequestParam(required = false) Long version, @RequestBody AcceptBody body) {
        if (body == null || body.id() == null) {
            throw new InvalidRequestException("'what' (span, label, attributes or attribution) and 'id' (the"
                    + " annotator's span or attribution) are required");
        }
        Versioned<CurationService.AcceptResult> r = curation.accept(currentUser.require(), slug, new DocumentId(documentId),
                expected(version), new Accept(Accept.What.of(body.what()), body.id(), body.attribute()));
        return new Accepted(r.version(), r.value().goldSpan(), r.value().goldAttribution(), r.value().replacedSpans(),
                r.value().droppedAttributions());
    }

    @PutMapping("/documents/{documentId}/curation/rejections/spans/{spanId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rejectSpan(@PathVariable String slug, @PathVariable long documentId, @PathVariable long spanId) {
        curation.reject(currentUser.require(), slug, new DocumentId(documentId), spanId, false);
    }

    @DeleteMapping("/documents/{documentId}/curation/rejections/spans/{spanId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unrejectSpan(@PathVariable String slug, @PathVariable long documentId, @PathVariable long spanId) {
        curation.unreject(currentUser.require(), slug, new DocumentId(documentId), spanId, false);
    }

    @PutMapping("/documents/{documentId}/curation/rejections/attributions/{attributionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rejectAttribution(@PathVariable String slug, @PathVariable long documentId,
            @PathVariable long attributionId) {
        curation.reject(currentUser.require(), slug, new DocumentId(documentId), attributionId, true);
    }

    @DeleteMapping("/documents/{documentId}/curation/rejections/attributions/{attributionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unrejectAttribution(@PathVariable String slug, @PathVariable long documentId,
            @PathVariable long attributionId) {
        curation.unreject(currentUser.require(), slug, new DocumentId(documentId), attributionId, true);
    }

    /**
     * Marks the document curated. While places are open: 409 with the places ({@code open}), unless
     * {@code override=true} ("curate anyway"; recorded in the audit trail and shown as {@code curatedOpen}).
     */
    @PostMapping("/documents/{documentId}/curation/curated")
    Status markCurated(@PathVariable String slug, @PathVariable long documentId,
            @RequestParam(required = false) Long version, @RequestParam(defaultValue = "false") boolean override) {
        return new Status(curation.markCurated(currentUser.require(), slug, new DocumentId(documentId), expected(version), override),
                "curated");
    }

    /** The refusal of "mark curated": the usual error body, and every open place. */
    @org.springframework.web.bind.annotation.ExceptionHandler(OpenPlacesException.class)
    org.springframework.http.ResponseEntity<Map<String, Object>> openPlaces(OpenPlacesException e) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", HttpStatus.CONFLICT.value());
        body.put("error", HttpStatus.CONFLICT.getReasonPhrase());
        body.put("message", e.getMessage());
        body.put("timestamp", Instant.now().toString());
        body.put("open", e.places().stream().map(CurationApi::json).toList());
        return org.springframework.http.ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @DeleteMapping("/documents/{documentId}/curation/curated")
    Status reopen(@PathVariable String slug, @PathVariable long documentId,
            @RequestParam(required = false) Long version) {
        return new Status(curation.reopen(currentUser.require(), slug, new DocumentId(documentId), expected(version)), "in_progress");
    }

    // ------------------------------------------------------------------ gold standard

    @GetMapping("/documents/{documentId}/gold/spans")
    List<GoldSpanJson> goldSpans(@PathVariable String slug, @PathVariable long documentId) {
        return curation.read(currentUser.require(), slug, documentId, false).gold().stream().map(GoldSpanJson::of)
                .toList();
    }

    @GetMapping("/documents/{documentId}/gold/attributions")
    List<GoldAttributionJson> goldAttributions(@PathVariable String slug, @PathVariable long documentId) {
        return curation.read(currentUser.require(), slug, documentId, false).goldAttributions().stream()
                .map(GoldAttributionJson::of).toList();
    }

    @PostMapping("/documents/{documentId}/gold/spans")
    @ResponseStatus(HttpStatus.CREATED)
    SpanChange createSpan(@PathVariable String slug, @PathVariable long documentId,
            @RequestParam(required = false) Long version, @RequestBody NewSpan body) {
        if (body == null || body.start() == null || body.end() == null) {
            throw new InvalidRequestException("'start' and 'end' are required (code points, end exclusive)");
        }
        Actor actor = currentUser.require();
        Versioned<SpanInfo> r = curation.createGoldSpan(actor, slug, new DocumentId(documentId), expected(version), body.start(),
                body.end(), body.label(), body.attributes() == null ? Map.of() : body.attributes());
        return new SpanChange(r.version(), r.value());
    }

    @PatchMapping("/documents/{documentId}/gold/spans/{spanId}")
    SpanChange relabel(@PathVariable String slug, @PathVariable long documentId, @PathVariable long spanId,
            @RequestParam(required = false) Long version, @RequestBody Relabel body) {
        if (body == null || body.label() == null) {
            throw new InvalidRequestException("'label' is required");
        }
        Versioned<SpanInfo> r = curation.relabelGoldSpan(currentUser.require(), slug, new DocumentId(documentId), expected(version),
                new SpanId(spanId), body.label());
        return new SpanChange(r.version(), r.value());
    }

    @PutMapping("/documents/{documentId}/gold/spans/{spanId}/attributes/{name}")
    SpanChange setAttribute(@PathVariable String slug, @PathVariable long documentId, @PathVariable long spanId,
            @PathVariable String name, @RequestParam(required = false) Long version,
            @RequestBody AttributeValue body) {
        if (body == null || body.value() == null || body.value().isBlank()) {
            throw new InvalidRequestException("'value' is required; DELETE the attribute to remove it");
        }
        Versioned<SpanInfo> r = curation.setGoldAttribute(currentUser.require(), slug, new DocumentId(documentId), expected(version),
                new SpanId(spanId), name, body.value());
        return new SpanChange(r.version(), r.value());
    }

    @DeleteMapping("/documents/{documentId}/gold/spans/{spanId}/attributes/{name}")
    SpanChange removeAttribute(@PathVariable String slug, @PathVariable long documentId, @PathVariable long spanId,
            @PathVariable String name, @RequestParam(required = false) Long version) {
        Versioned<SpanInfo> r = curation.setGoldAttribute(currentUser.require(), slug, new DocumentId(documentId), expected(version),
                new SpanId(spanId), name, null);
        return new SpanChange(r.version(), r.value());
    }

    /** Deletes a gold span with its attributes and the gold attributions that use it. */
    @DeleteMapping("/documents/{documentId}/gold/spans/{spanId}")
    Version deleteSpan(@PathVariable String slug, @PathVariable long documentId, @PathVariable long spanId,
            @RequestParam(required = false) Long version) {
        return new Version(curation.deleteGoldSpan(currentUser.require(), slug, new DocumentId(documentId), expected(version), new SpanId(spanId))
                .version());
    }

    @PostMapping("/documents/{documentId}/gold/attributions")
    @ResponseStatus(HttpStatus.CREATED)
    AttributionChange createAttribution(@PathVariable String slug, @PathVariable long documentId,
            @RequestParam(required = false) Long version, @RequestBody NewAttribution body) {
        if (body == null || body.content() == null) {
            throw new InvalidRequestException("'content' (a gold CLAIM span id) is required, and 'source' or 'cue'"
                    + " (or both)");
        }
        Versioned<AttributionInfo> r = curation.createGoldAttribution(currentUser.require(), slug, new DocumentId(documentId),
                expected(version), body.source(), body.cue(), body.content());
        return new AttributionChange(r.version(), r.value());
    }

    @DeleteMapping("/documents/{documentId}/gold/attributions/{attributionId}")
    Version deleteAttribution(@PathVariable String slug, @PathVariable long documentId,
            @PathVariable long attributionId, @RequestParam(required = false) Long version) {
        return new Version(curation.deleteGoldAttribution(currentUser.require(), slug, new DocumentId(documentId), expected(version),
                attributionId).version());
    }

    // ------------------------------------------------------------------ disagreements

    record DisagreementJson(long document, String title, String kind, int start, int end, String text,
            List<String> labels, List<String> annotators, List<String> missing, boolean settled, String description,
            List<DocumentCuration.Version> versions) {
    }

    private static DisagreementJson json(Disagreement d) {
        return new DisagreementJson(d.documentId(), d.documentTitle(), d.kind().id(), d.start(), d.end(), d.text(),
                d.labels(), d.annotators(), d.missing(), d.settled(), d.description(), d.versions());
    }

    /** Disagreements of the project, most important first; {@code settled=true} includes settled ones. */
    @GetMapping("/disagreements")
    List<DisagreementJson> disagreements(@PathVariable String slug, @RequestParam(required = false) Long document,
            @RequestParam(required = false) String label, @RequestParam(required = false) String annotator,
            @RequestParam(defaultValue = "false") boolean settled,
            @RequestParam(defaultValue = "false") boolean anonymous) {
        return curation.disagreements(currentUser.require(), slug,
                new CurationService.DisagreementFilter(document, blankToNull(label), blankToNull(annotator), settled),
                anonymous).stream().map(CurationApi::json).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
