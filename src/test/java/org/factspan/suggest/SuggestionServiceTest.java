package org.factspan.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.factspan.FreshProject;
import org.factspan.TestData;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.annotation.SpanSuggestions.Suggestion;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.corpus.CorpusService;
import org.factspan.security.Actor;
import org.factspan.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.factspan.corpus.DocumentId;
import org.factspan.annotation.SpanId;

/** Suggestions through the service: code points, accept, reject, switches, retraining, evaluation, permissions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SuggestionServiceTest {

    static final String D1 = "\uD83D\uDCF0 Police said two people were arrested. The mayor told reporters it was calm.";
    static final String D2 = "Maria Lopez said the bridge would reopen. According to the ministry, prices fell.";
    static final String D3 = "John Smith said taxes would rise. Anna Berg said the vote was delayed. Li Wei said no.";

    @Autowired
    TestData data;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    AnnotationService annotations;
    @Autowired
    RecommenderModels models;
    @Autowired
    CorpusService corpus;

    FreshProject p;
    String slug;
    long d1;
    long d2;
    long d3;
    Actor ann;
    Actor other;
    Actor curator;
    Actor outsider;

    @BeforeEach
    void setUp() {
        String tag = Long.toString(System.nanoTime(), 36);
        slug = "suggest-" + tag;
        p = data.project(slug).name("Suggest " + tag).labels(TestData.claimSourceCue()).document("d1.txt", D1)
                .document("d2.txt", D2).document("d3.txt", D3).password("suggest-secret-1").annotator("ann-" + tag)
                .annotator("oth-" + tag).curator("cur-" + tag).build();
        d1 = p.document("d1.txt");
        d2 = p.document("d2.txt");
        d3 = p.document("d3.txt");
        ann = p.annotator;
        other = p.annotator2;
        curator = p.curator;
        outsider = data.user("out-" + tag, "Outsider", "suggest-secret-1", Role.CURATOR);
    }

    static List<String> shown(String text, List<Suggestion> list) {
        return list.stream().map(s -> s.label() + ":" + text.codePoints().skip(s.start()).limit(s.end() - s.start())
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).toList();
    }

    @Test
    void patternsSuggestCuesAndSourcesInCodePoints() {
        List<Suggestion> list = suggestions.suggest(ann, slug, d1);
        assertThat(shown(D1, list)).containsExactly("SOURCE:Police", "ATTRIBUTION:said", "SOURCE:The mayor",
                "ATTRIBUTION:told");
        Suggestion police = list.getFirst();
        assertThat(police.start()).isEqualTo(2); // the emoji is one code point
        assertThat(police.recommender()).isEqualTo(PatternRecommender.ID);
        assertThat(police.score()).isBetween(0.0, 1.0);
        assertThat(shown(D2, suggestions.suggest(ann, slug, d2))).contains("SOURCE:Maria Lopez", "ATTRIBUTION:said",
                "ATTRIBUTION:According to", "SOURCE:the ministry");
    }

    @Test
    void acceptingCreatesTheAnnotatorsOwnSpanRecordedWithItsRecommender() {
        Suggestion said = suggestions.suggest(ann, slug, d1).get(1);
        SpanInfo span = suggestions.accept(ann, slug, d1, said.start(), said.end(), said.label());
        assertThat(span.annotator()).isEqualTo(ann.username());
        assertThat(span.text()).isEqualTo("said");
        assertThat(annotations.listMySpans(ann, slug, d1)).extracting(SpanInfo::id).containsExactly(span.id());
        assertThat(suggestions.acceptedFrom(ann, slug, new DocumentId(d1), new SpanId(span.id()))).contains(PatternRecommender.ID);
        assertThat(suggestions.recommenders(curator, slug)).filteredOn(r -> r.id().equals(PatternRecommender.ID))
                .extracting(RecommenderStatus::accepted).containsExactly(1L);
        // no longer suggested to ann, still to other; accepting again is a conflict
        assertThat(shown(D1, suggestions.suggest(ann, slug, d1))).doesNotContain("ATTRIBUTION:said");
        assertThat(shown(D1, suggestions.suggest(other, slug, d1))).contains("ATTRIBUTION:said");
        assertThatThrownBy(() -> suggestions.accept(ann, slug, d1, said.start(), said.end(), said.label()))
                .isInstanceOf(ConflictException.class);
        // something never suggested cannot be accepted as a suggestion
        assertThatThrownBy(() -> suggestions.accept(ann, slug, d1, 0, 1, "CLAIM")).isInstanceOf(ConflictException.class);
        assertThat(annotations.listMySpans(ann, slug, d1)).hasSize(1);
    }

    @Test
    void aRejectionIsRememberedForThatAnnotatorAndDocumentOnly() {
        Suggestion police = suggestions.suggest(ann, slug, d1).getFirst();
        suggestions.reject(ann, slug, d1, police.start(), police.end(), police.label());
        assertThat(shown(D1, suggestions.suggest(ann, slug, d1))).doesNotContain("SOURCE:Police")
                .contains("ATTRIBUTION:said");
        assertThat(shown(D1, suggestions.suggest(other, slug, d1))).contains("SOURCE:Police");
        assertThat(annotations.listMySpans(ann, slug, d1)).isEmpty();
        assertThatThrownBy(() -> suggestions.reject(ann, slug, d1, police.start(), police.end(), police.label()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void curatorsSwitchRecommendersOffAndAnnotatorsMayNot() {
        assertThatThrownBy(() -> suggestions.setEnabled(ann, slug, PatternRecommender.ID, false))
                .isInstanceOf(ForbiddenException.class);
        assertThat(suggestions.suggest(ann, slug, d1)).isNotEmpty();
        RecommenderStatus off = suggestions.setEnabled(curator, slug, PatternRecommender.ID, false);
        assertThat(off.enabled()).isFalse();
        assertThat(suggestions.suggest(ann, slug, d1)).isEmpty();
        suggestions.setEnabled(curator, slug, PatternRecommender.ID, true);
        assertThat(suggestions.suggest(ann, slug, d1)).isNotEmpty();
        assertThatThrownBy(() -> suggestions.setEnabled(curator, slug, "nope", true))
                .isInstanceOf(org.factspan.base.InvalidRequestException.class).hasMessageContaining("patterns");
    }

    @Test
    void theStatisticalRecommenderLearnsFromTheTeamInTheBackground() {
        suggestions.setEnabled(curator, slug, PatternRecommender.ID, false);
        assertThat(suggestions.suggest(ann, slug, d1)).isEmpty(); // trains: no spans yet, no model
        // other labels names in d2 and d3; retraining follows in the background
        label(other, d2, D2, "Maria Lopez", "SOURCE");
        label(other, d3, D3, "John Smith", "SOURCE");
        label(other, d3, D3, "Anna Berg", "SOURCE");
        label(other, d3, D3, "Li Wei", "SOURCE");
        label(other, d2, D2, "said", "ATTRIBUTION");
        assertThat(suggestions.awaitTraining(Duration.ofSeconds(30))).isTrue();
        assertThat(suggestions.recommenders(curator, slug)).filteredOn(r -> r.id().equals(OpenNlpRecommender.ID))
                .singleElement().satisfies(r -> assertThat(r.trainedOn()).containsEntry("SOURCE", 4));
        List<Suggestion> learnt = suggestions.suggest(ann, slug, d1);
        assertThat(learnt).isNotEmpty().allMatch(s -> s.recommender().equals(OpenNlpRecommender.ID))
                .allMatch(s -> s.label().equals("SOURCE"));
    }

    @Test
    void evaluationIsForCuratorsAndMeasuresEveryRecommender() {
        assertThatThrownBy(() -> suggestions.evaluate(ann, slug)).isInstanceOf(ForbiddenException.class);
        EvaluationReport none = suggestions.evaluate(curator, slug);
        assertThat(none.folds()).isZero();
        assertThat(none.note()).contains("two documents");
        label(other, d1, D1, "Police", "SOURCE");
        label(other, d1, D1, "said", "ATTRIBUTION");
        label(other, d2, D2, "Maria Lopez", "SOURCE");
        label(other, d2, D2, "said", "ATTRIBUTION");
        label(ann, d2, D2, "the ministry", "SOURCE");
        EvaluationReport report = suggestions.evaluate(curator, slug);
        assertThat(report.documents()).isEqualTo(2);
        assertThat(report.folds()).isEqualTo(2);
        assertThat(report.recommenders()).extracting(EvaluationReport.RecommenderScores::id)
                .containsExactly(PatternRecommender.ID, OpenNlpRecommender.ID);
        Scores patterns = report.recommenders().getFirst().scores();
        // patterns find all five (and also "The mayor"/"told", "According to" which nobody labeled)
        assertThat(patterns.overall().truePositives()).isEqualTo(5);
        assertThat(patterns.overall().falseNegatives()).isZero();
        assertThat(patterns.overall().falsePositives()).isEqualTo(3);
        assertThat(suggestions.lastEvaluation(curator, slug)).contains(report);
    }

    @Test
    void aRecommenderSwitchedOffDoesNotTrainUntilSwitchedOn() {
        suggestions.setEnabled(curator, slug, OpenNlpRecommender.ID, false);
        label(other, d2, D2, "Maria Lopez", "SOURCE");
        assertThat(suggestions.suggest(ann, slug, d1)).isNotEmpty()
                .allMatch(s -> s.recommender().equals(PatternRecommender.ID)); // the first request trains
        long project = corpus.requireProject(curator, slug).id();
        RecommenderModels.Trained trained = models.ifTrained(project).orElseThrow();
        assertThat(trained.models()).containsOnlyKeys(PatternRecommender.ID);
        assertThat(trained.byFold().values()).allSatisfy(m -> assertThat(m).containsOnlyKeys(PatternRecommender.ID));
        assertThat(suggestions.recommenders(curator, slug)).filteredOn(r -> r.id().equals(OpenNlpRecommender.ID))
                .singleElement().satisfies(r -> assertThat(r.trainedOn()).isEmpty());

        suggestions.setEnabled(curator, slug, OpenNlpRecommender.ID, true); // trains in the background
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(models.ifTrained(project).orElseThrow()
                .models()).containsKeys(PatternRecommender.ID, OpenNlpRecommender.ID));
    }

    @Test
    void outsidersGetNothing() {
        assertThatThrownBy(() -> suggestions.suggest(outsider, slug, d1)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> suggestions.recommenders(outsider, slug)).isInstanceOf(ForbiddenException.class);
    }

    void label(Actor who, long doc, String text, String phrase, String label) {
        int start = text.codePointCount(0, text.indexOf(phrase));
        p.span(who, doc, start, start + phrase.codePointCount(0, phrase.length()), label);
    }
}
