package org.factspan.suggest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.factspan.annotation.SpanId;
import org.factspan.base.Quote;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
import org.factspan.annotation.SpanLocks;
import org.factspan.annotation.SpanSuggestions;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.DocumentSummary;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggestions per user and document from the recommenders switched on in the project; accepting one creates the
 * caller's own span and records which recommender it came from; a rejection is remembered for that user and
 * document. Curators of the project and admins switch recommenders on and off and have them evaluated. Everyone who
 * may open a document gets suggestions in it (computed from every annotator's spans, but never showing whose).
 */
@Service
public class SuggestionService implements SpanSuggestions {

    private final RecommenderModels models;
    private final Evaluator evaluator;
    private final Training training;
    private final SuggestionStore store;
    private final CorpusService corpus;
    private final AnnotationService annotations;
    private final Clock clock;
    private final SpanLocks locks;
    /** Predictions per document and model version: every annotator of a document shares them. */
    private final Map<List<Long>, List<SpanSuggestions.Suggestion>> predictions = java.util.Collections
            .synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Long>, List<SpanSuggestions.Suggestion>> eldest) {
                    return size() > 64;
                }
            });
    private final Map<Long, EvaluationReport> evaluations = new ConcurrentHashMap<>();

    SuggestionService(RecommenderModels models, Evaluator evaluator, Training training, SuggestionStore store,
            CorpusService corpus, AnnotationService annotations, Clock clock, SpanLocks locks) {
        this.models = models;
        this.evaluator = evaluator;
        this.training = training;
        this.store = store;
        this.corpus = corpus;
        this.annotations = annotations;
        this.clock = clock;
        this.locks = locks;
    }

    @Override
    public List<Suggestion> suggest(Actor actor, String slug, long documentId) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        corpus.requireDocument(actor, slug, documentId);
        Set<String> off = store.disabled(project.id());
        List<Suggestion> all = predictions(project, documentId, off);
        Set<String> rejected = store.rejected(documentId, actor.userId());
        List<SpanInfo> mine = annotations.listMySpans(actor, slug, documentId);
        return all.stream()
                .filter(s -> !off.contains(s.recommender()))
                .filter(s -> s.score() >= project.suggestionThreshold())
                .filter(s -> !rejected.contains(s.key()))
                .filter(s -> mine.stream().noneMatch(m -> m.label().equals(s.label()) && m.start() < s.end()
                        && s.start() < m.end()))
                .toList();
    }

    /** Every recommender's suggestions in a document (shared by its annotators), one per label and extent. */
    private List<Suggestion> predictions(ProjectInfo project, long documentId, Set<String> off) {
        RecommenderModels.Trained trained = models.current(project, off);
        List<Long> key = List.of(project.id(), documentId, trained.version());
        List<Suggestion> cached = predictions.get(key);
        if (cached != null) {
            return cached;
        }
        CodePoints text = corpus.textIndex(documentId);
        int[] toCodePoint = codePointIndex(text.text());
        Map<String, Suggestion> best = new LinkedHashMap<>();
        Set<String> labels = new java.util.HashSet<>(project.labels().stream().map(LabelInfo::name).toList());
        for (Recommender r : models.recommenders()) {
            Recommender.Model model = trained.forDocument(documentId).get(r.id());
            if (model == null) {
                continue;
            }
            for (Recommender.Prediction p : model.predict(text.text())) {
                if (!labels.contains(p.label()) || p.end() <= p.start()) {
                    continue;
                }
                Suggestion s = new Suggestion(toCodePoint[p.start()], toCodePoint[p.end()], p.label(), r.id(),
                        Math.round(p.score() * 1000) / 1000.0, p.reason());
                best.merge(s.key(), s, (a, b) -> b.score() > a.score() ? b : a);
            }
        }
        List<Suggestion> result = best.values().stream()
                .sorted(Comparator.comparingInt(Suggestion::start).thenComparingInt(Suggestion::end)
                        .thenComparing(Suggestion::label))
                .toList();
        predictions.put(key, result);
        return result;
    }

    private static int[] codePointIndex(String text) {
        int[] index = new int[text.length() + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i++) {
            index[i] = cp;
            if (!(Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                cp++;
            }
        }
        index[text.length()] = cp;
        return index;
    }

    /**
     * Accepts one of the caller's current suggestions: creates their span and records that it came from the
     * recommender. A suggestion they are not offered (rejected, labeled already, or never made) is refused.
     */
    @Transactional
    public SpanInfo accept(Actor actor, String slug, long documentId, int start, int end, String label) {
        Suggestion s = current(actor, slug, documentId, start, end, label);
        SpanInfo created = annotations.createSpan(actor, slug, documentId, start, end, label);
        store.accepted(created.id(), s.recommender(), s.score(), clock.instant());
        return created;
    }

    @Override
    @Transactional
    public void accepted(Actor actor, String slug, DocumentId document, SpanId spanRef, Suggestion suggestion) {
        long documentId = document.value();
        long spanId = spanRef.value();
        SpanInfo span = annotations.listMySpans(actor, slug, documentId).stream().filter(x -> x.id() == spanId)
                .findFirst().orElseThrow(() -> new NotFoundException("No span " + spanId + " of yours in document "
                        + documentId));
        if (span.start() != suggestion.start() || span.end() != suggestion.end()
                || !span.label().equals(suggestion.label())) {
            throw new InvalidRequestException("Span " + spanId + " is not the suggested " + suggestion.key());
        }
        requireRecommender(suggestion.recommender());
        // the span stays until its record is stored; deleted meanwhile, it is not found (decision 016)
        locks.span(document, spanRef);
        store.accepted(spanId, suggestion.recommender(), suggestion.score(), clock.instant());
    }

    /** Rejects one of the caller's current suggestions; it is not proposed to them in this document again. */
    @Transactional
    public void reject(Actor actor, String slug, long documentId, int start, int end, String label) {
        Suggestion s = current(actor, slug, documentId, start, end, label);
        store.reject(documentId, actor.userId(), s.label(), s.start(), s.end(), s.recommender(), clock.instant());
    }

    @Override
    @Transactional
    public void reject(Actor actor, String slug, long documentId, Suggestion suggestion) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        DocumentSummary doc = corpus.requireDocument(actor, slug, documentId);
        if (project.label(suggestion.label()).isEmpty() || suggestion.start() < 0 || suggestion.end() > doc.length()
                || suggestion.start() >= suggestion.end()) {
            throw new InvalidRequestException("No such suggestion: " + suggestion.key());
        }
        requireRecommender(suggestion.recommender());
        store.reject(documentId, actor.userId(), suggestion.label(), suggestion.start(), suggestion.end(),
                suggestion.recommender(), clock.instant());
    }

    /** The recommender a span was accepted from, if it was (the caller's own spans only). */
    @Transactional(readOnly = true)
    public java.util.Optional<String> acceptedFrom(Actor actor, String slug, DocumentId document, SpanId span) {
        long documentId = document.value();
        long spanId = span.value();
        annotations.listMySpans(actor, slug, documentId).stream().filter(x -> x.id() == spanId).findFirst()
                .orElseThrow(() -> new NotFoundException("No span " + spanId + " of yours in document " + documentId));
        return store.acceptedFrom(spanId);
    }

    private Suggestion current(Actor actor, String slug, long documentId, int start, int end, String label) {
        String key = label + ":" + start + ":" + end;
        return suggest(actor, slug, documentId).stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new ConflictException("There is no open suggestion " + key + " for you in document "
                        + documentId + " (rejected, labeled already, or not suggested)"));
    }

    // ------------------------------------------------------------------ settings and evaluation

    /** The recommenders with their state in the project (any member may look). */
    public List<RecommenderStatus> recommenders(Actor actor, String slug) {
        ProjectInfo project = corpus.requireProject(actor, slug);
        Set<String> off = store.disabled(project.id());
        Map<String, Long> accepted = store.acceptedCounts(project.id());
        var trained = models.ifTrained(project.id());
        List<RecommenderStatus> out = new ArrayList<>();
        for (Recommender r : models.recommenders()) {
            Map<String, Integer> on = trained.map(t -> t.models().get(r.id())).map(Recommender.Model::trainedOn)
                    .orElse(Map.of());
            out.add(new RecommenderStatus(r.id(), r.title(), r.description(), !off.contains(r.id()),
                    List.copyOf(r.labels(project.labels())), on, trained.map(RecommenderModels.Trained::at).orElse(null),
                    accepted.getOrDefault(r.id(), 0L)));
        }
        return out;
    }

    /** Switches a recommender on or off in the project (curators and admins). */
    @Transactional
    public RecommenderStatus setEnabled(Actor actor, String slug, String recommender, boolean enabled) {
        ProjectInfo project = requireCurator(actor, slug);
        requireRecommender(recommender);
        store.setEnabled(project.id(), recommender, enabled);
        if (enabled) {
            models.switchedOn(project.id(), project.slug()); // switched-off recommenders do not train
        }
        return recommenders(actor, slug).stream().filter(r -> r.id().equals(recommender)).findFirst().orElseThrow();
    }

    /**
     * Measures every recommender by cross-validation over the project's annotated documents (curators and admins).
     * Trains several models: call it off the UI thread.
     */
    public EvaluationReport evaluate(Actor actor, String slug) {
        ProjectInfo project = requireCurator(actor, slug);
        EvaluationReport report = evaluator.evaluate(models.recommenders(), project.labels(), training.load(slug));
        evaluations.put(project.id(), report);
        return report;
    }

    /** The last evaluation of the project since the start, if any (curators and admins). */
    public java.util.Optional<EvaluationReport> lastEvaluation(Actor actor, String slug) {
        ProjectInfo project = requireCurator(actor, slug);
        return java.util.Optional.ofNullable(evaluations.get(project.id()));
    }

    /** Retrains the project's models now (curators and admins); normally they retrain by themselves. */
    public List<RecommenderStatus> retrain(Actor actor, String slug) {
        requireCurator(actor, slug);
        models.trainNow(slug);
        return recommenders(actor, slug);
    }

    private ProjectInfo requireCurator(Actor actor, String slug) {
        return corpus.requireProject(actor, slug).requireCuratedBy(actor, "change or evaluate recommenders");
    }

    private void requireRecommender(String id) {
        if (models.recommenders().stream().noneMatch(r -> r.id().equals(id))) {
            throw new InvalidRequestException("Unknown recommender " + Quote.of(id) + "; there are "
                    + String.join(", ", models.recommenders().stream().map(Recommender::id).toList()));
        }
    }

    /** Test hook: waits for scheduled retraining. */
    boolean awaitTraining(java.time.Duration timeout) {
        return models.awaitIdle(timeout);
    }
}
