package org.factspan.suggest;

import java.time.Instant;
import java.util.List;

/**
 * How well each recommender predicts the annotators' spans on documents it was not trained on: the annotated
 * documents in {@code folds} groups, each held back once while the others train; a prediction counts when start,
 * end and label equal one of an annotator's spans. Only the labels a recommender proposes count for it.
 */
public record EvaluationReport(Instant at, int documents, int folds, List<RecommenderScores> recommenders,
        String note) {

    /** The scores of one recommender, pooled over the folds. */
    public record RecommenderScores(String id, String title, Scores scores) {
    }

    public EvaluationReport {
        recommenders = List.copyOf(recommenders);
    }
}
