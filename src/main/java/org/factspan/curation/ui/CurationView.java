package org.factspan.curation.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.DocumentEditor;
import org.factspan.annotation.Provenance;
import org.factspan.annotation.ui.EditorBinding;
import org.factspan.annotation.ui.LiveDocuments;
import org.factspan.annotation.ui.TextAnnotator;
import org.factspan.base.CodePoints;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.curation.Accept;
import org.factspan.curation.CurationService;
import org.factspan.curation.CurationStatus;
import org.factspan.curation.DocumentCuration;
import org.factspan.curation.DocumentCuration.GoldSpan;
import org.factspan.curation.DocumentCuration.ReviewPosition;
import org.factspan.curation.DocumentCuration.ReviewSpan;
import org.factspan.curation.GoldStore;
import org.factspan.curation.MergeMode;
import org.factspan.curation.MergeOptions;
import org.factspan.curation.ReviewStatus;
import org.factspan.curation.Versioned;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;

/**
 * Curation of one document, for the project's curators and admins: the gold standard on top, editable with the
 * annotation component (through a {@link DocumentEditor} on a {@link GoldStore}, so with undo and version checks);
 * below it each annotator's version, read-only, coloured by review status; on the side the place selected, with every
 * annotator's version there and buttons (and keys) to accept or reject. {@code ?at=start-end} selects a place.
 */
