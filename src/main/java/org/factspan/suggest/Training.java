package org.factspan.suggest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.factspan.annotation.AnnotatedDocument;
import org.factspan.annotation.AnnotationExchangeService;
import org.factspan.annotation.AnnotationFilter;
import org.factspan.annotation.SpanInfo;
import org.factspan.base.CodePoints;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.springframework.stereotype.Component;

/**
 * What the recommenders learn from and are measured against: every annotator's spans of a project. Read as
 * {@link #SYSTEM} (an admin that is nobody); callers check the user's rights first.
 */
@Component
class Training {

    /** Reads every annotator's work for training; no such user exists. */
    static final Actor SYSTEM = new Actor(0, "system", Role.ADMIN);

    /**
     * One document: its text and the union of the annotators' spans (each extent and label once), which is both what
     * the recommenders learn from and the gold standard they are measured against. Offsets are UTF-16. The union, not
     * one training document per annotator: annotators who have labeled only part of a document would otherwise teach
     * that everything they have not labeled yet is nothing.
     */
    record Doc(long id, String text, Set<Recommender.Extent> gold) {

        Recommender.TrainingDocument training() {
            return new Recommender.TrainingDocument(text, List.copyOf(gold));
        }
    }

    private final AnnotationExchangeService exchange;

    Training(AnnotationExchangeService exchange) {
        this.exchange = exchange;
    }

    /** The project's documents that have spans, in project order. */
    List<Doc> load(String slug) {
        List<Doc> docs = new ArrayList<>();
        exchange.forEachDocument(SYSTEM, slug, AnnotationExchangeService.ALL, AnnotationFilter.none(), d -> {
            if (!d.spans().isEmpty()) {
                docs.add(toDoc(d));
            }
        });
        return docs;
    }

    private static Doc toDoc(AnnotatedDocument d) {
        String text = d.document().text();
        CodePoints cp = CodePoints.of(text);
        Set<Recommender.Extent> gold = new LinkedHashSet<>();
        for (SpanInfo s : d.spans()) {
            gold.add(new Recommender.Extent(cp.toUtf16(s.start()), cp.toUtf16(s.end()), s.label()));
        }
        return new Doc(d.document().id(), text, gold);
    }
}
