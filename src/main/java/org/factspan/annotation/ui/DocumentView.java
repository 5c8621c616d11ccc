package org.factspan.annotation.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.DocumentEditor;
import org.factspan.annotation.SpanInfo;
import org.factspan.annotation.SpanSuggestions;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.TaskExecutor;

/**
 * The annotation editor for one document and the logged-in user: select text and press a label's key
 * (or pick it in the popup); click a span (or Tab to it) to see and edit it in the side panel; Del
 * deletes it, {@code l} links it into an attribution, Ctrl+Z / Ctrl+Shift+Z undo and redo. Suggestions show as
 * dashed ghosts: {@code ]}/{@code [} move between them, Enter or a click accepts, {@code x} rejects. The query
 * parameters {@code span} (one of the user's spans) or {@code from} and {@code to} (code points) scroll there and
 * select it.
 */
@Route("projects/:slug/documents/:documentId")
@PermitAll
public class DocumentView extends HorizontalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final TextAnnotator annotator = new TextAnnotator();
    final SpanPanel panel;
    private final AnnotationService annotations;
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final H2 heading = new H2();
    private final Div meta = new Div();
    private final HorizontalLayout legend = new HorizontalLayout();
    private final Span count = new Span();
    final Button undo = new Button("Undo");
    final Button redo = new Button("Redo");
    final org.factspan.corpus.ui.AssignmentBar assignment;
    private DocumentEditor editor;
    private ProjectInfo project;
    private List<SpanInfo> spans = List.of();
    private List<AttributionInfo> links = List.of();
    private String pageTitle = "Document · Factspan";
    final SuggestionLayer suggestions;
    private final org.factspan.annotation.HistoryService history;
    private long openDocumentId;
    final com.vaadin.flow.component.button.Button historyButton = new com.vaadin.flow.component.button.Button(
            "History");

    public DocumentView(AnnotationService annotations, CorpusService corpus, CurrentUser currentUser,
            org.factspan.corpus.AssignmentService assignments, ObjectProvider<SpanSuggestions> suggestions,
            TaskExecutor executor, org.factspan.annotation.HistoryService history) {
        this.history = history;
        this.assignment = new org.factspan.corpus.ui.AssignmentBar(assignments, currentUser);
        this.assignment.onReadOnlyChange(this::setReadOnly);
        this.annotations = annotations;
        this.corpus = corpus;
        this.currentUser = currentUser;
        this.panel = new SpanPanel(this);
        this.suggestions = new SuggestionLayer(suggestions.getIfAvailable(), annotator, executor);
        annotator.addGhostAcceptListener(e -> acceptSuggestion(e.getKey()));
        annotator.addGhostRejectListener(e -> rejectSuggestion(e.getKey()));
        addClassName("fs-document");
        setWidthFull();
        setSpacing(false);
        annotator.setId("annotator");
        heading.addClassName("fs-doc-title");
        meta.addClassName("fs-doc-meta");
        legend.addClassName("fs-legend");
        legend.setId("legend");
        count.setId("span-count");
        count.addClassName("fs-count");
        undo.setId("undo");
        redo.setId("redo");
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        redo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        undo.getElement().setAttribute("title", "Undo (Ctrl+Z)");
        redo.getElement().setAttribute("title", "Redo (Ctrl+Shift+Z or Ctrl+Y)");
        undo.addClickListener(e -> undo());
        redo.addClickListener(e -> redo());

        annotator.addCreateListener(e -> createSpan(e.getStart(), e.getEnd(), e.getLabel()));
        annotator.addSelectListener(e -> select(e.getSpanId()));
        annotator.addDeleteListener(e -> {
            if (e.getSpanId() != null) {
                deleteSpan(e.getSpanId());
            }
        });
        annotator.addRelabelListener(e -> {
            if (e.getSpanId() != null) {
                relabel(e.getSpanId(), e.getLabel());
            }
        });
        annotator.addLinkListener(e -> link(e.getSpanIds()));
        annotator.addUndoListener(e -> undo());
        annotator.addRedoListener(e -> redo());

        historyButton.setId("document-history");
        historyButton.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        historyButton.addClickListener(e -> showDocumentHistory());
        var toolbar = new HorizontalLayout(legend, this.suggestions.status, undo, redo, historyButton, count);
        toolbar.addClassName("fs-toolbar");
        toolbar.setWidthFull();
        toolbar.expand(legend);
        var main = new VerticalLayout(heading, meta, assignment, toolbar, annotator);
        main.addClassName("fs-doc-main");
        main.setPadding(false);
        add(main, panel);
        expand(main);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteParameters params = event.getRouteParameters();
        String slug = params.get("slug").orElse("");
        try {
            long documentId = Long.parseLong(params.get("documentId").orElse(""));
            Actor actor = currentUser.require();
            project = corpus.requireProject(actor, slug);
            DocumentContent doc = corpus.openDocument(actor, slug, documentId);
            editor = new DocumentEditor(annotations, actor, slug, documentId);
            openDocumentId = documentId;
            pageTitle = doc.title() + " · Factspan";
            heading.setText(doc.title());
            showMeta(doc.meta());
            showLegend(project.labels());
            annotator.setLabels(project.labels());
            annotator.setSnap(project.snapWords());
            annotator.setContentLabel(AnnotationService.CONTENT_LABEL);
            annotator.setText(doc.text());
            panel.setGuidelines(project.guidelines());
            assignment.show(slug, documentId, project.archived());
            if (!assignment.readOnly()) {
                suggestions.open(actor, slug, documentId);
            }
            refresh();
            setReadOnly(assignment.readOnly());
            reveal(event.getLocation().getQueryParameters().getParameters(), doc.length());
        } catch (NumberFormatException | NotFoundException | ForbiddenException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class,
                    e instanceof NumberFormatException ? "No such document" : e.getMessage());
        }
    }

    /** Finished (for this annotator) or archived: no edits in the text; the span service refuses them anyway. */
    private void setReadOnly(boolean readOnly) {
        annotator.setReadonly(readOnly);
        getElement().setAttribute("data-readonly", Boolean.toString(readOnly));
        undo.setVisible(!readOnly);
        redo.setVisible(!readOnly);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    ProjectInfo project() {
        return project;
    }

    List<SpanInfo> spans() {
        return spans;
    }

    List<AttributionInfo> links() {
        return links;
    }

    Optional<SpanInfo> selectedSpan() {
        Long id = annotator.getSelected();
        return id == null ? Optional.empty() : spans.stream().filter(s -> s.id() == id).findFirst();
    }

    // ------------------------------------------------------------------ edits (all through the editor)

    /** Creates a span (undoable); returns it, or null when it was refused (the user sees why). */
    SpanInfo createSpan(int start, int end, String label) {
        try {
            SpanInfo created = editor.createSpan(start, end, label);
            // A create changes one span: update the list in memory instead of reading thousands again.
            List<SpanInfo> next = new java.util.ArrayList<>(spans);
            next.add(created);
            next.sort(java.util.Comparator.comparingInt(SpanInfo::start).thenComparingInt(SpanInfo::end)
                    .thenComparingLong(SpanInfo::id));
            spans = List.copyOf(next);
            annotator.setSelected(created.id());
            show();
            return created;
        } catch (InvalidRequestException | ConflictException | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
            refresh();
            return null;
        }
    }

    /** Accepts a suggestion: the user's own span (undoable like any other), recorded as accepted from it. */
    void acceptSuggestion(String key) {
        Optional<SpanSuggestions.Suggestion> found = suggestions.get(key);
        if (found.isEmpty()) {
            suggestions.refresh();
            return;
        }
        SpanSuggestions.Suggestion s = found.get();
        SpanInfo created = createSpan(s.start(), s.end(), s.label());
        if (created != null) {
            try {
                suggestions.accepted(s, created.id());
            } catch (InvalidRequestException | NotFoundException | ForbiddenException e) {
                error(e.getMessage());
            }
        }
    }

    /** Rejects a suggestion: not proposed to this user in this document again. */
    void rejectSuggestion(String key) {
        suggestions.get(key).ifPresent(s -> {
            try {
                suggestions.rejected(s);
            } catch (InvalidRequestException | NotFoundException | ForbiddenException e) {
                error(e.getMessage());
                suggestions.refresh();
            }
        });
    }

    /** {@code ?span=ID} selects one of the user's spans; {@code ?from=A&to=B} a code point range. */
    private void reveal(Map<String, List<String>> query, int length) {
        try {
            if (query.containsKey("span")) {
                long id = Long.parseLong(query.get("span").getFirst());
                if (spans.stream().anyMatch(x -> x.id() == id)) {
                    annotator.setSelected(id);
                    annotator.revealSpan(id);
                    panel.show(selectedSpan());
                    return;
                }
            }
            if (query.containsKey("from")) {
                int from = Integer.parseInt(query.get("from").getFirst());
                int to = query.containsKey("to") ? Integer.parseInt(query.get("to").getFirst()) : from;
                if (from >= 0 && from <= to && to <= length) {
                    annotator.reveal(from, to);
                }
            }
        } catch (NumberFormatException ignored) {
            // a hand-edited address: open the document at its start
        }
    }

    void select(Long spanId) {
        annotator.setSelected(spanId);
        panel.show(selectedSpan());
    }

    /** Deletes a span; asks first when attributions use it. */
    void deleteSpan(long spanId) {
        List<AttributionInfo> using = links.stream().filter(a -> a.uses(spanId)).toList();
        if (using.isEmpty()) {
            doDelete(spanId);
            return;
        }
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Delete this span?");
        confirm.add(new Div("It is part of " + (using.size() == 1 ? "an attribution" : using.size() + " attributions")
                + ", which will be removed with it. Undo (Ctrl+Z) brings both back."));
        Button delete = new Button("Delete span and attribution" + (using.size() == 1 ? "" : "s"), e -> {
            confirm.close();
            doDelete(spanId);
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        delete.setId("confirm-delete");
        delete.addClickShortcut(Key.ENTER);
        Button cancel = new Button("Cancel", e -> confirm.close());
        confirm.getFooter().add(cancel, delete);
        confirm.open();
    }

    private void doDelete(long spanId) {
        try {
            editor.deleteSpan(spanId);
            spans = spans.stream().filter(s -> s.id() != spanId).toList();
            links = links.stream().filter(a -> !a.uses(spanId)).toList();
            annotator.setSelected(null);
            show();
        } catch (InvalidRequestException | ConflictException | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
            refresh();
        }
    }

    void relabel(long spanId, String label) {
        run(() -> editor.relabelSpan(spanId, label));
    }

    void setAttribute(long spanId, String name, String value) {
        run(() -> editor.setAttribute(spanId, name, value));
    }

    void link(List<Long> spanIds) {
        run(() -> editor.link(spanIds));
    }

    void unlink(long attributionId) {
        run(() -> editor.unlink(attributionId));
    }

    void undo() {
        run(() -> {
            if (!editor.undo()) {
                info("Nothing to undo");
            }
            return null;
        });
        keepSelectionValid();
    }

    void redo() {
        run(() -> {
            if (!editor.redo()) {
                info("Nothing to redo");
            }
            return null;
        });
        keepSelectionValid();
    }

    private void keepSelectionValid() {
        if (selectedSpan().isEmpty() && annotator.getSelected() != null) {
            annotator.setSelected(null);
            panel.show(Optional.empty());
        }
    }

    /** Runs an edit; a refused edit shows its message and changes nothing. The view is refreshed either way. */
    private void run(Supplier<?> edit) {
        try {
            edit.get();
        } catch (InvalidRequestException | ConflictException | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
        }
        refresh();
    }

    /** Reads the document's spans and attributions again and shows them. */
    private void refresh() {
        spans = editor == null ? List.of() : editor.spans();
        links = editor == null ? List.of() : editor.attributions();
        show();
    }

    /** Shows {@link #spans} and {@link #links}: the client gets only what changed. */
    private void show() {
        annotator.setSpans(spans.stream()
                .map(s -> new TextAnnotator.ClientSpan(s.id(), s.start(), s.end(), s.label())).toList());
        annotator.setLinks(links.stream()
                .map(a -> new TextAnnotator.ClientLink(a.id(), a.source(), a.cue(), a.content())).toList());
        if (annotator.getSelected() != null && selectedSpan().isEmpty()) {
            annotator.setSelected(null);
        }
        count.setText(spans.size() == 1 ? "1 span" : spans.size() + " spans");
        undo.setEnabled(editor != null && editor.canUndo());
        redo.setEnabled(editor != null && editor.canRedo());
        panel.show(selectedSpan());
        suggestions.refresh();
    }

    // ------------------------------------------------------------------ header

    private void showMeta(Map<String, String> m) {
        meta.removeAll();
        meta.add(new Anchor(DocumentListView.class.getAnnotation(Route.class).value().replace(":slug", project.slug()),
                project.name()));
        for (String key : List.of("outlet", "date", "byline")) {
            if (m.containsKey(key)) {
                meta.add(new Span(" · " + m.get(key)));
            }
        }
        // only a web address becomes a link: an imported "url" may say anything (javascript:, data:, ...), and
        // Vaadin refuses unsafe schemes by throwing, which would make the document impossible to open
        if (m.containsKey("url") && m.get("url").strip().matches("(?i)https?://\\S+")) {
            meta.add(new Span(" · "));
            Anchor original = new Anchor(m.get("url"), "original");
            original.setTarget("_blank");
            original.getElement().setAttribute("rel", "noopener noreferrer");
            meta.add(original);
        }
    }

    private void showLegend(List<LabelInfo> labels) {
        legend.removeAll();
        for (LabelInfo label : labels) {
            Span key = new Span(label.letter() == null ? label.key() : label.key() + " " + label.letter());
            key.addClassName("fs-key");
            Span item = new Span(key, new Span(label.title()));
            item.addClassName("fs-legend-item");
            item.getElement().setAttribute("data-label", label.name());
            item.getStyle().set("--fs-color", label.color());
            legend.add(item);
        }
    }

    static void error(String message) {
        Notification n = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static void info(String message) {
        Notification.show(message, 2000, Notification.Position.BOTTOM_START);
    }


    // ------------------------------------------------------------------ history (audit trail)

    /** What was done to a span, as the audit trail has it (what the user may see). */
    java.util.List<org.factspan.base.audit.AuditEvent> spanHistory(long spanId) {
        return history.ofSpan(currentUser.require(), project.slug(), openDocumentId, spanId);
    }

    /** The document's audit trail in a dialog: who did what when, before and after. */
    void showDocumentHistory() {
        var events = history.ofDocument(currentUser.require(), project.slug(), openDocumentId);
        var dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle("History of this document");
        dialog.setWidth("min(64rem, 95vw)");
        dialog.add(HistoryList.of(events));
        var close = new com.vaadin.flow.component.button.Button("Close", e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }
}
