package org.factspan.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.AttributionInfo;
import org.factspan.annotation.DocumentEditor;
import org.factspan.annotation.SpanId;
import org.factspan.annotation.SpanInfo;
import org.factspan.annotation.SpanSuggestions;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentContent;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.corpus.ui.ProjectRoute;
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
    final EditorBinding binding;
    private final LiveDocuments live;
    private ProjectInfo project;
    private String pageTitle = "Document · Factspan";
    final SuggestionLayer suggestions;
    private final org.factspan.annotation.HistoryService history;
    private long openDocumentId;
    final com.vaadin.flow.component.button.Button historyButton = new com.vaadin.flow.component.button.Button(
            "History");

    public DocumentView(AnnotationService annotations, CorpusService corpus, CurrentUser currentUser,
            org.factspan.corpus.AssignmentService assignments, ObjectProvider<SpanSuggestions> suggestions,
            TaskExecutor executor, org.factspan.annotation.HistoryService history, LiveDocuments live) {
        this.history = history;
        this.live = live;
        this.assignment = new org.factspan.corpus.ui.AssignmentBar(assignments, currentUser);
        this.assignment.onReadOnlyChange(this::setReadOnly);
        this.annotations = annotations;
        this.corpus = corpus;
        this.currentUser = currentUser;
        this.panel = new SpanPanel(this);
        this.suggestions = new SuggestionLayer(suggestions.getIfAvailable(), annotator, executor);
        this.binding = new EditorBinding(annotator, new EditorBinding.Host() {
            @Override
            public void changed() {
                show();
            }

            @Override
            public void selected(Long spanId) {
                panel.show(selectedSpan());
            }
        });
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

        historyButton.setId("document-history");
        historyButton.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        historyButton.addClickListener(e -> showDocumentHistory());
        var toolbar = new HorizontalLayout(legend, this.suggestions.group, binding.arcsToggle(), undo, redo,
                historyButton, count);
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
        ProjectRoute.enter(event, corpus, currentUser, route -> {
            String slug = route.slug();
            long documentId = route.id("documentId", "document");
            Actor actor = route.actor();
            project = route.project();
            DocumentContent doc = corpus.openDocument(actor, slug, documentId);
            DocumentEditor editor = new DocumentEditor(annotations, actor, slug, documentId);
            openDocumentId = documentId;
            pageTitle = doc.title() + " · Factspan";
            heading.setText(doc.title());
            showMeta(doc.meta());
            LabelLegend.show(legend, project.labels());
            annotator.setLabels(project.labels());
            annotator.setSnap(project.snapWords());
            annotator.setText(doc.text());
            panel.setGuidelines(project.guidelines());
            assignment.show(slug, documentId, project.archived());
            suggestions.open(actor, slug, documentId);
            setReadOnly(assignment.readOnly());
            binding.open(editor, assignment.readOnly() ? null : suggestions, corpus.textIndex(documentId));
            binding.live(live, documentId, actor.username());
            show();
            reveal(route.query(), doc.length());
        });
    }

    /**
     * Finished (for this annotator) or archived: no edits in the text (the span service refuses them anyway); a key
     * that would edit says why, and the side panel says so instead of the key help.
     */
    private void setReadOnly(boolean readOnly) {
        binding.setReadOnly(readOnly, readOnly ? readOnlyReason() : null);
        getElement().setAttribute("data-readonly", Boolean.toString(readOnly));
        undo.setVisible(!readOnly);
        redo.setVisible(!readOnly);
        suggestions.setEnabled(!readOnly);
        panel.show(selectedSpan());
    }

    /** Why the document is read-only, in the words a key press gets. */
    String readOnlyReason() {
        return "archived".equals(assignment.getElement().getAttribute("data-state"))
                ? "This project is archived: read-only"
                : "Finished — a curator can reopen it";
    }

    boolean readOnly() {
        return assignment.readOnly();
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    ProjectInfo project() {
        return project;
    }

    List<SpanInfo> spans() {
        return binding.spans();
    }

    List<AttributionInfo> links() {
        return binding.links();
    }

    Optional<SpanInfo> selectedSpan() {
        return binding.selectedSpan();
    }

    Optional<SpanInfo> span(long id) {
        return binding.span(id);
    }

    // ------------------------------------------------------------------ edits (all through the binding)

    /** {@code ?span=ID} selects one of the user's spans; {@code ?from=A&to=B} a code point range. */
    private void reveal(Map<String, List<String>> query, int length) {
        try {
            if (query.containsKey("span")) {
                long id = Long.parseLong(query.get("span").getFirst());
                if (binding.span(id).isPresent()) {
                    select(id);
                    annotator.revealSpan(id);
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
        binding.select(spanId);
        panel.show(selectedSpan());
    }

    /** Deletes a span; asks first when attributions use it. */
    void deleteSpan(long spanId) {
        binding.deleteAsking(spanId);
    }

    void relabel(long spanId, String label) {
        binding.relabel(spanId, label);
    }

    void setAttribute(long spanId, String name, String value) {
        binding.setAttribute(spanId, name, value);
    }

    void unlink(long attributionId) {
        binding.unlink(attributionId);
    }

    void undo() {
        binding.undo();
    }

    void redo() {
        binding.redo();
    }

    /** Shows what the binding holds: counts, undo state, the panel; asks for fresh suggestions. */
    private void show() {
        int n = binding.count();
        count.setText(n == 1 ? "1 span" : n + " spans");
        undo.setEnabled(binding.canUndo());
        redo.setEnabled(binding.canRedo());
        panel.show(selectedSpan());
        if (!readOnly()) {
            suggestions.refresh();
        }
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

    // ------------------------------------------------------------------ history (audit trail)

    /** What was done to a span, as the audit trail has it (what the user may see). */
    java.util.List<org.factspan.base.audit.AuditEvent> spanHistory(long spanId) {
        return history.ofSpan(currentUser.require(), project.slug(), new DocumentId(openDocumentId), new SpanId(spanId));
    }

    /** Audit trail entries in words (curators also see the attributes before and after). */
    com.vaadin.flow.component.Component history(java.util.List<org.factspan.base.audit.AuditEvent> events) {
        Map<Long, String> texts = new java.util.HashMap<>();
        binding.spans().forEach(s -> texts.put(s.id(), s.text()));
        return HistoryList.of(events, texts, name -> project.label(name).map(LabelInfo::title).orElse(name),
                project.curatedBy(currentUser.require()));
    }

    /** The document's audit trail in a dialog: who did what when, in words. */
    void showDocumentHistory() {
        var events = history.ofDocument(currentUser.require(), project.slug(), openDocumentId);
        var dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle("History of this document");
        dialog.setWidth("min(64rem, 95vw)");
        dialog.add(history(events));
        var close = new com.vaadin.flow.component.button.Button("Close", e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }
}
