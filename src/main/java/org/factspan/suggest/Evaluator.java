package org.factspan.suggest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.factspan.corpus.LabelInfo;
import org.springframework.stereotype.Component;

/**
 * Cross-validation by document: the annotated documents are dealt into {@value #MAX_FOLDS} folds (fewer when there
 * are fewer documents), each fold is held back while the recommenders train on the rest, and their predictions on it
 * are compared with the union of the annotators' spans there.
 */
@Component
class Evaluator {

    static final int MAX_FOLDS = 5;

    private final Clock clock;

    Evaluator(Clock clock) {
        this.clock = clock;
    }

    EvaluationReport evaluate(List<Recommender> recommenders, List<LabelInfo> schema, List<Training.Doc> docs) {
        if (docs.size() < 2) {
            return new EvaluationReport(clock.instant(), docs.size(), 0, List.of(),
                    "Needs at least two documents with spans (has " + docs.size() + ")");
        }
        int folds = Math.min(MAX_FOLDS, docs.size());
        List<EvaluationReport.RecommenderScores> out = new ArrayList<>();
        for (Recommender r : recommenders) {
            Set<String> labels = r.labels(schema);
            Scores scores = Scores.EMPTY;
            for (int fold = 0; fold < folds; fold++) {
                List<Recommender.TrainingDocument> train = new ArrayList<>();
                List<Training.Doc> test = new ArrayList<>();
                for (int i = 0; i < docs.size(); i++) {
                    if (i % folds == fold) {
                        test.add(docs.get(i));
                    } else {
                        train.add(docs.get(i).training());
                    }
                }
                Recommender.Model model = r.train(schema, train);
                for (Training.Doc d : test) {
                    List<Recommender.Extent> predicted = model.predict(d.text()).stream()
                            .filter(p -> labels.contains(p.label())).map(Recommender.Prediction::extent).toList();
                    List<Recommender.Extent> gold = d.gold().stream().filter(e -> labels.contains(e.label())).toList();
                    scores = scores.add(Scores.of(predicted, gold));
                }
            }
            out.add(new EvaluationReport.RecommenderScores(r.id(), r.title(), scores));
        }
        return new EvaluationReport(clock.instant(), docs.size(), folds, out, null);
    }
}
