package org.factspan.curation.ui;

import java.util.List;
import org.factspan.base.ui.Notify;
import org.factspan.curation.CurationStatus;
import org.factspan.curation.DocumentCuration;
import org.factspan.curation.DocumentCuration.GoldSpan;
import org.factspan.curation.DocumentCuration.ReviewPosition;

/**
 * Place navigation of the curation view: which span position, disagreement place and annotator's span are
 * selected, how a click, a gold span or {@code ?at=} selects them, and the keyboard walk over the open places
 * ({@code Alt+↓} / {@code Alt+↑}), which reads the same list the header counts (decision 023).
 */
final class PlaceNavigation {

    private final CurationView view;
    /** The place selected: a span position index, or -1. */
    private int position = -1;
    /** The disagreement place selected (an index of {@code state.places()}), or -1: what Alt+Down walks from. */
    private int place = -1;
    /** The annotator's span selected at that place (the target of Enter and Del), or null. */
    private Long unit;
    /**
     * The annotator's attribution selected with an attribution place reached by the walk or a link (the target of
     * Enter and Del there, its first version), or null: a click on a span selects the span, not a triple.
     */
    private Long attribution;
    /** A place asked for (?at=) before curation started: selected once it has. */
    private String pendingAt;
    /** The kind asked for with it (?kind=), or null. */
    private String pendingKind;

    PlaceNavigation(CurationView view) {
        this.view = view;
    }

    int position() {
        return position;
    }

    /** The attribution Enter and Del act on, or null (then they act on {@link #unit()}). */
    Long attribution() {
        return attribution;
    }

    Long unit() {
        return unit;
    }

    /** The disagreement place selected, or null. */
    DocumentCuration.Place place() {
        DocumentCuration state = view.state();
        return place >= 0 && place < state.places().size() ? state.places().get(place) : null;
    }

    /** Remembers a place asked for by the address; selects it now when curation has started, else once it has. */
    void ask(String at, String kind) {
        pendingAt = at;
        pendingKind = kind;
        selectPending();
    }

    /** Selects the place asked for by the address, once curation has started. */
    void selectPending() {
        if (pendingAt != null && view.state().status() != CurationStatus.NOT_STARTED) {
            selectAt(pendingAt, pendingKind);
            pendingAt = null;
        }
    }

    /** After a reload: drops a selection that no longer exists. */
    void reconcile(DocumentCuration state) {
        if (unit != null && state.span(unit).isEmpty()) {
            unit = null;
        }
        if (unit != null) {
            position = state.span(unit).orElseThrow().position();
        } else if (position >= state.positions().size()) {
            position = -1;
        }
        if (place >= state.places().size()) {
            place = -1;
        }
        if (attribution != null && state.attributions().stream().noneMatch(a -> a.id() == attribution)) {
            attribution = null;
        }
    }

    /** A click on an annotator's span: selects its place and the span. */
    void selectUnit(long spanId) {
        view.state().span(spanId).ifPresent(s -> {
            view.goldBinding.select(null);
            attribution = null;
            unit = s.id();
            position = s.position();
            place = placeAt(position);
            view.showSelection(true);
        });
    }

    /** Selects a gold span (or none), in the text too: the place the annotators have there comes with it. */
    void selectGold(Long spanId) {
        view.goldBinding.select(spanId);
        goldSelected(view.goldBinding.selected());
    }

    /** A gold span was selected (in the text, or by {@link #selectGold}): select the annotators' place there. */
    void goldSelected(Long spanId) {
        unit = null;
        attribution = null;
        if (spanId == null) {
            position = -1;
        } else {
            view.state().goldSpan(spanId).ifPresent(g -> position = positionAt(g.start(), g.end(), g.label()));
        }
        place = placeAt(position);
        view.showSelection(false);
    }

    /**
     * Selects the place at {@code start-end} (the disagreement list links here with ?at= and ?kind=): the
     * disagreement place of that extent (and kind, when given), else the span position there.
     */
    void selectAt(String range, String kind) {
        DocumentCuration state = view.state();
        String[] parts = range.split("-");
        try {
            int start = Integer.parseInt(parts[0]);
            int end = Integer.parseInt(parts[1]);
            var exact = state.places().stream().filter(p -> p.start() == start && p.end() == end
                    && (kind == null || p.kind().id().equals(kind))).findFirst();
            if (exact.isPresent()) {
                selectPlace(exact.get());
                return;
            }
            int found = positionAt(start, end, null);
            if (found < 0) {
                return;
            }
            position = found;
            place = placeAt(found);
            attribution = null;
            List<Long> here = state.positions().get(found).spans();
            unit = here.isEmpty() ? null : here.getFirst();
            Long goldHere = state.gold().stream().filter(g -> g.start() == start && g.end() == end)
                    .map(GoldSpan::id).findFirst().orElse(null);
            if (goldHere != null) {
                view.goldBinding.select(goldHere);
                position = found;
                unit = null;
            }
            view.showSelection(true);
        } catch (RuntimeException e) {
            // a bad ?at= selects nothing
        }
    }

    /** Selects a disagreement place: its span position (for attribution kinds, the claim's) and its first version. */
    void selectPlace(DocumentCuration.Place p) {
        place = p.index();
        view.goldBinding.select(null);
        position = p.position();
        List<Long> here = position < 0 ? List.of() : view.state().positions().get(position).spans();
        unit = here.isEmpty() ? null : here.getFirst();
        List<Long> triples = p.triple() < 0 ? List.of() : view.state().triples().get(p.triple()).attributions();
        attribution = triples.isEmpty() ? null : triples.getFirst();
        view.showSelection(true);
    }

    /** Selects no place: the next walk starts from the first open place. */
    void forgetPlace() {
        place = -1;
    }

    /** The first disagreement place at a span position, or -1. */
    private int placeAt(int spanPosition) {
        if (spanPosition < 0) {
            return -1;
        }
        return view.state().places().stream().filter(p -> p.position() == spanPosition)
                .mapToInt(DocumentCuration.Place::index).findFirst().orElse(-1);
    }

    /** The position at this extent: the exact one, else the first overlapping (same label preferred); -1: none. */
    int positionAt(int start, int end, String label) {
        List<ReviewPosition> all = view.state().positions();
        for (ReviewPosition p : all) {
            if (p.start() == start && p.end() == end && (label == null || p.labels().contains(label))) {
                return p.index();
            }
        }
        for (ReviewPosition p : all) {
            if (p.start() < end && start < p.end() && (label == null || p.labels().contains(label))) {
                return p.index();
            }
        }
        for (ReviewPosition p : all) {
            if (p.start() < end && start < p.end()) {
                return p.index();
            }
        }
        return -1;
    }

    /**
     * Next (+1) or previous (-1) open place (Alt+Down/Up), of every kind, in document order: the same list the
     * header counts and the server refuses "Mark curated" with (decision 023).
     */
    void step(int direction) {
        List<DocumentCuration.Place> open = view.state().openPlaces();
        if (open.isEmpty()) {
            Notify.info("No open disagreements in this document");
            return;
        }
        DocumentCuration.Place next = null;
        if (direction > 0) {
            next = open.stream().filter(p -> p.index() > place).findFirst().orElse(open.getFirst());
        } else {
            for (DocumentCuration.Place p : open) {
                if (p.index() < place) {
                    next = p;
                }
            }
            if (next == null) {
                next = open.getLast();
            }
        }
        selectPlace(next);
    }
}
