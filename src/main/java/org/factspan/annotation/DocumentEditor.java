package org.factspan.annotation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factspan.security.Actor;

/**
 * One user's editing session on one document: every change goes through here and can be undone and
 * redone for as long as the session lives (the editor view keeps one per open document). Undoing a
 * delete re-creates the span (with its attributes and attributions) under a new id; later undo and
 * redo steps follow that id through an alias table. It edits an {@link AnnotationStore}: the user's own
 * annotations, or (curation) the gold standard.
 */
public final class DocumentEditor {

    private interface Edit {
        void undo();

        void redo();
    }

    private final AnnotationStore store;
    private final Deque<Edit> undoStack = new ArrayDeque<>();
    private final Deque<Edit> redoStack = new ArrayDeque<>();
    private final Map<Long, Long> spanAlias = new HashMap<>();
    private final Map<Long, Long> attributionAlias = new HashMap<>();

    /** The actor's own annotations on the document. */
    public DocumentEditor(AnnotationService service, Actor actor, String slug, long documentId) {
        this(AnnotationStore.of(service, actor, Owner.of(actor), slug, documentId));
    }

    public DocumentEditor(AnnotationStore store) {
        this.store = store;
    }

    public SpanInfo createSpan(int start, int end, String label) {
        SpanInfo created = store.createSpan(start, end, label, Map.of());
        record(new Edit() {
            public void undo() {
                store.deleteSpan(span(created.id()));
            }

            public void redo() {
                recreate(created);
            }
        });
        return created;
    }

    public AnnotationService.DeletedSpan deleteSpan(long spanId) {
        AnnotationService.DeletedSpan deleted = store.deleteSpan(spanId);
        record(new Edit() {
            public void undo() {
                recreate(deleted.span());
                for (AttributionInfo a : deleted.attributions()) {
                    // a triple with neither source nor cue (stored before V9) cannot be made again (decision 016):
                    // the span comes back without it rather than the undo failing half way
                    if (a.source() != null || a.cue() != null) {
                        relink(a);
                    }
                }
            }

            public void redo() {
                store.deleteSpan(span(deleted.span().id()));
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
                long id = span(before.id());
                store.relabelSpan(id, before.label());
                before.attributes().forEach((name, value) -> store.setAttribute(id, name, value));
            }

            public void redo() {
                store.relabelSpan(span(before.id()), label);
            }
        });
        return after;
    }

    public SpanInfo setAttribute(long spanId, String name, String value) {
        String old = currentSpan(spanId).attributes().get(name);
        SpanInfo after = store.setAttribute(spanId, name, value);
        record(new Edit() {
            public void undo() {
                store.setAttribute(span(spanId), name, old);
            }

            public void redo() {
                store.setAttribute(span(spanId), name, value);
            }
        });
        return after;
    }

    public AttributionInfo link(List<Long> spanIds) {
        AttributionInfo created = store.linkSpans(spanIds);
        record(new Edit() {
            public void undo() {
                store.deleteAttribution(attribution(created.id()));
            }

            public void redo() {
                relink(created);
            }
        });
        return created;
    }

    public AttributionInfo unlink(long attributionId) {
        AttributionInfo removed = store.deleteAttribution(attributionId);
        record(new Edit() {
            public void undo() {
                relink(removed);
            }

            public void redo() {
                store.deleteAttribution(attribution(removed.id()));
            }
        });
        return removed;
    }

    /** Undoes the last change; false when there is nothing to undo. A failed undo leaves both stacks as they were. */
    public boolean undo() {
        Edit edit = undoStack.peek();
        if (edit == null) {
            return false;
        }
        edit.undo();
        redoStack.push(undoStack.pop());
        return true;
    }

    public boolean redo() {
        Edit edit = redoStack.peek();
        if (edit == null) {
            return false;
        }
        edit.redo();
        undoStack.push(redoStack.pop());
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

    /** The current id of a span that may have been re-created by undo or redo. */
    public long span(long id) {
        return resolve(spanAlias, id);
    }

    private long attribution(long id) {
        return resolve(attributionAlias, id);
    }

    private static long resolve(Map<Long, Long> alias, long id) {
        long current = id;
        for (int guard = 0; alias.containsKey(current) && guard < 10_000; guard++) {
            current = alias.get(current);
        }
        return current;
    }

    private void record(Edit edit) {
        undoStack.push(edit);
        redoStack.clear();
    }

    private void recreate(SpanInfo span) {
        SpanInfo again = store.createSpan(span.start(), span.end(), span.label(), span.attributes());
        spanAlias.put(span(span.id()), again.id());
    }

    private void relink(AttributionInfo a) {
        AttributionInfo again = store.createAttribution(a.source() == null ? null : span(a.source()),
                a.cue() == null ? null : span(a.cue()), span(a.content()));
        attributionAlias.put(attribution(a.id()), again.id());
    }

    private SpanInfo currentSpan(long spanId) {
        return store.spans().stream().filter(s -> s.id() == spanId).findFirst()
                .orElseThrow(() -> new org.factspan.base.NotFoundException("No span " + spanId));
    }
}
