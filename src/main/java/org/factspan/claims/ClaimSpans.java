package org.factspan.claims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads claim spans of any owner (gold or an annotator) with their attributes and the sources and cues of their
 * attribution triples: the read model behind clusters and suggestions. No permission checks here: only
 * {@link ClaimService} uses it, after its own checks. Offsets are code points.
 */
@Component
class ClaimSpans {

    /**
     * A claim span; {@code gold}: owned by the gold standard. Sources and cues as code point ranges; {@code time}: the
     * reference time a curator typed for it (null: read from the text; decision 019).
     */
    record ClaimSpan(long id, long documentId, String owner, boolean gold, int start, int end,
            Map<String, String> attributes, List<int[]> sources, List<int[]> cues, String time) {
    }

    private static final String SELECT = "select s.id, s.document_id, u.username, u.system_account, s.start_cp, s.end_cp"
            + " from span s join app_user u on u.id = s.user_id join document d on d.id = s.document_id"
            + " join label l on l.project_id = d.project_id and l.name = s.label"
            + " where d.project_id = ? and l.kind = 'CONTENT'"; // the label with the content role, whatever its name

    private final JdbcTemplate jdbc;

    ClaimSpans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every claim span of the project. */
    List<ClaimSpan> ofProject(long projectId) {
        return load(projectId, null);
    }

    /** The claim spans with these ids in the project (others are left out). */
    Map<Long, ClaimSpan> byIds(long projectId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return load(projectId, ids).stream().collect(Collectors.toMap(ClaimSpan::id, s -> s, (a, b) -> a,
                LinkedHashMap::new));
    }

    /** A span's label and document. */
    record Located(String label, long documentId) {
    }

    /** The label and document of a span of the project, or null when the project has no such span. */
    Located locate(long projectId, long spanId) {
        List<Located> found = jdbc.query("select s.label, s.document_id from span s join document d"
                + " on d.id = s.document_id where d.project_id = ? and s.id = ?",
                (r, i) -> new Located(r.getString(1), r.getLong(2)), projectId, spanId);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<ClaimSpan> load(long projectId, Collection<Long> ids) {
        String only = ids == null ? "" : " and s.id in (" + ids.stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + ")";
        record Row(long id, long doc, String owner, boolean gold, int start, int end) {
        }
        List<Row> rows = jdbc.query(SELECT + only + " order by s.document_id, s.start_cp, s.end_cp, s.id",
                (r, i) -> new Row(r.getLong(1), r.getLong(2), r.getString(3), r.getBoolean(4), r.getInt(5),
                        r.getInt(6)), projectId);
        if (rows.isEmpty()) {
            return List.of();
        }
        String spanIds = rows.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(","));
        Map<Long, Map<String, String>> attributes = new HashMap<>();
        jdbc.query("select span_id, name, val from span_attribute where span_id in (" + spanIds + ")", r -> {
            attributes.computeIfAbsent(r.getLong(1), k -> new TreeMap<>()).put(r.getString(2), r.getString(3));
        });
        Map<Long, String> times = new HashMap<>();
        jdbc.query("select span_id, expression from claim_time where span_id in (" + spanIds + ")", r -> {
            times.put(r.getLong(1), r.getString(2));
        });
        Map<Long, List<int[]>> sources = new HashMap<>();
        Map<Long, List<int[]>> cues = new HashMap<>();
        jdbc.query("select t.content_span_id, src.start_cp, src.end_cp, cue.start_cp, cue.end_cp from attribution t"
                + " left join span src on src.id = t.source_span_id left join span cue on cue.id = t.cue_span_id"
                + " where t.content_span_id in (" + spanIds + ") order by t.id", r -> {
                    long content = r.getLong(1);
                    int s = r.getInt(2);
                    if (!r.wasNull()) {
                        sources.computeIfAbsent(content, k -> new ArrayList<>()).add(new int[] {s, r.getInt(3)});
                    }
                    int c = r.getInt(4);
                    if (!r.wasNull()) {
                        cues.computeIfAbsent(content, k -> new ArrayList<>()).add(new int[] {c, r.getInt(5)});
                    }
                });
        return rows.stream().map(r -> new ClaimSpan(r.id(), r.doc(), r.owner(), r.gold(), r.start(), r.end(),
                attributes.getOrDefault(r.id(), Map.of()), sources.getOrDefault(r.id(), List.of()),
                cues.getOrDefault(r.id(), List.of()), times.get(r.id()))).toList();
    }
}
