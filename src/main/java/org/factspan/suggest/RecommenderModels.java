package org.factspan.suggest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.factspan.annotation.SpanChanged;
import org.factspan.base.audit.ChangeFeed;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.search.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The recommenders' models per project. Trained on first use, then retrained in the background on one thread after
 * spans change, debounced: every change restarts a wait of {@code factspan.search.retrain-delay}, so a burst of edits
 * costs one training. Predictions go on with the previous models until the new ones are swapped in. Only the
 * recommenders switched on in the project train (decision 028): one switched on later trains in the background.
 */
@Component
class RecommenderModels implements DisposableBean, ChangeFeed.Listener {

    private static final Logger log = LoggerFactory.getLogger(RecommenderModels.class);

    /**
     * Documents are dealt into this many folds by id. A document's suggestions come from models trained without its
     * fold: models trained on a document's own spans hand them back to whoever opens it (the name finder reproduced
     * one annotator's spans for another, before curation), and annotators label blind.
     */
    static final int FOLDS = 5;

    /**
     * The models of one project, trained together from the same spans: {@code models} on every annotated document (what
     * the status shows), {@code byFold} without the documents of one fold (only folds that hold an annotated document).
     */
    record Trained(Map<String, Recommender.Model> models, Map<Integer, Map<String, Recommender.Model>> byFold,
            Instant at, int documents, long version) {

        /** The models to suggest with in one document: none of them has learnt from that document's spans. */
        Map<String, Recommender.Model> forDocument(long documentId) {
            return byFold.getOrDefault(fold(documentId), models);
        }
    }

    static int fold(long documentId) {
        return (int) Math.floorMod(documentId, (long) FOLDS);
    }

