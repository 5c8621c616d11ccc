package org.factspan.annotation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.AttributeDef;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.LabelKind;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ProjectRole;
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Annotations in bulk, for export and import. Sets: {@value #ALL} (every annotator's work; curators of the project
 * and admins only) or one user name (that user, or a curator or admin). Reading streams one document at a time,
 * each in its own short read-only transaction, so memory stays constant however large the project is (call it
 * outside a transaction, or the persistence context of the caller's transaction grows). Importing is all or
 * nothing: everything is checked before anything is stored.
 */
@Service
public class AnnotationExchangeService {

    /** The set of every annotator's spans. */
    public static final String ALL = "all";

    private final SpanRepository spans;
    private final SpanAttributeRepository attributes;
    private final AttributionRepository attributions;
    private final CorpusService corpus;
    private final UserService users;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AnnotationExchangeService(SpanRepository spans, SpanAttributeRepository attributes,
            AttributionRepository attributions, CorpusService corpus, UserService users,
            PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.spans = spans;
        this.attributes = attributes;
        this.attributions = attributions;
        this.corpus = corpus;
        this.users = users;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** The sets the caller may export: their own name, and for curators and admins {@value #ALL} and every name. */
    @Transactional(readOnly = true)
    public List<String> sets(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        if (!mayReadAll(actor, project)) {
            return List.of(actor.username());
        }
        List<String> sets = new ArrayList<>();
        sets.add(ALL);
        annotators(project.id()).values().forEach(sets::add);
        return sets;
    }

    /**
     * Checks the caller's right to read the set and the filter, and fixes the documents. Unknown set, label or
     * document: {@link InvalidRequestException} / {@link NotFoundException}; another user's set for an annotator,
     * or {@value #ALL}: {@link ForbiddenException}.
     */
    @Transactional(readOnly = true)
    public AnnotationSelection select(Actor actor, String slug, String set, AnnotationFilter filter) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        String wanted = set == null || set.isBlank() ? actor.username() : set;
        Long userId;
        if (wanted.equals(ALL)) {
            if (!mayReadAll(actor, project)) {
                throw new ForbiddenException("Only curators of the project and admins may export every annotator's"
                        + " work; export your own set '" + actor.username() + "'");
            }
            userId = null;
        } else if (wanted.equals(actor.username())) {
            userId = actor.userId();
        } else {
            if (!mayReadAll(actor, project)) {
                throw new ForbiddenException("You may export only your own annotations (set '" + actor.username()
                        + "')");
            }
            userId = annotators(project.id()).entrySet().stream().filter(e -> e.getValue().equals(wanted))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("Unknown set '" + wanted + "'; valid sets: "
                            + String.join(", ", sets(actor, slug))));
        }
        AnnotationFilter f = filter == null ? AnnotationFilter.none() : filter;
        for (String label : f.labels()) {
            if (project.label(label).isEmpty()) {
                throw new InvalidRequestException("Unknown label '" + label + "'; this project has "
                        + project.labels().stream().map(LabelInfo::name).collect(Collectors.joining(", ")));
            }
        }
        List<Long> all = corpus.listDocuments(actor, slug).stream().map(DocumentSummary::id).toList();
        for (long id : f.documentIds()) {
            if (!all.contains(id)) {
                throw new NotFoundException("No document " + id + " in project " + slug);
            }
        }
        List<Long> ids = f.documentIds().isEmpty() ? all
                : all.stream().filter(f.documentIds()::contains).toList();
        return new AnnotationSelection(actor, project, wanted, userId, ids, f.labels());
    }

    /**
     * The selected documents one at a time: each {@code next()} loads one document's text, spans, attributes and
     * attributions in a read-only transaction of its own.
     */
    public Iterator<AnnotatedDocument> documents(AnnotationSelection selection) {
        Iterator<Long> ids = selection.documentIds().iterator();
        Map<Long, String> names = new HashMap<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ids.hasNext();
            }

            @Override
            public AnnotatedDocument next() {
                if (!ids.hasNext()) {
                    throw new NoSuchElementException();
                }
                long id = ids.next();
                return readOnly.execute(status -> load(selection, id, names));
            }
        };
    }

    /** Streams a set document by document to {@code consumer}; see {@link #select} and {@link #documents}. */
    public void forEachDocument(Actor actor, String slug, String set, AnnotationFilter filter,
            Consumer<AnnotatedDocument> consumer) {
        documents(select(actor, slug, set, filter)).forEachRemaining(consumer);
    }

    private AnnotatedDocument load(AnnotationSelection selection, long documentId, Map<Long, String> names) {
        DocumentContent doc = corpus.openDocument(selection.actor(), selection.project().slug(), documentId);
        List<Span> found = selection.userId() == null ? spans.findByDocumentIdOrderByStartAscEndAscIdAsc(documentId)
                : spans.findByDocumentIdAndUserIdOrderByStartAscEndAscIdAsc(documentId, selection.userId());
        List<Span> kept = found.stream()
                .filter(s -> selection.labels().isEmpty() || selection.labels().contains(s.getLabel())).toList();
        Map<Long, Map<String, String>> values = new HashMap<>();
        List<Long> spanIds = kept.stream().map(Span::getId).toList();
        for (int i = 0; i < spanIds.size(); i += 1000) {
            for (SpanAttribute a : attributes.findBySpanIdIn(spanIds.subList(i, Math.min(spanIds.size(), i + 1000)))) {
                values.computeIfAbsent(a.getSpanId(), k -> new TreeMap<>()).put(a.getName(), a.getValue());
            }
        }
        if (kept.stream().anyMatch(s -> !names.containsKey(s.getUserId()))) {
            names.putAll(annotators(selection.project().id()));
        }
        CodePoints text = CodePoints.of(doc.text());
        List<SpanInfo> infos = kept.stream().map(s -> new SpanInfo(s.getId(), documentId, s.getStart(), s.getEnd(),
                s.getLabel(), text.substring(s.getStart(), s.getEnd()), names.get(s.getUserId()), s.getCreatedAt(),
                Collections.unmodifiableMap(values.getOrDefault(s.getId(), new TreeMap<>())))).toList();
        Set<Long> keptIds = new HashSet<>(spanIds);
        List<AttributionInfo> links = (selection.userId() == null ? attributions.findByDocumentIdOrderById(documentId)
                : attributions.findByDocumentIdAndUserIdOrderById(documentId, selection.userId())).stream()
                .map(Attribution::toInfo)
                .filter(a -> keptIds.contains(a.content()) && (a.source() == null || keptIds.contains(a.source()))
                        && (a.cue() == null || keptIds.contains(a.cue())))
                .toList();
        return new AnnotatedDocument(doc, infos, links);
    }

    private static boolean mayReadAll(Actor actor, ProjectInfo project) {
        return actor.isAdmin() || project.role().filter(r -> r == ProjectRole.CURATOR).isPresent();
    }

    /** User id to name of the project's members and of everyone with spans in it. */
    private Map<Long, String> annotators(long projectId) {
        Map<Long, String> result = new LinkedHashMap<>();
        for (Object[] row : spans.annotatorsOf(projectId)) {
            result.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        return result;
    }

    /**
     * Stores imported spans, attributes and attributions, all or nothing. Admins may import for any user named in
     * the {@code annotator} fields; everyone else imports as themselves (naming another user is refused with
     * {@link ForbiddenException}). Any problem, named with the document's place in the file, throws before anything
     * is stored: {@link InvalidRequestException} for bad data, {@link ConflictException} for a span the annotator
     * has already.
     */
    @Transactional
    public AnnotationImport.Summary importAnnotations(Actor actor, String slug,
            List<AnnotationImport.ImportedDocument> docs) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        List<DocumentSummary> summaries = corpus.listDocuments(actor, slug);
        Map<Long, DocumentSummary> byId = new HashMap<>();
        Map<String, List<DocumentSummary>> byName = new HashMap<>();
        Map<String, DocumentSummary> bySha = new HashMap<>();
        for (DocumentSummary d : summaries) {
            byId.put(d.id(), d);
            byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
            bySha.put(d.sha256(), d);
        }
        Map<String, Actor> owners = new HashMap<>();
        record PlannedSpan(long documentId, long userId, AnnotationImport.ImportedSpan span) {
        }
        record PlannedAttribution(long documentId, long userId, AnnotationImport.ImportedAttribution attribution,
                Map<Long, PlannedSpan> spans) {
        }
        List<PlannedSpan> plannedSpans = new ArrayList<>();
        List<PlannedAttribution> plannedAttributions = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (AnnotationImport.ImportedDocument d : docs) {
            String where = d.where() == null ? "document '" + d.name() + "'" : d.where();
            DocumentSummary target = match(d, byId, byName, bySha, where);
            if (!target.sha256().equals(ProjectSetupService.sha256(d.text()))) {
                throw new InvalidRequestException(where + ": the text of '" + d.name()
                        + "' does not match the text of document " + target.id() + " ('" + target.name() + "')");
            }
            if (!d.spans().isEmpty()) {
                corpus.requireEditableDocument(actor, slug, target.id());
            }
            CodePoints text = CodePoints.of(d.text());
            Map<Long, PlannedSpan> byKey = new HashMap<>();
            for (AnnotationImport.ImportedSpan s : d.spans()) {
                String at = where + ", span " + s.key();
                LabelInfo label = project.label(s.label() == null ? "" : s.label())
                        .orElseThrow(() -> new InvalidRequestException(at + ": unknown label '" + s.label()
                                + "'; this project has " + project.labels().stream().map(LabelInfo::name)
                                        .collect(Collectors.joining(", "))));
                if (s.start() < 0 || s.end() <= s.start() || s.end() > text.length()) {
                    throw new InvalidRequestException(at + ": " + s.start() + ".." + s.end()
                            + " is not a non-empty range inside the text of " + text.length() + " code points");
                }
                if (s.text() != null && !s.text().equals(text.substring(s.start(), s.end()))) {
                    throw new InvalidRequestException(at + ": text \"" + s.text() + "\" differs from the document text"
                            + " \"" + text.substring(s.start(), s.end()) + "\"");
                }
                if (s.provenance() != null && s.annotator() == null) {
                    throw new InvalidRequestException(at + ": gold spans (provenance '" + s.provenance()
                            + "') cannot be imported yet");
                }
                for (Map.Entry<String, String> a : s.attributes().entrySet()) {
                    AttributeDef def = label.attribute(a.getKey()).orElseThrow(() -> new InvalidRequestException(
                            at + ": label " + label.name() + " has no attribute '" + a.getKey() + "'"));
                    String problem = a.getValue() == null ? a.getKey() + " needs a value" : def.check(a.getValue());
                    if (problem != null) {
                        throw new InvalidRequestException(at + ": " + problem);
                    }
                }
                Actor owner = owner(actor, s.annotator(), owners, at);
                if (!seen.add(List.of(target.id(), owner.userId(), label.name(), s.start(), s.end()))
                        || spans.existsByDocumentIdAndUserIdAndLabelAndStartAndEnd(target.id(), owner.userId(),
                                label.name(), s.start(), s.end())) {
                    throw new ConflictException(at + ": " + owner.username() + " has labeled " + s.start() + ".."
                            + s.end() + " as " + label.name() + " already");
                }
                PlannedSpan planned = new PlannedSpan(target.id(), owner.userId(), s);
                if (byKey.put(s.key(), planned) != null) {
                    throw new InvalidRequestException(at + ": duplicate span id " + s.key());
                }
                plannedSpans.add(planned);
            }
            for (AnnotationImport.ImportedAttribution a : d.attributions()) {
                String at = where + ", attribution " + a.key();
                PlannedSpan content = part(byKey, a.content(), at);
                PlannedSpan source = a.source() == null ? null : part(byKey, a.source(), at);
                PlannedSpan cue = a.cue() == null ? null : part(byKey, a.cue(), at);
                if (!content.span().label().equals(AnnotationService.CONTENT_LABEL)) {
                    throw new InvalidRequestException(at + ": the content must be a " + AnnotationService.CONTENT_LABEL
                            + " span, not " + content.span().label());
                }
                if (source != null && !source.span().label().equals(AnnotationService.SOURCE_LABEL)) {
                    throw new InvalidRequestException(at + ": the source must be a " + AnnotationService.SOURCE_LABEL
                            + " span, not " + source.span().label());
                }
                if (cue != null && project.label(cue.span().label()).map(l -> l.kind() != LabelKind.CUE).orElse(true)) {
                    throw new InvalidRequestException(at + ": the cue must be a cue span, not " + cue.span().label());
                }
                long userId = a.annotator() == null ? content.userId() : owner(actor, a.annotator(), owners, at).userId();
                for (PlannedSpan part : new PlannedSpan[] {content, source, cue}) {
                    if (part != null && part.userId() != userId) {
                        throw new InvalidRequestException(at + ": its spans belong to different annotators");
                    }
                }
                if (!seen.add(List.of("attribution", target.id(), userId, content.span().key(),
                        Objects.toString(a.source()), Objects.toString(a.cue())))) {
                    throw new InvalidRequestException(at + ": duplicate attribution");
                }
                plannedAttributions.add(new PlannedAttribution(target.id(), userId, a, byKey));
            }
        }
        Map<PlannedSpan, Long> stored = new IdentityHashMap<>();
        var now = clock.instant();
        for (PlannedSpan p : plannedSpans) {
            Span saved = spans.save(new Span(p.documentId(), p.userId(), p.span().label(), p.span().start(),
                    p.span().end(), now));
            stored.put(p, saved.getId());
            events.publishEvent(new SpanChanged(slug, p.documentId(), saved.getId(), SpanChanged.Change.CREATED));
            p.span().attributes().forEach((name, value) -> attributes.save(new SpanAttribute(saved.getId(), name,
                    value)));
        }
        for (PlannedAttribution p : plannedAttributions) {
            var a = p.attribution();
            attributions.save(new Attribution(p.documentId(), p.userId(),
                    a.source() == null ? null : stored.get(p.spans().get(a.source())),
                    a.cue() == null ? null : stored.get(p.spans().get(a.cue())),
                    stored.get(p.spans().get(a.content())), now));
        }
        spans.flush();
        attributions.flush();
        return new AnnotationImport.Summary(docs.size(), plannedSpans.size(), plannedAttributions.size());
    }

    private static DocumentSummary match(AnnotationImport.ImportedDocument d, Map<Long, DocumentSummary> byId,
            Map<String, List<DocumentSummary>> byName, Map<String, DocumentSummary> bySha, String where) {
        if (d.id() != null && byId.containsKey(d.id())) {
            return byId.get(d.id());
        }
        List<DocumentSummary> named = byName.getOrDefault(d.name(), List.of());
        if (named.size() == 1) {
            return named.get(0);
        }
        DocumentSummary same = bySha.get(ProjectSetupService.sha256(d.text()));
        if (same != null) {
            return same;
        }
        throw new InvalidRequestException(where + ": no document in the project matches '" + d.name() + "'"
                + (d.id() == null ? "" : " (id " + d.id() + ")") + " by id, name or text");
    }

    private static <T> T part(Map<Long, T> byKey, long key, String at) {
        T span = byKey.get(key);
        if (span == null) {
            throw new InvalidRequestException(at + ": refers to span " + key + ", which is not in the document");
        }
        return span;
    }

    private Actor owner(Actor actor, String annotator, Map<String, Actor> owners, String at) {
        if (annotator == null || annotator.equals(actor.username())) {
            return actor;
        }
        if (!actor.isAdmin()) {
            throw new ForbiddenException(at + ": only admins may import annotations of another user ('" + annotator
                    + "')");
        }
        return owners.computeIfAbsent(annotator, name -> users.findActor(name).orElseThrow(
                () -> new InvalidRequestException(at + ": unknown annotator '" + name + "'")));
    }
}
