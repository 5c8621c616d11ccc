package org.factspan.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenNLP recommender: learns from a small fixed corpus, and its figures on the hand-labeled seeds. */
class OpenNlpRecommenderTest {

    /** Sentences "NAME said ...", with the name and the cue labeled. */
    static final String[][] CORPUS = {
        {"Maria Lopez", "said", "the bridge would reopen in May."},
        {"John Smith", "said", "taxes would not rise this year."},
        {"Ahmed Khan", "said", "the talks had failed."},
        {"Olga Petrova", "said", "prices fell by four percent."},
        {"Li Wei", "said", "the factory would close."},
        {"Sara Cohen", "said", "nobody was hurt in the fire."},
        {"Tom Baker", "said", "the vote was postponed."},
        {"Anna Berg", "said", "the river had flooded two villages."},
    };

    static Recommender.TrainingDocument document(String[][] sentences) {
        StringBuilder text = new StringBuilder();
        List<Recommender.Extent> spans = new ArrayList<>();
        for (String[] s : sentences) {
            int name = text.length();
            text.append(s[0]).append(' ');
            int cue = text.length();
            text.append(s[1]).append(' ').append(s[2]).append(' ');
            spans.add(new Recommender.Extent(name, name + s[0].length(), "SOURCE"));
            spans.add(new Recommender.Extent(cue, cue + s[1].length(), "ATTRIBUTION"));
        }
        return new Recommender.TrainingDocument(text.toString().strip(), spans);
    }

    @Test
    void learnsCuesAndSourcesFromASmallCorpusAndSuggestsThemInNewText() {
        Recommender recommender = new OpenNlpRecommender();
        List<Recommender.TrainingDocument> training = List.of(document(CORPUS), document(new String[][] {CORPUS[3],
                CORPUS[1], CORPUS[6], CORPUS[0]}));
        Recommender.Model model = recommender.train(AttributionPatternsTest.SCHEMA, training);
        assertThat(model.trainedOn()).containsEntry("SOURCE", 12).containsEntry("ATTRIBUTION", 12)
                .doesNotContainKey("CLAIM");

        String text = "Peter Novak said the school would open again. The weather was cold.";
        List<Recommender.Prediction> predictions = model.predict(text);
        assertThat(predictions).extracting(p -> p.label() + ":" + text.substring(p.start(), p.end()))
                .contains("SOURCE:Peter Novak", "ATTRIBUTION:said");
        assertThat(predictions).allSatisfy(p -> assertThat(p.score()).isBetween(0.0, 1.0));
        assertThat(predictions).noneMatch(p -> text.substring(p.start(), p.end()).contains("weather"));
    }

    @Test
    void sentencesNobodyLabeledYetTeachNothing() {
        // a second document in which the annotator has so far labeled one sentence of eight
        String[][] unlabeled = {{"Karl Marx", "said", "the bridge was old."}, {"Rosa Park", "said", "it rained."},
            {"Ivan Ilyich", "said", "the shop closed."}, {"Eva Long", "said", "the bus was late."},
            {"Omar Sy", "said", "the film won."}, {"Jan Novak", "said", "the lake froze."},
            {"Pia Berg", "said", "prices rose."}};
        var full = document(CORPUS);
        var partial = document(unlabeled);
        var oneLabeled = new Recommender.TrainingDocument(partial.text(), partial.spans().subList(0, 2));
        Recommender.Model model = new OpenNlpRecommender().train(AttributionPatternsTest.SCHEMA, List.of(full,
                oneLabeled));
        String text = "Peter Novak said the school would open again.";
        assertThat(model.predict(text)).extracting(p -> p.label() + ":" + text.substring(p.start(), p.end()))
                .contains("SOURCE:Peter Novak", "ATTRIBUTION:said");
    }

    @Test
    void aLabelWithTooFewSpansGetsNoModel() {
        var doc = new Recommender.TrainingDocument("Li Wei said so. Tom Baker said no.", List.of(
                new Recommender.Extent(0, 6, "SOURCE"), new Recommender.Extent(7, 11, "ATTRIBUTION")));
        Recommender.Model model = new OpenNlpRecommender().train(AttributionPatternsTest.SCHEMA, List.of(doc));
        assertThat(model.trainedOn()).isEmpty();
        assertThat(model.predict("Anna Berg said yes.")).isEmpty();
    }

    /** Leave-one-article-out over the hand-labeled seeds: train on four, suggest in the fifth. */
    @Test
    void precisionAndRecallOnTheHandLabeledSeeds() {
        List<SeedGold.Article> articles = SeedGold.load();
        Scores scores = Scores.EMPTY;
        for (SeedGold.Article heldOut : articles) {
            List<Recommender.TrainingDocument> training = articles.stream().filter(a -> a != heldOut)
                    .map(a -> new Recommender.TrainingDocument(a.text(), a.gold())).toList();
            Recommender.Model model = new OpenNlpRecommender().train(AttributionPatternsTest.SCHEMA, training);
            List<Recommender.Extent> predicted = model.predict(heldOut.text()).stream()
                    .map(Recommender.Prediction::extent).toList();
            scores = scores.add(Scores.of(predicted, heldOut.gold()));
        }
        System.out.printf("opennlp on the seeds (leave one article out): %s%n", Figures.describe(scores));
        assertThat(scores.label("ATTRIBUTION").recall()).isGreaterThanOrEqualTo(0.65);
        assertThat(scores.label("ATTRIBUTION").precision()).isGreaterThanOrEqualTo(0.85);
        assertThat(scores.label("SOURCE").recall()).isGreaterThanOrEqualTo(0.3);
        assertThat(scores.label("SOURCE").precision()).isGreaterThanOrEqualTo(0.55);
    }
}
