package org.factspan.suggest;

import java.util.List;
import java.util.Set;
import org.factspan.corpus.LabelInfo;

/**
 * Proposes spans. One small class per recommender with a stable {@link #id()} (stored with accepted suggestions and
 * per-project settings); Spring collects them all. Offsets in this interface are Java string (UTF-16) indexes, end
 * exclusive: recommenders work on plain strings, and {@link SuggestionService} converts to and from code points.
 */
public interface Recommender {

    /** Stable id, e.g. {@code patterns}; lower case letters, digits and {@code -}. */
    String id();

    /** A short name for people. */
    String title();

    /** One sentence on how it works. */
    String description();

    /** The labels of this schema it can propose (empty: it has nothing to offer this project). */
    Set<String> labels(List<LabelInfo> schema);

    /**
     * A model learnt from the documents (each with one annotator's spans); a rule-based recommender ignores them.
     * May take a while: callers run it in the background.
     */
    Model train(List<LabelInfo> schema, List<TrainingDocument> documents);

    /** What a recommender predicts with. Must be safe to use from several threads. */
    interface Model {

        List<Prediction> predict(String text);

        /** Spans learnt from, per label (empty for rule-based models). */
        default java.util.Map<String, Integer> trainedOn() {
            return java.util.Map.of();
        }
    }

    /** A document with the spans of one annotator (UTF-16 offsets). */
    record TrainingDocument(String text, List<Extent> spans) {

        public TrainingDocument {
            spans = List.copyOf(spans);
        }
    }

    /** A labeled extent (UTF-16 offsets, end exclusive). */
    record Extent(int start, int end, String label) {
    }

    /** A proposed span (UTF-16 offsets, end exclusive), with a score in [0, 1] and a short reason for people. */
    record Prediction(int start, int end, String label, double score, String reason) {

        public Extent extent() {
            return new Extent(start, end, label);
        }
    }
}
