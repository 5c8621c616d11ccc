package org.factspan.annotation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factspan.base.ConflictException;
import org.factspan.base.NotFoundException;
import org.factspan.security.Actor;

/**
 * One user's editing session on one document: every change goes through here and can be undone and redone for as
 * long as the session lives (the editor keeps one per open document). Ids are stable: undoing a delete (or redoing a
 * create or a link) brings the span or attribution back under its own id ({@link AnnotationStore#restoreSpan}), so
 * the history, the exports and the editor's client never see a second id for the same span (decision 020). It edits an
 * {@link AnnotationStore}: the user's own annotations, or (curation) the gold standard.
 *
 * <p>Every change a call makes is collected until {@link #drain()}: the editor's client redraws exactly that.
 */
public final class DocumentEditor {

    /**
     * The net effect of one or more calls: spans created, brought back or changed (their state now), spans removed,
     * attributions created or brought back, attributions removed.
     */
    public record Change(List<SpanInfo> spans, List<Long> removedSpans, List<AttributionInfo> links,
            List<Long> removedLinks, List<String> notes) {

        public Change {
            spans = List.copyOf(spans);
            removedSpans = List.copyOf(removedSpans);
            links = List.copyOf(links);
            removedLinks = List.copyOf(removedLinks);
            notes = List.copyOf(notes);
        }

        public static final Change NONE = new Change(List.of(), List.of(), List.of(), List.of(), List.of());

        public boolean isEmpty() {
            return spans.isEmpty() && removedSpans.isEmpty() && links.isEmpty() && removedLinks.isEmpty();
        }
    }

    private interface Edit {
        void undo();

        void redo();

        /** What the edit was about, for a message when it cannot be undone any more. */
        String what();
    }

    private final Recording store;
    private final Deque<Edit> undoStack = new ArrayDeque<>();
    private final Deque<Edit> redoStack = new ArrayDeque<>();
    /** Finds a span as it is now without reading them all (the editor's client keeps them); null: read them. */
    private java.util.function.LongFunction<SpanInfo> lookup;

    /** The actor's own annotations on the document. */
    public DocumentEditor(AnnotationService service, Actor actor, String slug, long documentId) {
        this(AnnotationStore.of(service, actor, Owner.of(actor), slug, documentId));
    }

    public DocumentEditor(AnnotationStore store) {
        this.store = new Recording(store);
    }

    public SpanInfo createSpan(int start, int end, String label) {
        SpanInfo created = store.createSpan(start, end, label, Map.of());
        record(new Edit() {
            public void undo() {
                store.deleteSpan(created.id());
            }

            public void redo() {
                store.restoreSpan(created);
            }

            public String what() {
                return quote(created);
            }
        });
        return created;
    }

    public AnnotationService.DeletedSpan deleteSpan(long spanId) {
        AnnotationService.DeletedSpan deleted = store.deleteSpan(spanId);
        record(new Edit() {
            public void undo() {
                store.restoreSpan(deleted.span());
                for (AttributionInfo a : deleted.attributions()) {
                    // a triple with neither source nor cue (stored before V9) cannot be made again (decision 016):
                    // the span comes back without it rather than the undo failing half way
                    if (a.source() == null && a.cue() == null) {
                        continue;
                    }
                    try {
                        store.restoreAttribution(a);
                    } catch (RuntimeException gone) {
                        // another span of it was deleted elsewhere meanwhile: the span comes back without it
                        store.note("An attribution of " + quote(deleted.span())
                                + " could not come back: another of its spans was deleted meanwhile");
                    }
                }
            }

            public void redo() {
                store.deleteSpan(deleted.span().id());
            }

            public String what() {
                return quote(deleted.span());
            }
        });
        return deleted;
    }

    public SpanInfo relabelSpan(long spanId, String label) {
        SpanInfo before = currentSpan(spanId);
        SpanInfo after = store.relabelSpan(spanId, label);
        if (before.label().equals(label)) {
            return after;
        }
        record(new Edit() {
            public void undo() {
                store.relabelSpan(before.id(), before.label());
                before.attributes().forEach((name, value) -> store.setAttribute(before.id(), name, value));
            }

            public void redo() {
                store.relabelSpan(before.id(), label);
            }

            public String what() {
                return quote(before);
            }
        });
        return after;
    }

    public SpanInfo setAttribute(long spanId, String name, String value) {
        SpanInfo before = currentSpan(spanId);
        String old = before.attributes().get(name);
        SpanInfo after = store.setAttribute(spanId, name, value);
        record(new Edit() {
            public void undo() {
                store.setAttribute(spanId, name, old);
            }

            public void redo() {
                store.setAttribute(spanId, name, value);
            }

            public String what() {
                return quote(before);
            }
        });
        return after;
    }

    public AttributionInfo link(List<Long> spanIds) {
        AttributionInfo created = store.linkSpans(spanIds);
        record(new Edit() {
            public void undo() {
                store.deleteAttribution(created.id());
            }

            public void redo() {
                store.restoreAttribution(created);
            }

            public String what() {
                return "that attribution";
            }
        });
        return created;
    }

    public AttributionInfo unlink(long attributionId) {
        AttributionInfo removed = store.deleteAttribution(attributionId);
        record(new Edit() {
            public void undo() {
                store.restoreAttribution(removed);
            }

            public void redo() {
                store.deleteAttribution(removed.id());
            }

            public String what() {
                return "that attribution";
            }
        });
        return removed;
    }

