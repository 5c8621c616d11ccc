package org.factspan.annotation.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.DocumentEditor;
import org.factspan.annotation.DocumentEditor.Change;
import org.factspan.annotation.SpanInfo;
import org.factspan.annotation.SpanSuggestions;
import org.factspan.base.ConflictException;
import org.factspan.base.NotFoundException;
import org.factspan.base.Refusals;
import org.factspan.base.RefusedException;
import org.factspan.base.ui.Notify;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import org.springframework.modulith.NamedInterface;

/**
 * The one editor binding of the annotation view and the curation view: it connects a {@link TextAnnotator} to a
 * {@link DocumentEditor} (the user's own spans, or the gold standard) and keeps the two in step.
 *
 * <p>The browser paints every change at once and sends it as an op; the binding makes the change through the editor
 * and answers with what was done ({@code delta}, real ids for the browser's temporary ones, and the exact undo entry),
 * or with a refusal, which the browser rolls back while the binding says why in words (never an internal id). Changes
 * made here by the side panel (attributes, unlink, the label select) and changes made elsewhere (another window, a
 * curator, a script: {@link #reconcile}) are pushed the same way. The binding keeps what the browser has been told
 * ({@link #spans()}, {@link #links()}), so every message is a difference, never the whole document again.
 *
 * <p>Protocol (JSON): ops {@code {opId, kind: create|delete|relabel|link|accept|reject|undo|redo|select, ...}};
 * messages {@code {kind: reset|answer|external|recorded|select, seq, ...}} (see {@code fs-text-annotator.ts}).
 */
@NamedInterface("editor")
public final class EditorBinding {

    private static final Logger log = LoggerFactory.getLogger(EditorBinding.class);

    /** What the view does around the editor. */
    public interface Host {

        /** The spans or links changed (own edit, undo, or from elsewhere): update counts, panels, suggestions. */
        void changed();

        /** The user selected a span (null: none) in the text. */
        default void selected(Long spanId) {
        }

        /** A change was refused: say why (the binding has put it in words). */
        default void refused(String message) {
            Notify.error(message);
        }

        /** Something worth knowing, not an error ("Nothing to undo"). */
        default void info(String message) {
            Notify.info(message);
        }
    }

    /** Suggestions for the editor (the annotation view has them; the curation view not). */
    public interface Suggestions {
        Optional<SpanSuggestions.Suggestion> get(String key);

        void accepted(SpanSuggestions.Suggestion suggestion, long spanId);

        void rejected(SpanSuggestions.Suggestion suggestion);

        void refresh();
    }

    private final TextAnnotator annotator;
    private final Host host;
    private DocumentEditor editor;
    private Suggestions suggestions;
    /** What the browser has been told (the truth as of the last message), by id. */
    private final Map<Long, SpanInfo> spans = new HashMap<>();
    private final Map<Long, AttributionInfo> links = new LinkedHashMap<>();
    private List<SpanInfo> ordered;
    /** The browser's temporary ids ("t3") of spans and links this binding made, and their real ids. */
    private final Map<String, Long> temporary = new HashMap<>();
    private long seq;
    private Long selected;
    private boolean readOnly;
    /** Bumped by every change made here: a reconcile read before a change made meanwhile is read again. */
    private volatile long edits;
    private Registration live;
    private com.vaadin.flow.component.checkbox.Checkbox arcsToggle;
    /** The document's text (messages name ranges by their words), or null. */
    private org.factspan.base.CodePoints text;
    private Registration detach;
    private LiveDocuments hub;
    private long liveDocument;
    private String liveOwner;

    public EditorBinding(TextAnnotator annotator, Host host) {
        this.annotator = annotator;
        this.host = host;
        annotator.onOp(this::handle);
        annotator.shows(() -> spans().stream().map(s -> new TextAnnotator.ClientSpan(s.id(), s.start(), s.end(),
                s.label())).toList(), () -> links.values().stream().map(a -> new TextAnnotator.ClientLink(a.id(),
                a.source(), a.cue(), a.content())).toList());
    }

    /** Starts editing with this editor (a new document): sends the whole state; the undo history starts empty. */
    public void open(DocumentEditor editor, Suggestions suggestions) {
        open(editor, suggestions, null);
    }

