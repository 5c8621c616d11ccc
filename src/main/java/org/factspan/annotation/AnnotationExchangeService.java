package org.factspan.annotation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.factspan.base.Quote;
import org.factspan.ingest.ValidText;
import org.factspan.base.CodePoints;
import org.factspan.base.audit.AuditLog;
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
import org.factspan.corpus.ProjectSetupService;
import org.factspan.security.Actor;
import org.factspan.security.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
    /** At most this many documents are read at once when streaming. */
    static final int BATCH_DOCUMENTS = 100;
    /** A batch stops growing when its texts reach this many code points (one bigger document is read alone). */
    static final int BATCH_CODE_POINTS = 2_000_000;

    private final SpanRepository spans;
    private final CorpusService corpus;
    private final UserService users;
    private final TransactionTemplate readOnly;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditLog auditLog;

    AnnotationExchangeService(SpanRepository spans, CorpusService corpus, UserService users,
            PlatformTransactionManager transactions, NamedParameterJdbcTemplate jdbc, Clock clock,
            ApplicationEventPublisher events, AuditLog auditLog) {
        this.events = events;
        this.auditLog = auditLog;
        this.spans = spans;
        this.corpus = corpus;
        this.users = users;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
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
                        + " work; export your own set " + Quote.of(actor.username()));
            }
            userId = null;
        } else if (wanted.equals(actor.username())) {
            userId = actor.userId();
        } else {
            if (!mayReadAll(actor, project)) {
                throw new ForbiddenException("You may export only your own annotations (set "
                        + Quote.of(actor.username()) + ")");
            }
            userId = annotators(project.id()).entrySet().stream().filter(e -> e.getValue().equals(wanted))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("Unknown set " + Quote.of(wanted) + "; valid sets: "
                            + String.join(", ", sets(actor, slug))));
        }
        AnnotationFilter f = filter == null ? AnnotationFilter.none() : filter;
        for (String label : f.labels()) {
            if (project.label(label).isEmpty()) {
                throw new InvalidRequestException("Unknown label " + Quote.of(label) + "; this project has "
                        + project.labels().stream().map(LabelInfo::name).collect(Collectors.joining(", ")));
            }
        }
        // a few documents (the search index re-indexing what changed) are read alone, not from a listing of all
        List<DocumentSummary> all = f.documentIds().isEmpty() ? corpus.listDocuments(actor, slug)
                : corpus.listDocuments(actor, slug, f.documentIds());
        Set<Long> known = all.stream().map(DocumentSummary::id).collect(Collectors.toSet());
        for (long id : f.documentIds()) {
            if (!known.contains(id)) {
                throw new NotFoundException("No document " + id + " in project " + slug);
            }
        }
        List<DocumentSummary> chosen = f.documentIds().isEmpty() ? all
                : all.stream().filter(d -> f.documentIds().contains(d.id())).toList();
        return new AnnotationSelection(actor, project, wanted, userId, chosen.stream().map(DocumentSummary::id).toList(),
                chosen.stream().map(DocumentSummary::length).toList(), f.labels());
    }

    /**
     * The selected documents one at a time, read in batches: each batch of up to {@value #BATCH_DOCUMENTS} documents
     * (fewer when their texts pass {@value #BATCH_CODE_POINTS} code points) is read with one query each for texts,
     * spans, attribute values and attributions, in a read-only transaction of its own; only that batch is held.
     */
    public Iterator<AnnotatedDocument> documents(AnnotationSelection selection) {
        List<Long> ids = selection.documentIds();
        List<Integer> lengths = selection.lengths();
        Map<Long, String> names = new HashMap<>();
        return new Iterator<>() {
            int next;
            Iterator<AnnotatedDocument> batch = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                return batch.hasNext() || next < ids.size();
            }

            @Override
            public AnnotatedDocument next() {
                if (!batch.hasNext()) {
                    if (next >= ids.size()) {
                        throw new NoSuchElementException();
                    }
                    int end = next;
                    long size = 0;
                    while (end < ids.size() && end - next < BATCH_DOCUMENTS
                            && (end == next || size + lengths.get(end) <= BATCH_CODE_POINTS)) {
                        size += lengths.get(end);
                        end++;
                    }
                    List<Long> chunk = ids.subList(next, end);
                    next = end;
                    batch = readOnly.execute(status -> loadBatch(selection, chunk, names)).iterator();
                }
                return batch.next();
            }
        };
    }

    /** Streams a set document by document to {@code consumer}; see {@link #select} and {@link #documents}. */
    public void forEachDocument(Actor actor, String slug, String set, AnnotationFilter filter,
            Consumer<AnnotatedDocument> consumer) {
        documents(select(actor, slug, set, filter)).forEachRemaining(consumer);
    }

    private List<AnnotatedDocument> loadBatch(AnnotationSelection selection, List<Long> documentIds,
            Map<Long, String> names) {
        List<DocumentContent> docs = corpus.openDocuments(selection.actor(), selection.project().slug(), documentIds);
        // The ids go into the SQL as literals (they are numbers): H2 checks a literal IN list with a hash set, but a
        // list of parameters value by value for every row: a third of the export's time in the profile (decision 015).
        String in = inList(documentIds);
        Map<String, Object> params = new HashMap<>();
        // one annotator's set, or every annotator's: never the gold standard's system account (decision 008)
        String byUser = " and s.user_id in (select u.id from app_user u where u.system_account = false)";
        if (selection.userId() != null) {
            params.put("user", selection.userId());
            byUser = " and s.user_id = :user";
        }
        record Row(long id, long documentId, long userId, String label, int start, int end, Instant createdAt) {
        }
        Map<Long, List<Row>> spansByDocument = new HashMap<>();
        Set<Long> users = new HashSet<>();
        jdbc.query("select s.id, s.document_id, s.user_id, s.label, s.start_cp, s.end_cp, s.created_at from span s"
                + " where s.document_id in " + in + byUser + " order by s.document_id, s.start_cp, s.end_cp, s.id",
                params, rs -> {
                    Row row = new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                            rs.getInt(6), rs.getObject(7, OffsetDateTime.class).toInstant());
                    if (selection.labels().isEmpty() || selection.labels().contains(row.label())) {
                        spansByDocument.computeIfAbsent(row.documentId(), k -> new ArrayList<>()).add(row);
                        users.add(row.userId());
                    }
                });
        Map<Long, Map<String, String>> values = new HashMap<>();
        jdbc.query("select a.span_id, a.name, a.val from span_attribute a join span s on s.id = a.span_id"
                + " where s.document_id in " + in + byUser, params,
                rs -> {
                    values.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                });
        Map<Long, List<AttributionInfo>> linksByDocument = new HashMap<>();
        jdbc.query("select s.id, s.document_id, s.source_span_id, s.cue_span_id, s.content_span_id from attribution s"
                + " where s.document_id in " + in + byUser + " order by s.document_id, s.id", params, rs -> {
                    long source = rs.getLong(3);
                    Long sourceId = rs.wasNull() ? null : source;
                    long cue = rs.getLong(4);
                    Long cueId = rs.wasNull() ? null : cue;
                    linksByDocument.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(
                            new AttributionInfo(rs.getLong(1), rs.getLong(2), sourceId, cueId, rs.getLong(5)));
                });
        users.removeAll(names.keySet());
        if (!users.isEmpty()) {
            // the names of this batch's annotators only: reading every annotator of the project scanned its spans
            jdbc.query("select u.id, u.username from app_user u where u.id in " + inList(users), Map.of(), rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        List<AnnotatedDocument> result = new ArrayList<>(docs.size());
        for (DocumentContent doc : docs) {
            CodePoints text = CodePoints.of(doc.text());
            List<Row> kept = spansByDocument.getOrDefault(doc.id(), List.of());
            List<SpanInfo> infos = new ArrayList<>(kept.size());
            Set<Long> keptIds = new HashSet<>();
            for (Row s : kept) {
                keptIds.add(s.id());
                Map<String, String> attrs = values.get(s.id());
                infos.add(new SpanInfo(s.id(), doc.id(), s.start(), s.end(), s.label(),
                        text.substring(s.start(), s.end()), names.get(s.userId()), s.createdAt(),
                        attrs == null ? Map.of() : Collections.unmodifiableMap(attrs)));
            }
            List<AttributionInfo> links = linksByDocument.getOrDefault(doc.id(), List.of()).stream()
                    .filter(a -> keptIds.contains(a.content()) && (a.source() == null || keptIds.contains(a.source()))
                            && (a.cue() == null || keptIds.contains(a.cue())))
                    .toList();
            result.add(new AnnotatedDocument(doc, infos, links));
        }
        return result;
    }

    /**
     * Ids as a literal SQL list, {@code (1, 2, 3)}: they are numbers, and H2 checks a literal IN list with a hash set,
     * but a list of parameters value by value for every row (decision 015).
     */
    private static String inList(java.util.Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    private static boolean mayReadAll(Actor actor, ProjectInfo project) {
        return project.curatedBy(actor);
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
     * Refuses a caller who may not import into the project (not a member: 403; no such project: 404) before anything
     * of an upload is read, so that a refused caller learns nothing from the parser and costs the server nothing.
     */
    @Transactional(readOnly = true)
    public void requireMayImport(Actor actor, String slug) {
        corpus.requireProject(actor, slug);
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
        List<DocumentSummary> targets = new ArrayList<>(docs.size());
        for (AnnotationImport.ImportedDocument d : docs) {
            checkValidText(d);
            targets.add(match(d, byId, byName, bySha, d.where() == null ? "document " + Quote.of(d.name()) : d.where()));
        }
        Set<List<Object>> existing = existingSpans(targets.stream().map(DocumentSummary::id).distinct().toList());
        for (int index = 0; index < docs.size(); index++) {
            AnnotationImport.ImportedDocument d = docs.get(index);
            String where = d.where() == null ? "document " + Quote.of(d.name()) : d.where();
            DocumentSummary target = targets.get(index);
            if (!target.sha256().equals(ProjectSetupService.sha256(d.text()))) {
                throw new InvalidRequestException(where + ": the text of " + Quote.of(d.name())
                        + " does not match the text of document " + target.id() + " (" + Quote.of(target.name()) + ")");
            }
            if (!d.spans().isEmpty()) {
                corpus.requireEditableDocument(actor, slug, target.id());
            }
            CodePoints text = CodePoints.of(d.text());
            Map<Long, PlannedSpan> byKey = new HashMap<>();
            for (AnnotationImport.ImportedSpan s : d.spans()) {
                String at = where + ", span " + s.key();
                LabelInfo label = project.label(s.label() == null ? "" : s.label())
                        .orElseThrow(() -> new InvalidRequestException(at + ": unknown label " + Quote.of(s.label())
                                + "; this project has " + project.labels().stream().map(LabelInfo::name)
                                        .collect(Collectors.joining(", "))));
                if (s.start() < 0 || s.end() <= s.start() || s.end() > text.length()) {
                    throw new InvalidRequestException(at + ": " + s.start() + ".." + s.end()
                            + " is not a non-empty range inside the text of " + text.length() + " code points");
                }
                if (s.text() != null && !s.text().equals(text.substring(s.start(), s.end()))) {
                    throw new InvalidRequestException(at + ": text " + Quote.of(s.text()) + " differs from the document"
                            + " text " + Quote.of(text.substring(s.start(), s.end())));
                }
                if (s.provenance() != null && s.annotator() == null) {
                    throw new InvalidRequestException(at + ": gold spans (provenance " + Quote.of(s.provenance())
                            + ") cannot be imported yet");
                }
                for (Map.Entry<String, String> a : s.attributes().entrySet()) {
                    AttributeDef def = label.attribute(a.getKey()).orElseThrow(() -> new InvalidRequestException(
                            at + ": label " + label.name() + " has no attribute " + Quote.of(a.getKey())));
                    String problem = a.getValue() == null ? a.getKey() + " needs a value" : def.check(a.getValue());
                    if (problem != null) {
                        throw new InvalidRequestException(at + ": " + problem);
                    }
                }
                Actor owner = owner(actor, s.annotator(), owners, at);
                List<Object> key = List.of(target.id(), owner.userId(), label.name(), s.start(), s.end());
                if (!seen.add(key) || existing.contains(key)) {
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
                if (a.source() == null && a.cue() == null) {
                    throw new InvalidRequestException(at + ": " + AnnotationService.noSourceNorCue(project));
                }
                PlannedSpan content = part(byKey, a.content(), at);
                PlannedSpan source = a.source() == null ? null : part(byKey, a.source(), at);
                PlannedSpan cue = a.cue() == null ? null : part(byKey, a.cue(), at);
                if (!project.hasRole(content.span().label(), LabelKind.CONTENT)) {
                    throw new InvalidRequestException(at + ": the content must be a "
                            + AnnotationService.roleName(project, LabelKind.CONTENT) + " span, not "
                            + content.span().label());
                }
                if (source != null && !project.hasRole(source.span().label(), LabelKind.SOURCE)) {
                    throw new InvalidRequestException(at + ": the source must be a "
                            + AnnotationService.roleName(project, LabelKind.SOURCE) + " span, not "
                            + source.span().label());
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
        // JDBC batches: a JPA save per row costs a statement and a round trip each (see docs/benchmarks.md)
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Long> ids = insertSpans(plannedSpans.stream().map(p -> new SpanRow(p.documentId(), p.userId(),
                p.span().label(), p.span().start(), p.span().end())).toList(), now);
        Map<PlannedSpan, Long> stored = new IdentityHashMap<>();
        List<Object[]> values = new ArrayList<>();
        Map<Long, Long> changedDocuments = new java.util.LinkedHashMap<>();
        for (int i = 0; i < plannedSpans.size(); i++) {
            PlannedSpan p = plannedSpans.get(i);
            long id = ids.get(i);
            stored.put(p, id);
            changedDocuments.putIfAbsent(p.documentId(), id);
            p.span().attributes().forEach((name, value) -> values.add(new Object[] {id, name, value}));
        }
        // the search index re-reads a whole document per event: one event per changed document is enough
        changedDocuments.forEach((doc, span) -> events.publishEvent(new SpanChanged(slug, doc, span,
                SpanChanged.Change.CREATED)));
        jdbc.getJdbcTemplate().batchUpdate("insert into span_attribute (span_id, name, val) values (?, ?, ?)", values);
        List<Object[]> links = new ArrayList<>();
        for (PlannedAttribution p : plannedAttributions) {
            var a = p.attribution();
            links.add(new Object[] {p.documentId(), p.userId(),
                    a.source() == null ? null : stored.get(p.spans().get(a.source())),
                    a.cue() == null ? null : stored.get(p.spans().get(a.cue())), stored.get(p.spans().get(a.content())),
                    now});
        }
        jdbc.getJdbcTemplate().batchUpdate("insert into attribution (document_id, user_id, source_span_id, cue_span_id,"
                + " content_span_id, created_at) values (?, ?, ?, ?, ?, ?)", links);
        // the audit trail: one entry per document, with what was imported into it and for whom
        Map<Long, Map<String, Integer>> perDocument = new java.util.LinkedHashMap<>();
        Map<Long, String> userNames = new HashMap<>();
        owners.values().forEach(o -> userNames.put(o.userId(), o.username()));
        userNames.put(actor.userId(), actor.username());
        for (PlannedSpan p : plannedSpans) {
            perDocument.computeIfAbsent(p.documentId(), k -> new java.util.TreeMap<>())
                    .merge("spans of " + userNames.getOrDefault(p.userId(), "user " + p.userId()), 1, Integer::sum);
        }
        for (PlannedAttribution p : plannedAttributions) {
            perDocument.computeIfAbsent(p.documentId(), k -> new java.util.TreeMap<>())
                    .merge("attributions of " + userNames.getOrDefault(p.userId(), "user " + p.userId()), 1,
                            Integer::sum);
        }
        perDocument.forEach((doc, counts) -> auditLog.record(new AuditLog.Who(actor.userId(), actor.username()),
                "annotations.import", AuditLog.Target.document(project.id(), doc), null, counts));
        return new AnnotationImport.Summary(docs.size(), plannedSpans.size(), plannedAttributions.size());
    }

    /** (document id, user id, label, start, end) of the spans already stored in these documents. */
    private Set<List<Object>> existingSpans(List<Long> documentIds) {
        Set<List<Object>> keys = new HashSet<>();
        for (int i = 0; i < documentIds.size(); i += 500) {
            String in = inList(documentIds.subList(i, Math.min(documentIds.size(), i + 500)));
            jdbc.getJdbcTemplate().query("select document_id, user_id, label, start_cp, end_cp from span"
                    + " where document_id in " + in, rs -> {
                        keys.add(List.of(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5)));
                    });
        }
        return keys;
    }

    /** Inserts spans in JDBC batches of 1,000 and returns their generated ids, in order. */
    private List<Long> insertSpans(List<SpanRow> planned, OffsetDateTime now) {
        List<Long> ids = new ArrayList<>(planned.size());
        jdbc.getJdbcTemplate().execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into span (document_id, user_id, label,"
                    + " start_cp, end_cp, created_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                for (int i = 0; i < planned.size(); i++) {
                    SpanRow row = planned.get(i);
                    insert.setLong(1, row.documentId());
                    insert.setLong(2, row.userId());
                    insert.setString(3, row.label());
                    insert.setInt(4, row.start());
                    insert.setInt(5, row.end());
                    insert.setObject(6, now);
                    insert.addBatch();
                    if ((i + 1) % 1000 == 0 || i == planned.size() - 1) {
                        insert.executeBatch();
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            while (keys.next()) {
                                ids.add(keys.getLong(1));
                            }
                        }
                    }
                }
            }
            return null;
        });
        if (ids.size() != planned.size()) {
            throw new IllegalStateException("The database returned " + ids.size() + " ids for " + planned.size()
                    + " spans");
        }
        return ids;
    }

    private record SpanRow(long documentId, long userId, String label, int start, int end) {
    }

    /**
     * Every text of an imported document must be valid text ({@link ValidText}), refused with its place in the file and
     * the field: the document's text and name, span labels, texts, annotators, attribute names and values.
     */
    private static void checkValidText(AnnotationImport.ImportedDocument d) {
        String where = d.where() == null ? "document " + Quote.of(d.name()) : d.where();
        require(where, "text", d.text());
        require(where, "name", d.name());
        for (AnnotationImport.ImportedSpan s : d.spans()) {
            String at = where + ", span " + s.key();
            require(at, "label", s.label());
            require(at, "text", s.text());
            require(at, "annotator", s.annotator());
            require(at, "provenance", s.provenance());
            for (Map.Entry<String, String> a : s.attributes().entrySet()) {
                require(at, "attribute", a.getKey());
                require(at, a.getKey(), a.getValue());
            }
        }
        for (AnnotationImport.ImportedAttribution a : d.attributions()) {
            require(where + ", attribution " + a.key(), "annotator", a.annotator());
        }
    }

    private static void require(String where, String field, String value) {
        String problem = ValidText.problem(value);
        if (problem != null) {
            throw new InvalidRequestException(where + ": " + Quote.of(field) + " " + problem);
        }
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
        throw new InvalidRequestException(where + ": no document in the project matches " + Quote.of(d.name())
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
            throw new ForbiddenException(at + ": only admins may import annotations of another user ("
                    + Quote.of(annotator) + ")");
        }
        return owners.computeIfAbsent(annotator, name -> users.findActor(name).orElseThrow(
                () -> new InvalidRequestException(at + ": unknown annotator " + Quote.of(name))));
    }
}
