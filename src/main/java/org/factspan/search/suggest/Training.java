package org.factspan.search.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
     * One document: its text, each annotator's spans as a training document, and the gold standard (the union of the
     * annotators' spans, each extent and label once). Offsets are UTF-16.
     */
    record Doc(long id, String text, List<Recommender.TrainingDocument> byAnnotator, Set<Recommender.Extent> gold) {
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
        Map<String, List<Recommender.Extent>> byAnnotator = new LinkedHashMap<>();
        Set<Recommender.Extent> gold = new LinkedHashSet<>();
        for (SpanInfo s : d.spans()) {
            var e = new Recommender.Extent(cp.toUtf16(s.start()), cp.toUtf16(s.end()), s.label());
            byAnnotator.computeIfAbsent(s.annotator(), k -> new ArrayList<>()).add(e);
            gold.add(e);
        }
        List<Recommender.TrainingDocument> training = byAnnotator.values().stream()
                .map(spans -> new Recommender.TrainingDocument(text, spans)).toList();
        return new Doc(d.document().id(), text, training, gold);
    }
}