    /** As {@link #open(DocumentEditor, Suggestions)}; {@code text} names spans in messages by their words. */
    public void open(DocumentEditor editor, Suggestions suggestions, org.factspan.base.CodePoints text) {
        this.text = text;
        this.editor = editor;
        this.suggestions = suggestions;
        editor.setLookup(spans::get);
        temporary.clear();
        selected = null;
        edits++;
        replace(editor.spans(), editor.attributions());
        Map<String, Object> reset = message("reset");
        reset.put("spans", spans().stream().map(EditorBinding::client).toList());
        reset.put("links", links.values().stream().map(EditorBinding::client).toList());
        annotator.send(reset);
    }

    /**
     * Follows changes of the open document made elsewhere ({@code owner}'s work: the user's own, or "gold") and shows
     * them within a second; tells the hub about this binding's own changes. Stops when the annotator is detached.
     */
    public void live(LiveDocuments hub, long documentId, String owner) {
        stopLive();
        UI ui = UI.getCurrent();
        if (hub == null || ui == null) {
            return;
        }
        this.hub = hub;
        this.liveDocument = documentId;
        this.liveOwner = owner;
        live = hub.follow(documentId, owner, this, () -> {
            Stored stored;
            try {
                stored = read();
            } catch (RuntimeException e) {
                return; // no longer allowed, or the document went: the next action says so
            }
            try {
                ui.access(() -> {
                    if (!reconcile(stored)) {
                        reconcileNow();
                    }
                });
            } catch (com.vaadin.flow.component.UIDetachedException gone) {
                stopLive();
            }
        });
        if (detach == null) {
            detach = annotator.addDetachListener(e -> stopLive());
        }
    }

    private void stopLive() {
        if (live != null) {
            live.remove();
            live = null;
        }
    }

    /**
     * Others following the document are told now (the hub's poll would tell them a little later); the hub does not
     * tell this binding about its own change again when it finds it in the audit trail.
     */
    private void published(Change change) {
        if (hub != null && live != null) {
            java.util.Set<Long> spanIds = new java.util.HashSet<>(change.removedSpans());
            change.spans().forEach(s -> spanIds.add(s.id()));
            change.links().forEach(a -> spanIds.add(a.content()));
            java.util.Set<Long> linkIds = new java.util.HashSet<>(change.removedLinks());
            change.links().forEach(a -> linkIds.add(a.id()));
            hub.changed(liveDocument, liveOwner, this, spanIds, linkIds);
        }
    }

    /** The toolbar's switch between the selected span's arcs and all of them (id {@code arcs-toggle}). */
    public com.vaadin.flow.component.checkbox.Checkbox arcsToggle() {
        if (arcsToggle == null) {
            arcsToggle = new com.vaadin.flow.component.checkbox.Checkbox("All arcs");
            arcsToggle.setId("arcs-toggle");
            arcsToggle.getElement().setAttribute("title",
                    "Draw every attribution as arcs (off: only the selected or hovered span's)");
            arcsToggle.addValueChangeListener(e -> annotator.setAllArcs(e.getValue()));
        }
        return arcsToggle;
    }

    public void setReadOnly(boolean readOnly, String reason) {
        this.readOnly = readOnly;
        annotator.setReadonly(readOnly, reason);
    }

    /** How many spans there are (without sorting them). */
    public int count() {
        return spans.size();
    }

    /** The spans in document order. */
    public List<SpanInfo> spans() {
        if (ordered == null) {
            ordered = spans.values().stream().sorted(Comparator.comparingInt(SpanInfo::start)
                    .thenComparingInt(SpanInfo::end).thenComparingLong(SpanInfo::id)).toList();
        }
        return ordered;
    }

    public List<AttributionInfo> links() {
        return List.copyOf(links.values());
    }

    public Optional<SpanInfo> span(long id) {
        return Optional.ofNullable(spans.get(id));
    }

    public Long selected() {
        return selected;
    }

    public Optional<SpanInfo> selectedSpan() {
        return selected == null ? Optional.empty() : span(selected);
    }

    public boolean canUndo() {
        return editor != null && editor.canUndo();
    }

    public boolean canRedo() {
        return editor != null && editor.canRedo();
    }

    /**
     * Selects a span in the text (or none) from the server side: a click in the panel, a search hit. The host is not
     * told (it asked); it is told when the user selects in the text.
     */
    public void select(Long spanId) {
        Long next = spanId != null && spans.containsKey(spanId) ? spanId : null;
        if (java.util.Objects.equals(next, selected)) {
            return;
        }
        selected = next;
        Map<String, Object> m = message("select");
        m.put("id", selected == null ? null : String.valueOf(selected));
        annotator.send(m);
    }

