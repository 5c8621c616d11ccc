package org.factspan.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The two reads every call that names a project or edits a document makes, in plain SQL: the project with the
 * caller's membership and its label schema, and a document with the caller's assignment. They run on every span
 * save (issue 14: four statements per save); read through JPA they cost more CPU than the save itself (entities
 * built for a cartesian of labels and attributes, then dirty-checked at commit). Decision 025.
 */
@Component
class AccessReads {

    private final JdbcTemplate jdbc;

    AccessReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The project named {@code slug} as {@code userId} sees it (role empty when not a member), or empty. */
    Optional<ProjectInfo> project(String slug, long userId) {
        ProjectRowsHandler rows = new ProjectRowsHandler();
        jdbc.query("select p.id, p.slug, p.name, p.description, p.guidelines, p.snap_words, p.archived,"
                + " p.allow_overlap, p.annotators_per_document, p.suggestion_threshold, m.role,"
                + " l.id, l.name, l.title, l.hotkey, l.letter, l.color, l.kind, a.name, a.kind, a.options"
                + " from project p left join project_member m on m.project_id = p.id and m.user_id = ?"
                + " left join label l on l.project_id = p.id left join label_attribute a on a.label_id = l.id"
                + " where p.slug = ? order by l.position, l.id, a.position, a.id", rows, userId, slug);
        return rows.project();
    }

    /** A document of the project with the user's assignment state, and whether the project assigns work at all. */
    record DocumentAccess(DocumentRow row, boolean assigned, boolean finished, boolean projectAssigns) {
    }

    Optional<DocumentAccess> document(long documentId, long projectId, long userId) {
        List<DocumentAccess> found = jdbc.query("select d.id, d.name, d.title, d.length_cp, d.sha256, d.meta,"
                + " d.published, d.published_expression, d.published_source, d.time_zone, a.id, a.status,"
                + " case when exists (select x.id from assignment x join document y on y.id = x.document_id"
                + " where y.project_id = ?) then true else false end"
                + " from document d left join assignment a on a.document_id = d.id and a.user_id = ?"
                + " where d.id = ? and d.project_id = ?", (rs, n) -> {
                    rs.getLong(11);
                    boolean assigned = !rs.wasNull();
                    return new DocumentAccess(new DocumentRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10)), assigned,
                            assigned && Assignment.Status.FINISHED.name().equals(rs.getString(12)), rs.getBoolean(13));
                }, projectId, userId, documentId, projectId);
        return found.stream().findFirst();
    }

    /** Folds the rows (project x label x attribute, schema order) into one {@link ProjectInfo}. */
    private static final class ProjectRowsHandler implements org.springframework.jdbc.core.RowCallbackHandler {
        private ProjectRow project;
        private final Map<Long, LabelRow> labels = new LinkedHashMap<>();

        private record ProjectRow(long id, String slug, String name, String description, String guidelines,
                boolean snapWords, boolean archived, boolean allowOverlap, int annotatorsPerDocument,
                double suggestionThreshold, String role) {
        }

        private record LabelRow(String name, String title, String key, String letter, String color, LabelKind kind,
                List<AttributeDef> attributes) {
        }

        @Override
        public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
            if (project == null) {
                project = new ProjectRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9),
                        rs.getDouble(10), rs.getString(11));
            }
            long labelId = rs.getLong(12);
            if (rs.wasNull()) {
                return;
            }
            LabelRow label = labels.computeIfAbsent(labelId, id -> {
                try {
                    return new LabelRow(rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
                            rs.getString(17), LabelKind.valueOf(rs.getString(18)), new ArrayList<>());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String attribute = rs.getString(19);
            if (attribute != null) {
                label.attributes().add(LabelAttribute.def(attribute, new AttributeKind(rs.getString(20)),
                        rs.getString(21)));
            }
        }

        Optional<ProjectInfo> project() {
            if (project == null) {
                return Optional.empty();
            }
            ProjectRow p = project;
            List<LabelInfo> schema = labels.values().stream().map(l -> new LabelInfo(l.name(), l.title(), l.key(),
                    l.letter(), l.color(), l.kind(), l.attributes())).toList();
            return Optional.of(new ProjectInfo(p.id(), p.slug(), p.name(), p.description(), p.guidelines(),
                    p.snapWords(), Optional.ofNullable(p.role()).map(ProjectRole::valueOf), schema, p.archived(),
                    p.allowOverlap(), p.annotatorsPerDocument(), p.suggestionThreshold()));
        }
    }
}
