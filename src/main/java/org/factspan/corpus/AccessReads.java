package org.factspan.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reads every call that names a project or edits a document makes, in plain SQL: the project with the caller's
 * membership and its label schema, and for a write the document with the caller's assignment in the same statement.
 * They run on every span save (issue 14: three statements per save, this read, the span insert and the audit
 * insert); read through JPA they cost more CPU than the save itself (entities built for a cartesian of labels and
 * attributes, then dirty-checked at commit). Decision 025.
 */
@Component
class AccessReads {

    private final JdbcTemplate jdbc;

    AccessReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The project named {@code slug} as {@code userId} sees it (role empty when not a member), or empty. The project
     * row and the membership are read every time; the label schema comes from {@link #schemas} when the project's
     * newest label id is the one it was read with (decision 025).
     */
    Optional<ProjectInfo> project(String slug, long userId) {
        return jdbc.query("select " + PROJECT_COLUMNS + " from project p" + MEMBERSHIP + " where p.slug = ?",
                (rs, n) -> projectRow(rs), userId, slug).stream().findFirst().map(this::withSchema);
    }

    /**
     * As {@link #project(String, long)}, with the project's document {@code documentId} and the user's assignment in
     * the same statement (the document empty when the project has no such document): every span and triple write
     * starts here, and one statement costs less than two (issue 14).
     */
    Optional<ProjectAndDocument> projectAndDocument(String slug, long userId, long documentId) {
        List<Read> found = jdbc.query("select " + PROJECT_COLUMNS + ", " + DOCUMENT_COLUMNS
                + " from project p" + MEMBERSHIP + " left join document d on d.id = ? and d.project_id = p.id"
                + " left join assignment a on a.document_id = d.id and a.user_id = ? where p.slug = ?",
                (rs, n) -> new Read(projectRow(rs), documentAccess(rs, 13)), userId, documentId, userId, slug);
        return found.stream().findFirst()
                .map(r -> new ProjectAndDocument(withSchema(r.project()), Optional.ofNullable(r.document())));
    }

    /** A project as the user sees it, with one of its documents if there is one by the id asked for. */
    record ProjectAndDocument(ProjectInfo project, Optional<DocumentAccess> document) {
    }

    private record Read(ProjectRow project, DocumentAccess document) {
    }

    /** The project's columns (12, in {@link ProjectRow}'s order), read with {@link #MEMBERSHIP}. */
    private static final String PROJECT_COLUMNS = "p.id, p.slug, p.name, p.description, p.guidelines, p.snap_words,"
            + " p.archived, p.allow_overlap, p.annotators_per_document, p.suggestion_threshold, m.role,"
            + " (select max(l.id) from label l where l.project_id = p.id)";
    /** The user's membership of project {@code p}; its one parameter is the user's id. */
    private static final String MEMBERSHIP = " left join project_member m on m.project_id = p.id and m.user_id = ?";
    /**
     * A document {@code d}, the user's assignment {@code a} to it and whether project {@code p} assigns work at all
     * (13 columns, read by {@link #documentAccess}).
     */
    private static final String DOCUMENT_COLUMNS = "d.id, d.name, d.title, d.length_cp, d.sha256, d.meta, d.published,"
            + " d.published_expression, d.published_source, d.time_zone, a.id, a.status,"
            + " case when exists (select x.id from assignment x join document y on y.id = x.document_id"
            + " where y.project_id = p.id) then true else false end";

    private static ProjectRow projectRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ProjectRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9), rs.getDouble(10),
                rs.getString(11), rs.getLong(12));
    }

    /** The document columns ({@link #DOCUMENT_COLUMNS}) from column {@code first} on; null when no document. */
    private static DocumentAccess documentAccess(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        long id = rs.getLong(first);
        if (rs.wasNull()) {
            return null;
        }
        rs.getLong(first + 10);
        boolean assigned = !rs.wasNull();
        return new DocumentAccess(new DocumentRow(id, rs.getString(first + 1), rs.getString(first + 2),
                rs.getInt(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
                rs.getString(first + 7), rs.getString(first + 8), rs.getString(first + 9)), assigned,
                assigned && Assignment.Status.FINISHED.name().equals(rs.getString(first + 11)),
                rs.getBoolean(first + 12));
    }

    /** The project with its label schema, from {@link #schemas} while its newest label id is unchanged. */
    private ProjectInfo withSchema(ProjectRow p) {
        List<LabelInfo> schema = schemas.get(new SchemaKey(p.id(), p.newestLabel()), key -> labels(key.project()));
        return new ProjectInfo(p.id(), p.slug(), p.name(), p.description(), p.guidelines(), p.snapWords(),
                Optional.ofNullable(p.role()).map(ProjectRole::valueOf), schema, p.archived(), p.allowOverlap(),
                p.annotatorsPerDocument(), p.suggestionThreshold());
    }

    /**
     * A project's label schema as read with its newest label id. Labels and their attributes are never changed in
     * place: a schema change deletes them all and inserts the new schema (ids only grow), so the newest id names the
     * schema, on every instance. Bounded; an entry of a replaced schema is simply never asked for again.
     */
    private record SchemaKey(long project, long newestLabel) {
    }

    private final com.github.benmanes.caffeine.cache.Cache<SchemaKey, List<LabelInfo>> schemas =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1_000).build();

    private record ProjectRow(long id, String slug, String name, String description, String guidelines,
            boolean snapWords, boolean archived, boolean allowOverlap, int annotatorsPerDocument,
            double suggestionThreshold, String role, long newestLabel) {
    }

    /** The project's labels with their attributes, in schema order, as stored now (the one reader of the schema). */
    List<LabelInfo> labels(long projectId) {
        LabelRowsHandler rows = new LabelRowsHandler();
        jdbc.query("select l.id, l.name, l.title, l.hotkey, l.letter, l.color, l.kind, a.name, a.kind, a.options"
                + " from label l left join label_attribute a on a.label_id = l.id where l.project_id = ?"
                + " order by l.position, l.id, a.position, a.id", rows, projectId);
        return rows.labels();
    }

    /** A document of the project with the user's assignment state, and whether the project assigns work at all. */
    record DocumentAccess(DocumentRow row, boolean assigned, boolean finished, boolean projectAssigns) {
    }

    /** Folds the rows (label x attribute, schema order) into the labels. */
    private static final class LabelRowsHandler implements org.springframework.jdbc.core.RowCallbackHandler {
        private final Map<Long, LabelRow> labels = new LinkedHashMap<>();

        private record LabelRow(String name, String title, String key, String letter, String color, LabelKind kind,
                List<AttributeDef> attributes) {
        }

        @Override
        public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
            long labelId = rs.getLong(1);
            LabelRow label = labels.get(labelId);
            if (label == null) {
                label = new LabelRow(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), LabelKind.valueOf(rs.getString(7)), new ArrayList<>());
                labels.put(labelId, label);
            }
            String attribute = rs.getString(8);
            if (attribute != null) {
                label.attributes().add(LabelAttribute.def(attribute, new AttributeKind(rs.getString(9)),
                        rs.getString(10)));
            }
        }

        List<LabelInfo> labels() {
            return labels.values().stream().map(l -> new LabelInfo(l.name(), l.title(), l.key(), l.letter(),
                    l.color(), l.kind(), l.attributes())).toList();
        }
    }
}