    // ------------------------------------------------------------------ ops of the browser

    /** An op of the browser (see the class comment); also what tests call to act as the browser. */
    public void handle(JsonNode op) {
        String kind = op.path("kind").asString("");
        long opId = op.path("opId").asLong(0);
        if (editor == null) {
            return;
        }
        switch (kind) {
            case "select" -> {
                Long id = resolve(op.get("id"));
                selected = id != null && spans.containsKey(id) ? id : null;
                host.selected(selected);
            }
            case "reject" -> reject(op.path("key").asString(""));
            case "create" -> answer(opId, op, true, () -> {
                SpanInfo made = editor.createSpan(op.path("start").asInt(), op.path("end").asInt(),
                        op.path("label").asString(""));
                remember(op, made.id());
            });
            case "accept" -> answer(opId, op, true, () -> accept(op));
            case "delete" -> {
                Long id = resolve(op.get("id"));
                if (id != null && op.path("linked").asBoolean(false) && spans.containsKey(id)) {
                    // a span in a triple: ask first (the browser painted nothing yet)
                    deferred(opId);
                    confirmDelete(id);
                } else {
                    answer(opId, op, true, () -> editor.deleteSpan(require(id)));
                }
            }
            case "relabel" -> answer(opId, op, true, () -> editor.relabelSpan(require(resolve(op.get("id"))),
                    op.path("label").asString("")));
            case "link" -> answer(opId, op, true, () -> {
                List<Long> ids = new ArrayList<>();
                op.path("ids").forEach(n -> ids.add(require(resolve(n))));
                AttributionInfo made = editor.link(ids);
                remember(op, made.id());
            });
            case "undo" -> answer(opId, op, false, () -> {
                if (!editor.undo()) {
                    host.info("Nothing to undo");
                }
            });
            case "redo" -> answer(opId, op, false, () -> {
                if (!editor.redo()) {
                    host.info("Nothing to redo");
                }
            });
            default -> log.debug("Unknown editor op {}", kind);
        }
    }

    private void accept(JsonNode op) {
        String key = op.path("key").asString("");
        Optional<SpanSuggestions.Suggestion> found = suggestions == null ? Optional.empty() : suggestions.get(key);
        if (found.isEmpty()) {
            throw new ConflictException("That suggestion is no longer offered (the suggestions changed meanwhile)");
        }
        SpanSuggestions.Suggestion s = found.get();
        SpanInfo made = editor.createSpan(s.start(), s.end(), s.label());
        remember(op, made.id());
        try {
            suggestions.accepted(s, made.id());
        } catch (RuntimeException e) {
            // the span is made; only the record of where it came from is missing
            log.warn("Recording an accepted suggestion failed: {}", e.toString());
        }
    }

    private void reject(String key) {
        if (suggestions == null) {
            return;
        }
        suggestions.get(key).ifPresent(s -> {
            try {
                suggestions.rejected(s);
            } catch (RuntimeException e) {
                host.refused(words(e));
                suggestions.refresh();
            }
        });
    }

    private void remember(JsonNode op, long id) {
        if (op.hasNonNull("tmp")) {
            String tmp = op.get("tmp").asString("");
            temporary.put(tmp, id);
            if (temporary.size() > 10_000) {
                temporary.clear();
                temporary.put(tmp, id);
            }
        }
    }

