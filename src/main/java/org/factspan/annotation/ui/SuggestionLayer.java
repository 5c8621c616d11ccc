package org.factspan.annotation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanSuggestions;
import org.factspan.annotation.SpanSuggestions.Suggestion;
import org.factspan.corpus.DocumentId;
import org.factspan.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suggestions of the editor: computed on a background thread after the document opens and after every edit,
 * pushed to the annotator as ghosts when ready, so typing and selecting never wait for them. Does nothing when no
 * {@link SpanSuggestions} is installed.
 */
final class SuggestionLayer implements EditorBinding.Suggestions {

    private static final Logger log = LoggerFactory.getLogger(SuggestionLayer.class);

    private final SpanSuggestions source;
    private final TextAnnotator annotator;
    private final Executor executor;
    final Span status = new Span("Suggestions…");
    /** Shows or hides all suggestions (the backslash key does the same). */
    final com.vaadin.flow.component.checkbox.Checkbox toggle = new com.vaadin.flow.component.checkbox.Checkbox();
    /**
     * The switch and the count, in the toolbar from the start with a fixed width: suggestions arriving later change
     * the count, never the layout (the text does not move under the pointer while someone selects).
     */
    final com.vaadin.flow.component.html.Div group = new com.vaadin.flow.component.html.Div(toggle, status);
    private boolean enabled = true;
    /** False until the first computation of the open document (which does not wait). */
    private boolean opened;
    /** How long suggestions wait after an edit before they are computed again. */
    static final long SETTLE_MILLIS = 300;
    private Actor actor;
    private String slug;
    private long documentId;
    private Map<String, Suggestion> current = Map.of();
    private volatile long generation;
    /** The running computation including its hand-over to the UI (tests wait for it). */
    CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

    SuggestionLayer(SpanSuggestions source, TextAnnotator annotator, Executor executor) {
        this.source = source;
        this.annotator = annotator;
        this.executor = executor;
        status.setId("suggestion-status");
        status.addClassName("fs-suggestion-status");
        group.addClassName("fs-suggestions");
        group.setVisible(source != null);
        toggle.setId("suggestions-toggle");
        toggle.setValue(true);
        toggle.setAriaLabel("Show suggestions");
        toggle.getElement().setAttribute("title", "Show or hide all suggestions (key \\)");
        toggle.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                annotator.setGhostsHidden(!e.getValue());
            }
        });
        annotator.addGhostsToggleListener(hidden -> toggle.setValue(!hidden));
    }

    void open(Actor actor, String slug, long documentId) {
        this.opened = false;
        this.actor = actor;
        this.slug = slug;
        this.documentId = documentId;
        this.current = Map.of();
        this.generation++;
    }

    /** Off (read-only document): no suggestions shown or computed. */
    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            generation++;
            current = Map.of();
            annotator.setGhosts(List.of());
            showStatus();
        }
    }

    /**
     * Computes the suggestions again in the background and shows them when they are ready. After an edit it waits a
     * moment ({@link #SETTLE_MILLIS}): a burst of key presses costs one computation, not one per key, and does not
     * compete with the edits' own answers for the processor.
     */
    @Override
    public void refresh() {
        if (source == null || actor == null || !enabled) {
            return;
        }
        UI ui = UI.getCurrent();
        long mine = ++generation;
        Actor who = actor;
        String project = slug;
        long doc = documentId;
        Executor run = opened ? CompletableFuture.delayedExecutor(SETTLE_MILLIS, TimeUnit.MILLISECONDS, executor)
                : executor;
        opened = true;
        pending = CompletableFuture.supplyAsync(() -> mine == generation ? source.suggest(who, project, doc) : null,
                        run)
                .handle((list, error) -> {
                    if (list == null && error == null) {
                        return null; // a later edit asked for newer ones
                    }
                    if (error != null) {
                        log.warn("Suggestions for document {} failed: {}", doc, error.toString());
                        return null;
                    }
                    try {
                        if (ui != null) {
                            ui.access(() -> show(mine, list));
                        }
                    } catch (UIDetachedException gone) {
                        // the user left the document
                    }
                    return null;
                });
    }

    private void show(long computed, List<Suggestion> list) {
        if (computed != generation) {
            return; // an edit since has asked for newer ones
        }
        Map<String, Suggestion> byKey = new LinkedHashMap<>();
        list.forEach(s -> byKey.put(s.key(), s));
        current = byKey;
        annotator.setGhosts(list.stream().map(s -> new TextAnnotator.ClientGhost(s.key(), s.start(), s.end(), s.label(),
                s.recommender(), s.score(), s.reason())).toList());
        showStatus();
    }

    private void showStatus() {
        int n = current.size();
        group.setVisible(source != null && enabled);
        status.setText(n == 0 ? "No suggestions" : n == 1 ? "1 suggestion" : n + " suggestions");
        status.getElement().setAttribute("title", "Dashed outlines are suggestions: ] and [ move between them, Enter"
                + " or a click accepts, x rejects, \\ hides or shows them all");
    }

    @Override
    public Optional<Suggestion> get(String key) {
        return Optional.ofNullable(current.get(key));
    }

    Map<String, Suggestion> current() {
        return current;
    }

    /** The annotator took it: its span {@code spanId} exists; remember where it came from. */
    @Override
    public void accepted(Suggestion suggestion, long spanId) {
        forget(suggestion);
        source.accepted(actor, slug, new DocumentId(documentId), new SpanId(spanId), suggestion);
    }

    /** The annotator does not want it here. */
    @Override
    public void rejected(Suggestion suggestion) {
        forget(suggestion);
        source.reject(actor, slug, documentId, suggestion);
    }

    private void forget(Suggestion suggestion) {
        Map<String, Suggestion> left = new LinkedHashMap<>(current);
        left.remove(suggestion.key());
        current = left;
        showStatus();
    }
}