    /**
     * Undoes the last change; false when there is nothing to undo. A refused undo (the project was archived, an
     * overlap...) leaves both stacks as they were. A step whose span or attribution is gone (deleted in another window
     * or by a script) can never be undone: it is dropped, and the {@link ConflictException} says so in words.
     */
    public boolean undo() {
        return step(undoStack, redoStack, true);
    }

    /** Redoes the last undone change (see {@link #undo()}). */
    public boolean redo() {
        return step(redoStack, undoStack, false);
    }

    private boolean step(Deque<Edit> from, Deque<Edit> to, boolean undo) {
        Edit edit = from.peek();
        if (edit == null) {
            return false;
        }
        try {
            if (undo) {
                edit.undo();
            } else {
                edit.redo();
            }
        } catch (NotFoundException gone) {
            from.pop();
            throw new ConflictException("Cannot " + (undo ? "undo" : "redo") + " the change of " + edit.what()
                    + ": it was changed elsewhere meanwhile (another window, or someone else). The editor shows it as"
                    + " it is now.");
        }
        to.push(from.pop());
        return true;
    }

    public boolean canUndo() {
        return !undoStack.isEmpty();
    }

    public boolean canRedo() {
        return !redoStack.isEmpty();
    }

    /** The spans being edited, in document order. */
    public List<SpanInfo> spans() {
        return store.spans();
    }

    /** The attribution triples being edited. */
    public List<AttributionInfo> attributions() {
        return store.attributions();
    }

    /** What the calls since the last drain changed (also the failed ones' partial effects), and forgets it. */
    public Change drain() {
        return store.drain();
    }

    /** A faster way to find a span as it is now than reading all of them (a big document has thousands). */
    public void setLookup(java.util.function.LongFunction<SpanInfo> lookup) {
        this.lookup = lookup;
    }

    private void record(Edit edit) {
        undoStack.push(edit);
        redoStack.clear();
    }

    private SpanInfo currentSpan(long spanId) {
        SpanInfo known = lookup == null ? null : lookup.apply(spanId);
        if (known != null) {
            return known;
        }
        return store.spans().stream().filter(s -> s.id() == spanId).findFirst()
                .orElseThrow(() -> new NotFoundException("No span " + spanId));
    }

    static String quote(SpanInfo span) {
        String text = span.text() == null ? "" : span.text().strip();
        if (text.codePointCount(0, text.length()) > 40) {
            text = text.substring(0, text.offsetByCodePoints(0, 40)).strip() + "…";
        }
        return "‘" + text + "’";
    }

    /** The store, collecting the net effect of every successful call. */
    private static final class Recording implements AnnotationStore {

        private final AnnotationStore store;
        private final Map<Long, SpanInfo> spans = new LinkedHashMap<>();
        private final Set<Long> removedSpans = new LinkedHashSet<>();
        private final Map<Long, AttributionInfo> links = new LinkedHashMap<>();
        private final Set<Long> removedLinks = new LinkedHashSet<>();
        private final List<String> notes = new ArrayList<>();

        Recording(AnnotationStore store) {
            this.store = store;
        }

        private SpanInfo put(SpanInfo span) {
            removedSpans.remove(span.id());
            spans.put(span.id(), span);
            return span;
        }

        private AttributionInfo put(AttributionInfo link) {
            removedLinks.remove(link.id());
            links.put(link.id(), link);
            return link;
        }

        private void removeLink(long id) {
            links.remove(id);
            removedLinks.add(id);
        }

        void note(String note) {
            notes.add(note);
        }

        Change drain() {
            Change change = new Change(new ArrayList<>(spans.values()), new ArrayList<>(removedSpans),
                    new ArrayList<>(links.values()), new ArrayList<>(removedLinks), notes);
            spans.clear();
            removedSpans.clear();
            links.clear();
            removedLinks.clear();
            notes.clear();
            return change;
        }

        public SpanInfo createSpan(int start, int end, String label, Map<String, String> values) {
            return put(store.createSpan(start, end, label, values));
        }

        public AnnotationService.DeletedSpan deleteSpan(long spanId) {
            AnnotationService.DeletedSpan deleted = store.deleteSpan(spanId);
            spans.remove(spanId);
            removedSpans.add(spanId);
            deleted.attributions().forEach(a -> removeLink(a.id()));
            return deleted;
        }

        public SpanInfo restoreSpan(SpanInfo span) {
            return put(store.restoreSpan(span));
        }

        public AttributionInfo restoreAttribution(AttributionInfo triple) {
            return put(store.restoreAttribution(triple));
        }

        public SpanInfo relabelSpan(long spanId, String label) {
            return put(store.relabelSpan(spanId, label));
        }

        public SpanInfo setAttribute(long spanId, String name, String value) {
            return put(store.setAttribute(spanId, name, value));
        }

        public AttributionInfo createAttribution(Long source, Long cue, long content) {
            return put(store.createAttribution(source, cue, content));
        }

        public AttributionInfo linkSpans(List<Long> spanIds) {
            return put(store.linkSpans(spanIds));
        }

        public AttributionInfo deleteAttribution(long attributionId) {
            AttributionInfo removed = store.deleteAttribution(attributionId);
            removeLink(attributionId);
            return removed;
        }

        public List<SpanInfo> spans() {
            return store.spans();
        }

        public List<AttributionInfo> attributions() {
            return store.attributions();
        }
    }
}