@Route("projects/:slug/documents/:documentId/curate")
@PermitAll
public class CurationView extends HorizontalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm")
            .withZone(ZoneId.systemDefault());

    final TextAnnotator gold = new TextAnnotator();
    /** The gold standard in the text: the same editor binding as the annotation view (decision 020). */
    final EditorBinding goldBinding;
    final ReviewPanel panel;
    final Div annotatorsBox = new Div();
    final Div startBox = new Div();
    final Div workBox = new Div();
    final Span status = new Span();
    final Span version = new Span();
    final Span openCount = new Span();
    final Button markCurated = new Button("Mark curated");
    final Button reopen = new Button("Reopen");
    final Button mergeAgain = new Button("Merge again…");
    final Button undo = new Button("Undo");
    final Button redo = new Button("Redo");
    final Checkbox anonymous = new Checkbox("Hide annotator names");
    final RadioButtonGroup<MergeMode> startMode = new RadioButtonGroup<>();
    final NumberField startThreshold = new NumberField("Majority threshold (share of annotators)");
    final Button start = new Button("Start curation");
    final Checkbox startUnfinished = new Checkbox();
    final Span curatedOpen = new Span();
    /** The dialog that refuses "Mark curated" while places are open, naming each; null when not shown. */
    Dialog refusal;
    final Map<String, AnnotatorText> texts = new LinkedHashMap<>();

    private final CurationService curation;
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final LiveDocuments live;
    private com.vaadin.flow.shared.Registration following;
    private final H2 heading = new H2();
    private final Div meta = new Div();
    private final HorizontalLayout legend = new HorizontalLayout();
    private final Span goldCount = new Span();
    private String slug;
    private long documentId;
    private ProjectInfo project;
    private CodePoints text;
    private DocumentCuration state;
    private GoldStore store;
    private String pageTitle = "Curation · Factspan";
    /** The place selected: a span position index, or -1. */
    private int position = -1;
    /** The disagreement place selected (an index of {@code state.places()}), or -1: what Alt+Down walks from. */
    private int place = -1;
    /** The annotator's span selected at that place (the target of Enter and Del), or null. */
    private Long unit;
    /** A place asked for (?at=) before curation started: selected once it has. */
    private String pendingAt;
    /** The kind asked for with it (?kind=), or null. */
    private String pendingKind;

    public CurationView(CurationService curation, CorpusService corpus, CurrentUser currentUser, LiveDocuments live) {
        this.curation = curation;
        this.corpus = corpus;
        this.currentUser = currentUser;
        this.live = live;
        this.goldBinding = new EditorBinding(gold, new EditorBinding.Host() {
            @Override
            public void changed() {
                reload();
            }

            @Override
            public void selected(Long spanId) {
                goldSelected(spanId);
            }

            @Override
            public void refused(String message) {
                error(message + (message.contains("Reload") ? " The view has been reloaded." : ""));
            }
        });
        this.panel = new ReviewPanel(this);
        addClassName("fs-curation");
        CurationStyles.attachTo(this);
        setWidthFull();
        setSpacing(false);

        heading.addClassName("fs-doc-title");
        meta.addClassName("fs-doc-meta");
        status.setId("curation-status");
        status.addClassName("fs-cur-badge");
        version.setId("gold-version");
        version.addClassName("fs-muted");
        openCount.setId("open-count");
        openCount.addClassName("fs-cur-open");
        curatedOpen.setId("curated-open");
        curatedOpen.addClassName("fs-cur-badge");
        curatedOpen.addClassName("fs-cur-curated-open");
        legend.addClassName("fs-legend");
        goldCount.addClassName("fs-count");
        gold.setId("gold");

        markCurated.setId("mark-curated");
        markCurated.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        markCurated.addClickListener(e -> markCurated());
        reopen.setId("reopen");
        reopen.addThemeVariants(ButtonVariant.LUMO_SMALL);
        reopen.addClickListener(e -> reopen());
        mergeAgain.setId("merge-again");
        mergeAgain.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        mergeAgain.addClickListener(e -> openMergeDialog());
        undo.setId("undo");
        redo.setId("redo");
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        redo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        undo.getElement().setAttribute("title", "Undo a change of the gold standard (Ctrl+Z)");
        redo.getElement().setAttribute("title", "Redo (Ctrl+Shift+Z or Ctrl+Y)");
        undo.addClickListener(e -> undo());
        redo.addClickListener(e -> redo());
        anonymous.setId("anonymous");
        anonymous.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reload();
            }
        });

        buildStartBox();

        var toolbar = new HorizontalLayout(legend, goldBinding.arcsToggle(), undo, redo, goldCount);
        toolbar.addClassName("fs-toolbar");
        toolbar.setWidthFull();
        toolbar.expand(legend);
        H3 goldTitle = new H3("Gold standard");
        goldTitle.addClassName("fs-cur-section");
        Div goldBox = new Div(gold);
        goldBox.addClassName("fs-cur-box");
        goldBox.addClassName("fs-cur-gold");
        goldBox.setId("gold-box");
        H3 annotatorsTitle = new H3("Annotators");
        annotatorsTitle.addClassName("fs-cur-section");
        annotatorsBox.setId("annotator-versions");
        workBox.add(toolbar, goldTitle, goldBox, annotatorsTitle, statusLegend(), annotatorsBox);

        var actions = new HorizontalLayout(status, curatedOpen, version, openCount, mergeAgain, reopen,
                markCurated);
        actions.addClassName("fs-cur-actions");
        actions.setAlignItems(Alignment.CENTER);
        var main = new VerticalLayout(heading, meta, actions, startBox, workBox);
        main.addClassName("fs-doc-main");
        main.setPadding(false);
        main.setSpacing(false);
        add(main, panel);
        expand(main);

        Shortcuts.addShortcutListener(this, this::acceptSelected, Key.ENTER).allowBrowserDefault();
        Shortcuts.addShortcutListener(this, this::toggleRejectSelected, Key.DELETE).allowBrowserDefault();
        Shortcuts.addShortcutListener(this, this::toggleRejectSelected, Key.BACKSPACE).allowBrowserDefault();
        Shortcuts.addShortcutListener(this, () -> step(1), Key.ARROW_DOWN, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> step(-1), Key.ARROW_UP, KeyModifier.ALT);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getRouteParameters();
        slug = params.get("slug").orElse("");
        try {
            documentId = Long.parseLong(params.get("documentId").orElse(""));
            Actor actor = currentUser.require();
            project = corpus.requireProject(actor, slug);
            var query = event.getLocation().getQueryParameters().getParameters();
            anonymous.setValue(query.getOrDefault("anonymous", List.of()).contains("true"));
            state = curation.read(actor, slug, documentId, anonymous.getValue());
            text = CodePoints.of(state.document().text());
            pageTitle = "Curate: " + state.document().title() + " · Factspan";
            heading.setText(state.document().title());
            showMeta();
            showLegend(project.labels());
            gold.setLabels(project.labels());
            gold.setSnap(project.snapWords());
            gold.setText(state.document().text());
            store = new GoldStore(curation, actor, slug, documentId, state.version());
            goldBinding.open(new DocumentEditor(store), null, text);
            goldBinding.live(live, documentId, AnnotationService.GOLD);
            followAnnotators();
            show();
            pendingAt = query.getOrDefault("at", List.of()).stream().findFirst().orElse(null);
            pendingKind = query.getOrDefault("kind", List.of()).stream().findFirst().orElse(null);
            if (pendingAt != null && state.status() != CurationStatus.NOT_STARTED) {
                selectAt(pendingAt, pendingKind);
                pendingAt = null;
            }
        } catch (NumberFormatException | NotFoundException | ForbiddenException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class,
                    e instanceof NumberFormatException ? "No such document" : e.getMessage());
        }
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    // ------------------------------------------------------------------ state for the panel and tests

    DocumentCuration state() {
        return state;
    }

    ProjectInfo project() {
        return project;
    }

    CodePoints text() {
        return text;
    }

    int position() {
        return position;
    }

    Long unit() {
        return unit;
    }

    boolean editable() {
        return state != null && state.status() == CurationStatus.IN_PROGRESS;
    }

    String slug() {
        return slug;
    }

    long documentId() {
        return documentId;
    }

    // ------------------------------------------------------------------ starting

    private void buildStartBox() {
        startBox.addClassName("fs-cur-start");
        startBox.setId("start-box");
        startMode.setId("start-mode");
        startMode.setLabel("When starting, put into the gold standard");
        startMode.setItems(MergeMode.UNANIMOUS, MergeMode.MAJORITY, MergeMode.NONE);
        startMode.setItemLabelGenerator(m -> switch (m) {
            case UNANIMOUS -> "what all annotators agree on";
            case MAJORITY -> "also what a majority agrees on";
            case NONE -> "nothing: start from an empty gold standard";
        });
        startMode.setValue(MergeMode.UNANIMOUS);
        startThreshold.setId("start-threshold");
        startThreshold.setMin(0.01);
        startThreshold.setMax(1);
        startThreshold.setStep(0.05);
        startThreshold.setValue(MergeOptions.DEFAULT_THRESHOLD);
        startThreshold.setEnabled(false);
        startThreshold.setWidth("18rem");
        startMode.addValueChangeListener(e -> startThreshold.setEnabled(e.getValue() == MergeMode.MAJORITY));
        start.setId("start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> start());
        startUnfinished.setId("start-unfinished");
    }

    void start() {
        MergeMode mode = startMode.getValue() == null ? MergeMode.UNANIMOUS : startMode.getValue();
        try {
            MergeOptions options = new MergeOptions(mode, startThreshold.getValue() == null
                    ? MergeOptions.DEFAULT_THRESHOLD : startThreshold.getValue(),
                    startUnfinished.isVisible() && startUnfinished.getValue());
            state = curation.open(currentUser.require(), slug, documentId, options, anonymous.getValue());
            store.setVersion(state.version());
            int merged = state.gold().size();
            info(merged == 0 ? "Curation started; nothing merged" : "Curation started; " + merged
                    + (merged == 1 ? " span" : " spans") + " merged into the gold standard");
        } catch (InvalidRequestException | ConflictException | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
        }
        reload();
        if (pendingAt != null && state.status() != CurationStatus.NOT_STARTED) {
            selectAt(pendingAt, pendingKind);
            pendingAt = null;
        }
    }

    // ------------------------------------------------------------------ gold editing (through the editor)

    void deleteGold(long spanId) {
        goldBinding.deleteAsking(spanId);
    }

    void relabelGold(long spanId, String label) {
        goldBinding.relabel(spanId, label);
    }

    void setGoldAttribute(long spanId, String name, String value) {
        goldBinding.setAttribute(spanId, name, value);
    }

    void unlinkGold(long attributionId) {
        goldBinding.unlink(attributionId);
    }

    void undo() {
        goldBinding.undo();
    }

    void redo() {
        goldBinding.redo();
    }

    /**
     * Follows every change of the document (gold and the annotators' work, by anyone: another curator, an annotator
     * still at work) and shows it within a second.
     */
    private void followAnnotators() {
        if (following != null) {
            following.remove();
        }
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        if (ui == null || live == null) {
            return;
        }
        following = live.follow(documentId, null, goldBinding, () -> {
            try {
                ui.access(this::reloadIfChanged);
            } catch (com.vaadin.flow.component.UIDetachedException gone) {
                following.remove();
            }
        });
        addDetachListener(e -> following.remove());
    }

    // ------------------------------------------------------------------ accept, reject, status

    /** Accepts the selected annotator's span (Enter). */
    void acceptSelected() {
        if (unit != null && editable()) {
            accept(Accept.span(unit));
        }
    }

    /** Rejects the selected annotator's span, or takes the rejection back (Del). */
    void toggleRejectSelected() {
        if (unit != null && goldBinding.selected() == null && editable()) {
            state.span(unit).ifPresent(s -> reject(s.id(), false, s.status() != ReviewStatus.REJECTED));
        }
    }

    void accept(Accept accept) {
        try {
            Versioned<CurationService.AcceptResult> r = curation.accept(currentUser.require(), slug, documentId,
                    store.version(), accept);
            store.setVersion(r.version());
            if (r.value().droppedAttributions() > 0) {
                info(r.value().droppedAttributions() + " gold attribution(s) of the replaced span(s) no longer fit and"
                        + " were removed");
            }
        } catch (ConflictException e) {
            error(e.getMessage() + (e.getMessage().contains("Reload") ? " The view has been reloaded." : ""));
        } catch (InvalidRequestException | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
        }
        reload();
    }

    void reject(long id, boolean attribution, boolean reject) {
        try {
            if (reject) {
                curation.reject(currentUser.require(), slug, documentId, id, attribution);
            } else {
                curation.unreject(currentUser.require(), slug, documentId, id, attribution);
            }
        } catch (InvalidRequestException | ConflictException | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
        }
        reload();
    }

    /** Marks the document curated; while places are open the server refuses and a dialog names each of them. */
    void markCurated() {
        markCurated(false);
    }

    /** {@code anyway}: the curator chose "curate anyway" in the refusal dialog (recorded in the audit trail). */
    void markCurated(boolean anyway) {
        try {
            store.setVersion(curation.markCurated(currentUser.require(), slug, documentId, store.version(), anyway));
            info(anyway ? "Marked curated with open places (recorded)" : "Marked curated");
        } catch (org.factspan.curation.OpenPlacesException e) {
            reload();
            showRefusal(e.places());
            return;
        } catch (InvalidRequestException | ConflictException | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
        }
        reload();
    }

    /** The refusal: every open place with a link to it, and the explicit override. */
    private void showRefusal(List<org.factspan.curation.Disagreement> open) {
        if (refusal != null) {
            refusal.close();
        }
        Dialog dialog = new Dialog();
        dialog.setId("open-places-dialog");
        dialog.setHeaderTitle(open.size() == 1 ? "1 place is still open" : open.size() + " places are still open");
        dialog.add(new Paragraph("The gold standard would disagree with what this page says. Settle these first:"));
        Div list = new Div();
        list.setId("open-places");
        for (org.factspan.curation.Disagreement d : open) {
            Button go = new Button("“" + ReviewPanel.quote(d.text(), 60) + "”", e -> {
                dialog.close();
                selectAt(d.start() + "-" + d.end(), d.kind().id());
            });
            go.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            go.addClassName("fs-cur-open-place-link");
            Div row = new Div(DisagreementsView.kind(d.kind()), go, new Span(" " + d.description()));
            row.addClassName("fs-cur-open-place");
            list.add(row);
        }
        dialog.add(list);
        Button settle = new Button("Settle them", e -> {
            dialog.close();
            place = -1;
            step(1);
        });
        settle.setId("settle-first");
        settle.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button anyway = new Button("Curate anyway, " + open.size() + " open", e -> {
            dialog.close();
            markCurated(true);
        });
        anyway.setId("curate-anyway");
        anyway.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        anyway.getElement().setAttribute("title", "Marks the document curated with these places open; the audit"
                + " trail and the document say so");
        dialog.getFooter().add(anyway, settle);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refusal = null;
            }
        });
        refusal = dialog;
        dialog.open();
    }

    void reopen() {
        try {
            store.setVersion(curation.reopen(currentUser.require(), slug, documentId, store.version()));
        } catch (InvalidRequestException | ConflictException | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
        }
        reload();
    }

    void merge(MergeOptions options) {
        try {
            Versioned<CurationService.MergeResult> r = curation.merge(currentUser.require(), slug, documentId,
                    store.version(), options);
            store.setVersion(r.version());
            info("Merged " + r.value().spans() + " span(s) and " + r.value().attributions() + " attribution(s)");
        } catch (InvalidRequestException | ConflictException | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
        }
        reload();
    }

    private void openMergeDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Merge again");
        RadioButtonGroup<MergeMode> mode = new RadioButtonGroup<>();
        mode.setItems(MergeMode.UNANIMOUS, MergeMode.MAJORITY);
        mode.setItemLabelGenerator(m -> m == MergeMode.UNANIMOUS ? "what all annotators agree on"
                : "also what a majority agrees on");
        mode.setValue(MergeMode.UNANIMOUS);
        NumberField threshold = new NumberField("Majority threshold (share of annotators)");
        threshold.setValue(MergeOptions.DEFAULT_THRESHOLD);
        threshold.setMin(0.01);
        threshold.setMax(1);
        threshold.setStep(0.05);
        List<String> unfinished = state.work().stream().filter(w -> !w.finished() && w.spans() > 0)
                .map(DocumentCuration.AnnotatorWork::annotator).toList();
        Checkbox includeUnfinished = new Checkbox("Also merge the work of annotators who have not finished ("
                + String.join(", ", unfinished) + ")");
        includeUnfinished.setId("merge-unfinished");
        includeUnfinished.setVisible(!unfinished.isEmpty());
        dialog.add(new Paragraph("Adds only where the gold standard has nothing yet; rejected versions stay out."
                + " Counts the work of annotators who marked the document finished."), mode, threshold,
                includeUnfinished);
        Button go = new Button("Merge", e -> {
            dialog.close();
            try {
                merge(new MergeOptions(mode.getValue(), threshold.getValue() == null ? MergeOptions.DEFAULT_THRESHOLD
                        : threshold.getValue(), includeUnfinished.getValue()));
            } catch (InvalidRequestException bad) {
                error(bad.getMessage());
            }
        });
        go.setId("merge-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), go);
        dialog.open();
    }

    // ------------------------------------------------------------------ selection

    /** A click on an annotator's span: selects its place and the span. */
    void selectUnit(long spanId) {
        state.span(spanId).ifPresent(s -> {
            goldBinding.select(null);
            unit = s.id();
            position = s.position();
            place = placeAt(position);
            showSelection(true);
        });
    }

    /** Selects a gold span (or none), in the text too: the place the annotators have there comes with it. */
    void selectGold(Long spanId) {
        goldBinding.select(spanId);
        goldSelected(goldBinding.selected());
    }

    /** A gold span was selected (in the text, or by {@link #selectGold}): select the annotators' place there. */
    private void goldSelected(Long spanId) {
        unit = null;
        if (spanId == null) {
            position = -1;
        } else {
            state.goldSpan(spanId).ifPresent(g -> position = positionAt(g.start(), g.end(), g.label()));
        }
        place = placeAt(position);
        showSelection(false);
    }

    /**
     * Selects the place at {@code start-end} (the disagreement list links here with ?at= and ?kind=): the
     * disagreement place of that extent (and kind, when given), else the span position there.
     */
    void selectAt(String range, String kind) {
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
            List<Long> here = state.positions().get(found).spans();
            unit = here.isEmpty() ? null : here.getFirst();
            Long goldHere = state.gold().stream().filter(g -> g.start() == start && g.end() == end)
                    .map(GoldSpan::id).findFirst().orElse(null);
            if (goldHere != null) {
                goldBinding.select(goldHere);
                position = found;
                unit = null;
            }
            showSelection(true);
        } catch (RuntimeException e) {
            // a bad ?at= selects nothing
        }
    }

    void selectAt(String range) {
        selectAt(range, null);
    }

    /** Selects a disagreement place: its span position (for attribution kinds, the claim's) and its first version. */
    void selectPlace(DocumentCuration.Place p) {
        place = p.index();
        goldBinding.select(null);
        position = p.position();
        List<Long> here = position < 0 ? List.of() : state.positions().get(position).spans();
        unit = here.isEmpty() ? null : here.getFirst();
        showSelection(true);
    }

    /** The first disagreement place at a span position, or -1. */
    private int placeAt(int spanPosition) {
        if (spanPosition < 0) {
            return -1;
        }
        return state.places().stream().filter(p -> p.position() == spanPosition).mapToInt(DocumentCuration.Place::index)
                .findFirst().orElse(-1);
    }

    /** The disagreement place selected, or null. */
    DocumentCuration.Place place() {
        return place >= 0 && place < state.places().size() ? state.places().get(place) : null;
    }

    /** The position at this extent: the exact one, else the first overlapping (same label preferred); -1: none. */
    int positionAt(int start, int end, String label) {
        List<ReviewPosition> all = state.positions();
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
        List<DocumentCuration.Place> open = state.openPlaces();
        if (open.isEmpty()) {
            info("No open disagreements in this document");
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

    // ------------------------------------------------------------------ showing

    /** A change made elsewhere (live): shown only when something is different. */
    private void reloadIfChanged() {
        DocumentCuration now = curation.read(currentUser.require(), slug, documentId, anonymous.getValue());
        if (!now.equals(state)) {
            reload();
        }
    }

    /** Reads the document's curation again and shows it (after every change: others may have changed it too). */
    void reload() {
        Actor actor = currentUser.require();
        state = curation.read(actor, slug, documentId, anonymous.getValue());
        if (state.version() != store.version()) {
            store.setVersion(state.version());
        }
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
        goldBinding.reconcileNow();
        show();
    }

    private void show() {
        boolean started = state.status() != CurationStatus.NOT_STARTED;
        startBox.setVisible(!started);
        workBox.setVisible(started);
        if (!started) {
            showStartBox();
        }
        status.setText(switch (state.status()) {
            case NOT_STARTED -> "Not started";
            case IN_PROGRESS -> "In progress";
            case CURATED -> "Curated by " + state.curated().user() + ", " + WHEN.format(state.curated().at());
        });
        status.getElement().setAttribute("data-status", state.status().name().toLowerCase(java.util.Locale.ROOT));
        version.setText(started ? "version " + state.version() + (state.changed() == null ? ""
                : " · last change by " + state.changed().user() + ", " + WHEN.format(state.changed().at())) : "");
        long open = state.openPositions();
        openCount.setText(open == 0 ? "no open disagreements" : open == 1 ? "1 open disagreement"
                : open + " open disagreements");
        openCount.setVisible(started);
        curatedOpen.setText(state.curatedOpen() == null ? "" : "curated anyway with " + state.curatedOpen()
                + (state.curatedOpen() == 1 ? " place" : " places") + " open");
        curatedOpen.setVisible(state.curatedOpen() != null);
        markCurated.setVisible(state.status() == CurationStatus.IN_PROGRESS);
        reopen.setVisible(state.status() == CurationStatus.CURATED);
        mergeAgain.setVisible(state.status() == CurationStatus.IN_PROGRESS);
        goldBinding.setReadOnly(!editable(), state.status() == CurationStatus.CURATED
                ? "Curated — press Reopen to change the gold standard" : "Start curation to edit the gold standard");
        goldCount.setText(state.gold().size() == 1 ? "1 gold span" : state.gold().size() + " gold spans");
        undo.setEnabled(editable() && goldBinding.canUndo());
        redo.setEnabled(editable() && goldBinding.canRedo());
        showAnnotators();
        panel.show();
    }

    private void showStartBox() {
        startBox.removeAll();
        H3 title = new H3("Start curating this document");
        Paragraph about = new Paragraph(startText(state));
        about.setId("start-about");
        List<String> unfinished = state.work().stream().filter(w -> !w.finished() && w.spans() > 0)
                .map(DocumentCuration.AnnotatorWork::annotator).toList();
        startUnfinished.setLabel("Also merge the work of annotators who have not finished ("
                + String.join(", ", unfinished) + ")");
        startUnfinished.setVisible(!unfinished.isEmpty());
        startBox.add(title, about, startMode, startThreshold, startUnfinished, start);
    }

    /**
     * What the start panel says: who labeled what, who finished and who has not (assigned annotators who have not
     * started included), and what the merge will count. One annotator's work is never called agreement.
     */
    public static String startText(DocumentCuration state) {
        if (state.work().isEmpty()) {
            return "No annotator has labeled this document yet.";
        }
        List<String> parts = new ArrayList<>();
        for (DocumentCuration.AnnotatorWork w : state.work()) {
            String spans = w.spans() == 1 ? "1 span" : w.spans() + " spans";
            parts.add(w.annotator() + (w.finished() ? " finished (" + spans + ")"
                    : w.spans() == 0 ? " is assigned and has not started"
                    : (w.assigned() ? " has not finished (" : " is not assigned and cannot finish (") + spans + ")"));
        }
        List<String> done = state.finishedAnnotators();
        String merge = done.size() >= 2 ? "The merge counts the work of the " + done.size() + " finished annotators."
                : done.size() == 1 ? "Only " + done.getFirst() + " finished: one annotator's work is not agreement,"
                        + " so nothing is merged as agreed; you settle each place yourself."
                : "Nobody has finished: nothing is merged unless you include unfinished work.";
        long open = state.openPositions();
        return String.join("; ", parts) + ". " + merge + " " + (open == 1 ? "1 place" : open + " places")
                + " to settle.";
    }

    private void showAnnotators() {
        Map<String, List<ReviewSpan>> byAnnotator = new LinkedHashMap<>();
        state.annotators().forEach(a -> byAnnotator.put(a, new ArrayList<>()));
        state.spans().forEach(s -> byAnnotator.computeIfAbsent(s.annotator(), k -> new ArrayList<>()).add(s));
        Set<Long> focus = new HashSet<>(position >= 0 ? state.positions().get(position).spans() : List.of());
        Map<String, String> colors = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        project.labels().forEach(l -> {
            colors.put(l.name(), l.color());
            titles.put(l.name(), l.title());
        });
        if (!texts.keySet().equals(byAnnotator.keySet())) {
            annotatorsBox.removeAll();
            texts.clear();
            int i = 0;
            for (String name : byAnnotator.keySet()) {
                AnnotatorText view = new AnnotatorText(this::selectUnit);
                view.setId("version-" + (++i));
                view.getElement().setAttribute("data-annotator", name);
                texts.put(name, view);
            }
        }
        annotatorsBox.removeAll();
        if (byAnnotator.isEmpty()) {
            Paragraph none = new Paragraph("No annotator has labeled this document yet.");
            none.addClassName("fs-muted");
            annotatorsBox.add(none);
        }
        for (var entry : byAnnotator.entrySet()) {
            AnnotatorText view = texts.get(entry.getKey());
            view.show(text, entry.getValue(), colors, focus, titles);
            Span name = new Span(entry.getKey());
            name.addClassName("fs-cur-name");
            HorizontalLayout header = new HorizontalLayout(name, counts(entry.getValue()));
            header.addClassName("fs-cur-version-header");
            header.setAlignItems(Alignment.BASELINE);
            Div card = new Div(header, view);
            card.addClassName("fs-cur-version");
            annotatorsBox.add(card);
        }
    }

    private static Div counts(List<ReviewSpan> spans) {
        Div counts = new Div();
        counts.addClassName("fs-cur-counts");
        Map<ReviewStatus, Long> n = new java.util.EnumMap<>(ReviewStatus.class);
        spans.forEach(s -> n.merge(s.status(), 1L, Long::sum));
        counts.add(new Span(spans.size() + (spans.size() == 1 ? " span" : " spans")));
        n.forEach((st, count) -> {
            Span chip = new Span(count + " " + st.id());
            chip.addClassName("fs-cur-chip");
            chip.addClassName("fs-st-" + st.id());
            counts.add(chip);
        });
        return counts;
    }

    /** Redraws what depends on the selection and scrolls every version (and the gold text) to it. */
    private void showSelection(boolean scrollGold) {
        showAnnotators();
        panel.show();
        if (position < 0) {
            return;
        }
        ReviewPosition p = state.positions().get(position);
        int u16 = text.toUtf16(p.start());
        getElement().executeJs("""
                const start = $0, u16 = $1, gold = $2;
                const center = (box, el) => {
                  if (!box || !el) return;
                  const b = box.getBoundingClientRect(), r = el.getBoundingClientRect();
                  box.scrollTop += r.top - b.top - box.clientHeight / 3;
                };
                const last = (els, ok) => { let best = null; for (const e of els) { if (ok(e)) best = e; else break; } return best; };
                for (const box of this.querySelectorAll('.fs-cur-version .fs-cur-box')) {
                  center(box, last(box.querySelectorAll('[data-start]'), e => Number(e.dataset.start) <= start));
                }
                if (gold) {
                  const box = this.querySelector('#gold-box');
                  if (box) center(box, last(box.querySelectorAll('.fs-block [data-u16]'), e => Number(e.dataset.u16) <= u16));
                }
                """, p.start(), u16, scrollGold);
    }

    private void showMeta() {
        meta.removeAll();
        meta.add(new Anchor(DocumentListView.class.getAnnotation(Route.class).value().replace(":slug", slug),
                project.name()));
        meta.add(new Span(" · "));
        Anchor editor = new Anchor(DocumentListView.DOCUMENT_ROUTE.formatted(slug, documentId), "annotate");
        meta.add(editor);
        meta.add(new Span(" · "));
        Anchor list = new Anchor(DisagreementsView.ROUTE.formatted(slug) + "?document=" + documentId,
                "disagreements in this document");
        list.setId("document-disagreements");
        meta.add(list);
        Map<String, String> m = state.document().meta();
        for (String key : List.of("outlet", "date")) {
            if (m.containsKey(key)) {
                meta.add(new Span(" · " + m.get(key)));
            }
        }
        meta.add(new Span(" · "), anonymous);
    }

    private void showLegend(List<LabelInfo> labels) {
        legend.removeAll();
        for (LabelInfo label : labels) {
            Span key = new Span(label.letter() == null ? label.key() : label.key() + " " + label.letter());
            key.addClassName("fs-key");
            Span item = new Span(key, new Span(label.title()));
            item.addClassName("fs-legend-item");
            item.getStyle().set("--fs-color", label.color());
            legend.add(item);
        }
    }

    private static Div statusLegend() {
        Div legend = new Div();
        legend.addClassName("fs-cur-status-legend");
        for (ReviewStatus st : ReviewStatus.values()) {
            Span chip = new Span(AnnotatorText.statusText(st));
            chip.addClassName("fs-cur-chip");
            chip.addClassName("fs-st-" + st.id());
            legend.add(chip);
        }
        Span hint = new Span("Click a span to review its place; Enter accepts it, Del rejects it, Alt+↓ / Alt+↑"
                + " go to the next / previous open disagreement.");
        hint.addClassName("fs-muted");
        legend.add(hint);
        return legend;
    }

    static String provenanceText(Provenance p) {
        if (p == null) {
            return "";
        }
        String how = switch (p.kind()) {
            case UNANIMOUS -> "all annotators agreed";
            case MAJORITY -> "majority vote";
            case ADJUDICATED -> "adjudicated";
            case CURATOR -> "added by the curator";
        };
        return how + (p.curator() == null ? "" : " · " + p.curator()) + (p.at() == null ? "" : ", "
                + WHEN.format(p.at()));
    }

    Optional<GoldSpan> selectedGold() {
        Long id = goldBinding.selected();
        return id == null ? Optional.empty() : state.goldSpan(id);
    }

    static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void info(String message) {
        Notification.show(message, 2500, Notification.Position.BOTTOM_START);
    }
}