    /** A span id of the browser: a number, or a temporary id of a span made here. */
    private Long resolve(JsonNode id) {
        if (id == null || id.isNull() || id.isMissingNode()) {
            return null;
        }
        if (id.isNumber()) {
            return id.asLong();
        }
        String text = id.asString("");
        if (text.startsWith("t")) {
            return temporary.get(text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long require(Long id) {
        if (id == null) {
            throw new NotFoundException("That span was not saved");
        }
        return id;
    }

    /** Runs an op's change; answers with what it did, or refuses in words (and shows the browser the truth). */
    private void answer(long opId, JsonNode op, boolean undoable, Runnable change) {
        Map<String, Object> m = message("answer");
        m.put("opId", opId);
        boolean stale = false;
        try {
            if (readOnly) {
                throw new ConflictException("This document is read-only");
            }
            change.run();
            m.put("ok", true);
        } catch (RuntimeException e) {
            String why = words(e);
            m.put("ok", false);
            stale = stale(e);
            host.refused(why);
        }
        Change change1 = editor.drain();
        if (undoable && Boolean.TRUE.equals(m.get("ok")) && !change1.isEmpty()) {
            // before apply: the maps still hold what was there before the change
            m.put("entry", entry(change1, spans, links));
        }
        apply(change1);
        m.put("delta", delta(change1));
        if (op.hasNonNull("tmp") && temporary.containsKey(op.get("tmp").asString(""))) {
            m.put("ids", Map.of(op.get("tmp").asString(""), temporary.get(op.get("tmp").asString(""))));
        }
        change1.notes().forEach(host::info);
        send(m);
        if (!change1.isEmpty()) {
            published(change1);
        }
        if (stale) {
            // what the browser believed is not what is stored: show it as it is
            reconcileNow();
        }
        host.changed();
    }

    private void deferred(long opId) {
        Map<String, Object> m = message("answer");
        m.put("opId", opId);
        m.put("ok", true);
        m.put("deferred", true);
        send(m);
    }

    /** A span in a triple: asks before deleting it with its triples (Enter confirms); keys stay in the dialog. */
    private void confirmDelete(long spanId) {
        int using = (int) links.values().stream().filter(a -> a.uses(spanId)).count();
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Delete this span?");
        confirm.add(new Div(span(spanId).map(s -> quote(s.text()) + " is").orElse("It is") + " part of "
                + (using == 1 ? "an attribution" : using + " attributions")
                + ", which will be removed with it. Undo (Ctrl+Z) brings both back."));
        Button delete = new Button("Delete span and attribution" + (using == 1 ? "" : "s"), e -> {
            confirm.close();
            delete(spanId);
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        delete.setId("confirm-delete");
        delete.addClickShortcut(Key.ENTER);
        Button cancel = new Button("Cancel", e -> confirm.close());
        cancel.setId("cancel-delete");
        confirm.getFooter().add(cancel, delete);
        confirm.open();
    }

    // ------------------------------------------------------------------ changes made on the server side

    /** Deletes a span (the panel's button, the confirm dialog), with its triples. */
    public void delete(long spanId) {
        record(() -> editor.deleteSpan(spanId));
    }

    /** Deletes a span, asking first when triples use it (the panel's Delete button). */
    public void deleteAsking(long spanId) {
        if (links.values().stream().anyMatch(a -> a.uses(spanId))) {
            confirmDelete(spanId);
        } else {
            delete(spanId);
        }
    }

    public void relabel(long spanId, String label) {
        record(() -> editor.relabelSpan(spanId, label));
    }

    public void setAttribute(long spanId, String name, String value) {
        record(() -> editor.setAttribute(spanId, name, value));
    }

    public void unlink(long attributionId) {
        record(() -> editor.unlink(attributionId));
    }

    public void undo() {
        record(() -> {
            if (!editor.undo()) {
                host.info("Nothing to undo");
                return false;
            }
            return true;
        }, "undo");
    }

    public void redo() {
        record(() -> {
            if (!editor.redo()) {
                host.info("Nothing to redo");
                return false;
            }
            return true;
        }, "redo");
    }

    /** Runs a change made here and tells the browser (with its undo entry). */
    private void record(Runnable change) {
        record(() -> {
            change.run();
            return false;
        }, null);
    }

    /**
     * Runs a change made here and tells the browser: an edit with its undo entry ({@code move} null), or an undo or
     * redo ({@code move}), after which the browser's mirrored entry moves as the editor's did ({@code change} true).
     */
    private void record(java.util.function.BooleanSupplier change, String move) {
        if (editor == null) {
            return;
        }
        boolean undoable = move == null;
        boolean moved = false;
        boolean ok = true;
        boolean stale = false;
        try {
            if (readOnly) {
                throw new ConflictException("This document is read-only");
            }
            moved = change.getAsBoolean();
        } catch (RuntimeException e) {
            String why = words(e);
            ok = false;
            stale = stale(e);
            host.refused(why);
        }
        Change done = editor.drain();
        Map<String, Object> m = message(undoable && ok ? "recorded" : "external");
        if (undoable && ok && !done.isEmpty()) {
            m.put("entry", entry(done, spans, links));
        }
        apply(done);
        if (moved && ok) {
            m.put("move", move);
        }
        m.put("delta", delta(done));
        done.notes().forEach(host::info);
        send(m);
        if (!done.isEmpty()) {
            published(done);
        }
        if (stale) {
            reconcileNow();
        }
        host.changed();
    }

    // ------------------------------------------------------------------ changes made elsewhere

    /** What is stored now, read off the UI lock (see {@link #reconcile}). */
    public record Stored(List<SpanInfo> spans, List<AttributionInfo> links, long edits) {
    }

    /** Reads what is stored (any thread). */
    public Stored read() {
        long at = edits;
        DocumentEditor e = editor;
        return e == null ? null : new Stored(e.spans(), e.attributions(), at);
    }

    /**
     * Brings the browser in line with what is stored (read by {@link #read}, maybe on another thread): only the
     * difference is sent. Under the UI lock. False when a change was made here since the read (read again).
     */
    public boolean reconcile(Stored stored) {
        if (stored == null || editor == null) {
            return true;
        }
        if (stored.edits() != edits) {
            return false;
        }
        Map<Long, SpanInfo> now = new HashMap<>();
        stored.spans().forEach(s -> now.put(s.id(), s));
        Map<Long, AttributionInfo> nowLinks = new LinkedHashMap<>();
        stored.links().forEach(a -> nowLinks.put(a.id(), a));
        List<SpanInfo> changedSpans = new ArrayList<>();
        List<Long> removedSpans = new ArrayList<>();
        now.forEach((id, s) -> {
            if (!same(s, spans.get(id))) {
                changedSpans.add(s);
            }
        });
        spans.keySet().stream().filter(id -> !now.containsKey(id)).forEach(removedSpans::add);
        List<AttributionInfo> changedLinks = new ArrayList<>();
        List<Long> removedLinks = new ArrayList<>();
        nowLinks.forEach((id, a) -> {
            if (!a.equals(links.get(id))) {
                changedLinks.add(a);
            }
        });
        links.keySet().stream().filter(id -> !nowLinks.containsKey(id)).forEach(removedLinks::add);
        Change diff = new Change(changedSpans, removedSpans, changedLinks, removedLinks, List.of());
        if (diff.isEmpty()) {
            return true;
        }
        apply(diff);
        if (selected != null && !spans.containsKey(selected)) {
            selected = null;
            host.selected(null);
        }
        Map<String, Object> m = message("external");
        m.put("delta", delta(diff));
        send(m);
        host.changed();
        return true;
    }

    /** The same span as far as anyone can see (the stored creation time is rounded by the database). */
    private static boolean same(SpanInfo a, SpanInfo b) {
        return b != null && a.start() == b.start() && a.end() == b.end() && a.label().equals(b.label())
                && a.attributes().equals(b.attributes()) && java.util.Objects.equals(a.text(), b.text());
    }

    /** Reads and reconciles at once (under the UI lock: after a refusal, and in tests). */
    public void reconcileNow() {
        reconcile(read());
    }

    // ------------------------------------------------------------------ the browser's state

    private void replace(List<SpanInfo> newSpans, List<AttributionInfo> newLinks) {
        spans.clear();
        newSpans.forEach(s -> spans.put(s.id(), s));
        links.clear();
        newLinks.forEach(a -> links.put(a.id(), a));
        ordered = null;
    }

    private void apply(Change change) {
        if (change.isEmpty()) {
            return;
        }
        edits++;
        change.removedSpans().forEach(spans::remove);
        change.removedLinks().forEach(links::remove);
        change.spans().forEach(s -> spans.put(s.id(), s));
        change.links().forEach(a -> links.put(a.id(), a));
        // a span that went takes its triples along (the service deletes them too)
        links.values().removeIf(a -> !spans.containsKey(a.content()) || a.source() != null
                && !spans.containsKey(a.source()) || a.cue() != null && !spans.containsKey(a.cue()));
        ordered = null;
        if (selected != null && !spans.containsKey(selected)) {
            selected = null;
        }
    }

    private Map<String, Object> message(String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("seq", ++seq);
        return m;
    }

    private void send(Map<String, Object> m) {
        m.put("undo", canUndo());
        m.put("redo", canRedo());
        annotator.send(m);
    }

    private static Map<String, Object> delta(Change c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("spans", c.spans().stream().map(EditorBinding::client).toList());
        d.put("removeSpans", c.removedSpans().stream().map(String::valueOf).toList());
        d.put("links", c.links().stream().map(EditorBinding::client).toList());
        d.put("removeLinks", c.removedLinks().stream().map(String::valueOf).toList());
        return d;
    }

    /** The undo entry of a change: forward is the change, backward what was there before it. */
    private static Map<String, Object> entry(Change c, Map<Long, SpanInfo> spansBefore,
            Map<Long, AttributionInfo> linksBefore) {
        // a span removed takes its triples along: those are in the change's removed links already
        List<Object> spans = new ArrayList<>();
        List<String> removeSpans = new ArrayList<>();
        List<Object> links = new ArrayList<>();
        List<String> removeLinks = new ArrayList<>();
        for (SpanInfo s : c.spans()) {
            SpanInfo old = spansBefore.get(s.id());
            if (old == null) {
                removeSpans.add(String.valueOf(s.id()));
            } else {
                spans.add(client(old));
            }
        }
        for (long id : c.removedSpans()) {
            SpanInfo old = spansBefore.get(id);
            if (old != null) {
                spans.add(client(old));
            }
        }
        for (AttributionInfo a : c.links()) {
            if (linksBefore.containsKey(a.id())) {
                links.add(client(linksBefore.get(a.id())));
            } else {
                removeLinks.add(String.valueOf(a.id()));
            }
        }
        for (long id : c.removedLinks()) {
            AttributionInfo old = linksBefore.get(id);
            if (old != null) {
                links.add(client(old));
            }
        }
        Map<String, Object> backward = new LinkedHashMap<>();
        backward.put("spans", spans);
        backward.put("removeSpans", removeSpans);
        backward.put("links", links);
        backward.put("removeLinks", removeLinks);
        return Map.of("forward", delta(c), "backward", backward);
    }

    private static Map<String, Object> client(SpanInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(s.id()));
        m.put("start", s.start());
        m.put("end", s.end());
        m.put("label", s.label());
        return m;
    }

    private static Map<String, Object> client(AttributionInfo a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(a.id()));
        m.put("source", a.source() == null ? null : String.valueOf(a.source()));
        m.put("cue", a.cue() == null ? null : String.valueOf(a.cue()));
        m.put("content", String.valueOf(a.content()));
        return m;
    }

    // ------------------------------------------------------------------ words

    private static final Pattern SPAN_ID = Pattern.compile("\\b([Ss])pan (\\d+)\\b(?!\\.\\.)");
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\.\\.(\\d+)");
    private static final Pattern OTHER_ID = Pattern.compile("\\s*\\b(in )?(document|attribution) (\\d+)\\b");

    /**
     * Whether a refusal means the browser shows what is no longer there: a row gone or changed elsewhere, or a write
     * that lost a race ({@link Refusals}); the editor then reloads what is stored.
     */
    private static boolean stale(RuntimeException e) {
        return e instanceof RefusedException ? e instanceof NotFoundException || e instanceof ConflictException
                : Refusals.of(e).isPresent();
    }

    /**
     * A refusal in words ({@link Notify#explain}, the one mapping of refusals, lost races and storage failures):
     * spans by their text, no internal ids. A bug is thrown on.
     */
    String words(RuntimeException e) {
        if (e instanceof NotFoundException) {
            return "That span or attribution is gone: it was changed elsewhere (another window, or someone else)."
                    + " The editor shows it as it is now; nothing else was changed.";
        }
        String message = Notify.explain(e);
        Matcher m = SPAN_ID.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long id = Long.parseLong(m.group(2));
            String text = span(id).map(s -> quote(s.text())).orElse("that span");
            m.appendReplacement(out, Matcher.quoteReplacement((m.group(1).equals("S") ? "The span " : "the span ")
                    + text));
        }
        m.appendTail(out);
        if (text != null) {
            Matcher r = RANGE.matcher(out.toString());
            StringBuilder named = new StringBuilder();
            while (r.find()) {
                int a = Integer.parseInt(r.group(1));
                int b = Integer.parseInt(r.group(2));
                String words = a >= 0 && a < b && b <= text.length() ? quote(text.substring(a, b)) : r.group();
                r.appendReplacement(named, Matcher.quoteReplacement(words));
            }
            r.appendTail(named);
            out = named;
        }
        Matcher other = OTHER_ID.matcher(out.toString());
        return other.replaceAll(r -> r.group(2).equals("attribution") ? " that attribution" : "");
    }

    static String quote(String text) {
        String t = text == null ? "" : text.strip();
        if (t.codePointCount(0, t.length()) > 40) {
            t = t.substring(0, t.offsetByCodePoints(0, 40)).strip() + "…";
        }
        return "‘" + t + "’";
    }
}