    private final List<Recommender> recommenders;
    private final Training training;
    private final SuggestionStore store;
    private final CorpusService corpus;
    private final SearchProperties properties;
    private final Clock clock;
    private final Map<Long, Trained> trained = new ConcurrentHashMap<>();
    /** The slug of every project with trained models (the change feed names projects by id). */
    private final Map<Long, String> slugs = new ConcurrentHashMap<>();
    private final ChangeFeed feed;
    private final Map<Long, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "recommender-training");
        t.setDaemon(true);
        return t;
    });
    private long versions;

    RecommenderModels(List<Recommender> recommenders, Training training, SuggestionStore store, CorpusService corpus,
            SearchProperties properties, Clock clock, ChangeFeed feed) {
        this.feed = feed;
        this.recommenders = List.copyOf(recommenders);
        this.training = training;
        this.store = store;
        this.corpus = corpus;
        this.properties = properties;
        this.clock = clock;
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Recommender r : recommenders) {
            if (!r.id().matches("[a-z0-9-]{1,64}") || !ids.add(r.id())) {
                throw new IllegalStateException("Recommender id '" + r.id() + "' is not unique or not [a-z0-9-]");
            }
        }
    }

    List<Recommender> recommenders() {
        return recommenders;
    }

    /** The current models of a project, training them now (on the calling thread) if there are none yet. */
    Trained current(ProjectInfo project) {
        Trained t = trained.get(project.id());
        if (t != null) {
            return t;
        }
        synchronized (locks.computeIfAbsent(project.id(), k -> new Object())) {
            t = trained.get(project.id());
            return t != null ? t : trainNow(project.slug());
        }
    }

    /**
     * The current models of a project as {@link #current(ProjectInfo)}; a recommender switched on since they were
     * trained (here or on another instance) has no model yet: the project retrains in the background, and predictions
     * go on with the models there are.
     */
    Trained current(ProjectInfo project, java.util.Set<String> off) {
        Trained t = current(project);
        retrainIfMissing(project.id(), project.slug(), t, off);
        return t;
    }

    /**
     * A recommender was switched on: once the switch is committed, a project with models retrains (a retraining
     * already scheduled or running may have read the switches before the commit, so this one follows it).
     */
    void switchedOn(long projectId, String slug) {
        Runnable check = () -> retrainLater(projectId, slug);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    check.run();
                }
            });
        } else {
            check.run();
        }
    }

    private void retrainIfMissing(long projectId, String slug, Trained t, java.util.Set<String> off) {
        if (recommenders.stream().anyMatch(r -> !off.contains(r.id()) && !t.models().containsKey(r.id()))) {
            ScheduledFuture<?> pending = scheduled.get(projectId);
            if (pending == null || pending.isDone()) {
                retrainLater(projectId, slug);
            }
        }
    }

    /** The models if trained already (no training): for status displays. */
    java.util.Optional<Trained> ifTrained(long projectId) {
        return java.util.Optional.ofNullable(trained.get(projectId));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void spanChanged(SpanChanged event) {
        // no query on the saving thread: only projects with trained models retrain, and those are known here
        slugs.forEach((projectId, slug) -> {
            if (slug.equals(event.slug())) {
                retrainLater(projectId, slug);
            }
        });
    }

    @Override
    public boolean active() {
        return !trained.isEmpty();
    }

    /**
     * Spans changed through any instance (decision 025): the change feed names them, and the projects with trained
     * models retrain as after a change here. This instance's own changes arrive here too, a moment after
     * {@link #spanChanged}; the debounce merges both into one training.
     */
    @Override
    public void changed(List<ChangeFeed.Change> changes) {
        java.util.Set<Long> projects = new java.util.HashSet<>();
        for (ChangeFeed.Change c : changes) {
            if (c.projectId() != null && c.action() != null && (c.action().startsWith("span.")
                    || c.action().startsWith("attribution.") || c.action().startsWith("annotations."))) {
                projects.add(c.projectId());
            }
        }
        for (long projectId : projects) {
            String slug = slugs.get(projectId);
            if (slug != null) {
                retrainLater(projectId, slug);
            }
        }
    }

    /**
     * Schedules a retraining of a project with trained models after the debounce delay (a later call restarts the
     * wait).
     */
    void retrainLater(long projectId, String slug) {
        if (!trained.containsKey(projectId)) {
            return; // nobody asked for suggestions yet: the first request trains
        }
        ScheduledFuture<?> next = worker.schedule(() -> {
            try {
                trainNow(slug);
            } catch (RuntimeException e) {
                log.warn("Retraining the recommenders of {} failed", slug, e);
            }
        }, properties.retrainDelay().toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = scheduled.put(projectId, next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** Waits until no retraining is scheduled or running (tests). */
    boolean awaitIdle(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (scheduled.values().stream().allMatch(java.util.concurrent.Future::isDone)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Trains the recommenders switched on in the project from its spans now, and swaps the models in. */
    Trained trainNow(String slug) {
        ProjectInfo project = corpus.requireProject(Training.SYSTEM, slug);
        long started = System.nanoTime();
        java.util.Set<String> off = store.disabled(project.id());
        List<Training.Doc> docs = training.load(slug);
        Trained t = train(project.labels(), docs, off);
        trained.put(project.id(), t);
        slugs.put(project.id(), project.slug());
        feed.start();
        log.info("Recommenders of {} trained on {} documents in {} ms", slug, docs.size(),
                (System.nanoTime() - started) / 1_000_000);
        return t;
    }

    Trained train(List<LabelInfo> schema, List<Training.Doc> docs, java.util.Set<String> off) {
        List<Recommender> on = recommenders.stream().filter(r -> !off.contains(r.id())).toList();
        Map<String, Recommender.Model> models = trainAll(on, schema, docs);
        Map<Integer, Map<String, Recommender.Model>> byFold = new java.util.HashMap<>();
        for (int f = 0; f < FOLDS; f++) {
            int fold = f;
            if (docs.stream().anyMatch(d -> fold(d.id()) == fold)) {
                byFold.put(fold, trainAll(on, schema, docs.stream().filter(d -> fold(d.id()) != fold).toList()));
            }
        }
        synchronized (this) {
            versions++;
            return new Trained(models, Map.copyOf(byFold), clock.instant(), docs.size(), versions);
        }
    }

    private static Map<String, Recommender.Model> trainAll(List<Recommender> on, List<LabelInfo> schema,
            List<Training.Doc> docs) {
        List<Recommender.TrainingDocument> all = new ArrayList<>();
        docs.forEach(d -> all.add(d.training()));
        Map<String, Recommender.Model> models = new LinkedHashMap<>();
        for (Recommender r : on) {
            models.put(r.id(), r.train(schema, all));
        }
        return models;
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
