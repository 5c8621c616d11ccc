package org.factspan.annotation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.factspan.corpus.SpanStatistics;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link SpanStatistics} over the stored spans: one native query per question, no entities loaded. */
@Component
class StoredSpanStatistics implements SpanStatistics {

    private static final String OF_PROJECT = " from span s join document d on d.id = s.document_id"
            + " where d.project_id = :project";

    @PersistenceContext
    private EntityManager em;

    @Override
    @Transactional(readOnly = true)
    public List<Tally> tally(long projectId) {
        List<Tally> result = new ArrayList<>();
        for (Object row : em.createNativeQuery("select s.document_id, s.user_id, s.label, count(*)" + OF_PROJECT
                + " group by s.document_id, s.user_id, s.label").setParameter("project", projectId).getResultList()) {
            Object[] r = (Object[]) row;
            result.add(new Tally(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    ((Number) r[3]).longValue()));
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public long spansWithLabel(long projectId, String label) {
        return count("select count(*)" + OF_PROJECT + " and s.label = :label", projectId, label);
    }

    @Override
    @Transactional(readOnly = true)
    public long spansWithLabelInAttributions(long projectId, String label) {
        return count("select count(*)" + OF_PROJECT + " and s.label = :label and exists (select 1 from attribution a"
                + " where a.source_span_id = s.id or a.cue_span_id = s.id or a.content_span_id = s.id)", projectId,
                label);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ValueCount> attributeValues(long projectId, String label) {
        List<ValueCount> result = new ArrayList<>();
        for (Object row : em.createNativeQuery("select v.name, v.val, count(*) from span_attribute v"
                + " join span s on s.id = v.span_id join document d on d.id = s.document_id"
                + " where d.project_id = :project and s.label = :label group by v.name, v.val")
                .setParameter("project", projectId).setParameter("label", label).getResultList()) {
            Object[] r = (Object[]) row;
            result.add(new ValueCount((String) r[0], (String) r[1], ((Number) r[2]).longValue()));
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public long collisionsIfRelabelled(long projectId, String from, String to) {
        return ((Number) em.createNativeQuery("select count(*)" + OF_PROJECT + " and s.label = :from and exists"
                + " (select 1 from span t where t.document_id = s.document_id and t.user_id = s.user_id"
                + " and t.label = :to and t.start_cp = s.start_cp and t.end_cp = s.end_cp)")
                .setParameter("project", projectId).setParameter("from", from).setParameter("to", to)
                .getSingleResult()).longValue();
    }

    @Override
    @Transactional
    public long relabelAll(long projectId, String from, String to, BiPredicate<String, String> keep) {
        em.flush();
        for (ValueCount v : attributeValues(projectId, from)) {
            if (!keep.test(v.attribute(), v.value())) {
                em.createNativeQuery("delete from span_attribute where name = :name and val = :val and span_id in"
                        + " (select s.id" + OF_PROJECT + " and s.label = :label)")
                        .setParameter("name", v.attribute()).setParameter("val", v.value())
                        .setParameter("project", projectId).setParameter("label", from).executeUpdate();
            }
        }
        int changed = em.createNativeQuery("update span set label = :to where label = :from and document_id in"
                + " (select d.id from document d where d.project_id = :project)")
                .setParameter("to", to).setParameter("from", from).setParameter("project", projectId).executeUpdate();
        return changed;
    }

    private long count(String sql, long projectId, String label) {
        return ((Number) em.createNativeQuery(sql).setParameter("project", projectId).setParameter("label", label)
                .getSingleResult()).longValue();
    }
}
