package org.factspan.suggest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factspan.annotation.SpanInfo;
import org.factspan.annotation.SpanSuggestions;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Suggestions and recommender settings over REST; the same service, so the same checks, as the editor and views. */
@RestController
class SuggestionsApi {

    record Pick(Integer start, Integer end, String label) {
    }

    record Switch(Boolean enabled) {
    }

    /** Precision, recall and F1 ({@code null} when undefined) with the counts behind them. */
    record Figures(Double precision, Double recall, Double f1, int truePositives, int falsePositives,
            int falseNegatives) {

        static Figures of(Scores.Counts c) {
            return new Figures(defined(c.precision()), defined(c.recall()), defined(c.f1()), c.truePositives(),
                    c.falsePositives(), c.falseNegatives());
        }

        private static Double defined(double v) {
            return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
        }
    }

    record Evaluated(String id, String title, Figures overall, Map<String, Figures> byLabel) {
    }

    record Evaluation(Instant at, int documents, int folds, String note, List<Evaluated> recommenders) {

        static Evaluation of(EvaluationReport r) {
            return new Evaluation(r.at(), r.documents(), r.folds(), r.note(), r.recommenders().stream().map(x -> {
                Map<String, Figures> byLabel = new LinkedHashMap<>();
                x.scores().byLabel().forEach((label, c) -> byLabel.put(label, Figures.of(c)));
                return new Evaluated(x.id(), x.title(), Figures.of(x.scores().overall()), byLabel);
            }).toList());
        }
    }

    private final SuggestionService suggestions;
    private final CurrentUser currentUser;

    SuggestionsApi(SuggestionService suggestions, CurrentUser currentUser) {
        this.suggestions = suggestions;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/v1/projects/{slug}/documents/{documentId}/suggestions")
    List<SpanSuggestions.Suggestion> list(@PathVariable String slug, @PathVariable long documentId) {
        return suggestions.suggest(currentUser.require(), slug, documentId);
    }

    @PostMapping("/api/v1/projects/{slug}/documents/{documentId}/suggestions/accept")
    @ResponseStatus(HttpStatus.CREATED)
    SpanInfo accept(@PathVariable String slug, @PathVariable long documentId, @RequestBody Pick body) {
        require(body);
        return suggestions.accept(currentUser.require(), slug, documentId, body.start(), body.end(), body.label());
    }

    @PostMapping("/api/v1/projects/{slug}/documents/{documentId}/suggestions/reject")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reject(@PathVariable String slug, @PathVariable long documentId, @RequestBody Pick body) {
        require(body);
        suggestions.reject(currentUser.require(), slug, documentId, body.start(), body.end(), body.label());
    }

    @GetMapping("/api/v1/projects/{slug}/recommenders")
    List<RecommenderStatus> recommenders(@PathVariable String slug) {
        return suggestions.recommenders(currentUser.require(), slug);
    }

    @PutMapping("/api/v1/projects/{slug}/recommenders/{id}")
    RecommenderStatus set(@PathVariable String slug, @PathVariable String id, @RequestBody Switch body) {
        if (body == null || body.enabled() == null) {
            throw new InvalidRequestException("'enabled' (true or false) is required");
        }
        return suggestions.setEnabled(currentUser.require(), slug, id, body.enabled());
    }

    /** Runs the cross-validation now and answers with it (takes a few seconds on a large project). */
    @PostMapping("/api/v1/projects/{slug}/recommenders/evaluation")
    Evaluation evaluate(@PathVariable String slug) {
        return Evaluation.of(suggestions.evaluate(currentUser.require(), slug));
    }

    @GetMapping("/api/v1/projects/{slug}/recommenders/evaluation")
    Evaluation lastEvaluation(@PathVariable String slug) {
        return suggestions.lastEvaluation(currentUser.require(), slug).map(Evaluation::of).orElseThrow(
                () -> new NotFoundException("No evaluation since the start; POST to this address to run one"));
    }

    private static void require(Pick body) {
        if (body == null || body.start() == null || body.end() == null || body.label() == null) {
            throw new InvalidRequestException("'start', 'end' (code points, end exclusive) and 'label' are required");
        }
    }
}
