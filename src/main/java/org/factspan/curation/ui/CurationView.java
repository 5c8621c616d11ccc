package org.factspan.curation.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import org.factspan.annotation.DocumentEditor;
import org.factspan.annotation.ui.EditorBinding;
import org.factspan.annotation.ui.LiveDocuments;
import org.factspan.annotation.ui.TextAnnotator;
import org.factspan.base.CodePoints;
import org.factspan.base.Version;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.DocumentId;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ui.ProjectRoute;
import org.factspan.curation.CurationService;
import org.factspan.curation.CurationStatus;
import org.factspan.curation.DocumentCuration;
import org.factspan.curation.DocumentCuration.GoldSpan;
import org.factspan.curation.DocumentCuration.ReviewPosition;
import org.factspan.curation.GoldStore;
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

    /** What the curation pages (this one and the disagreements) tell a user who is no curator they may not do. */
    static final String CURATORS_ONLY = "curate its documents";

    final TextAnnotator gold = new TextAnnotator();
    /** The gold standard in the text: the same editor binding as the annotation view (decision 020). */
    final EditorBinding goldBinding;
    final ReviewPanel panel;
    final PlaceNavigation navigation = new PlaceNavigation(this);
    final CurationActions actions;
    final StartPanel startBox;
    final AnnotatorVersions annotatorsBox = new AnnotatorVersions(this::selectUnit);
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
    final Span curatedOpen = new Span();
    /** The annotators' texts by name (for tests). */
    final Map<String, AnnotatorText> texts = annotatorsBox.texts;

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
                navigation.goldSelected(spanId);
            }

            @Override
            public void refused(String message) {
                Notify.error(reloaded(message));
            }
        });
        this.panel = new ReviewPanel(this);
        this.actions = new CurationActions(this, curation, currentUser);
        this.startBox = new StartPanel(this, curation, currentUser);
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
        markCurated.addClickListener(e -> actions.markCurated(false));
        reopen.setId("reopen");
        reopen.addThemeVariants(ButtonVariant.LUMO_SMALL);
        reopen.addClickListener(e -> actions.reopen());
        mergeAgain.setId("merge-again");
        mergeAgain.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        mergeAgain.addClickListener(e -> actions.openMergeDialog());
        undo.setId("undo");
        redo.setId("redo");
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        redo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        undo.getElement().setAttribute("title", "Undo a change of the gold standard (Ctrl+Z)");
        redo.getElement().setAttribute("title", "Redo (Ctrl+Shift+Z or Ctrl+Y)");
        undo.addClickListener(e -> goldBinding.undo());
        redo.addClickListener(e -> goldBinding.redo());
        anonymous.setId("anonymous");
        anonymous.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reload();
            }
        });

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
        workBox.add(toolbar, goldTitle, goldBox, annotatorsTitle, CurationHeader.statusLegend(), annotatorsBox);

        var bar = new HorizontalLayout(status, curatedOpen, version, openCount, mergeAgain, reopen, markCurated);
        bar.addClassName("fs-cur-actions");
        bar.setAlignItems(Alignment.CENTER);
        var main = new VerticalLayout(heading, meta, bar, startBox, workBox);
        main.addClassName("fs-doc-main");
        main.setPadding(false);
        main.setSpacing(false);
        add(main, panel);
        expand(main);

        Shortcuts.addShortcutListener(this, actions::acceptSelected, Key.ENTER).allowBrowserDefault();
        Shortcuts.addShortcutListener(this, actions::toggleRejectSelected, Key.DELETE).allowBrowserDefault();
        Shortcuts.addShortcutListener(this, actions::toggleRejectSelected, Key.BACKSPACE).allowBrowserDefault();
        Shortcuts.addShortcutListener(this, () -> step(1), Key.ARROW_DOWN, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> step(-1), Key.ARROW_UP, KeyModifier.ALT);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectRoute.enterAsCurator(event, corpus, currentUser, CURATORS_ONLY, route -> {
            slug = route.slug();
            documentId = route.id("documentId", "document");
            Actor actor = route.actor();
            project = route.project();
            var query = route.query();
            anonymous.setValue(query.getOrDefault("anonymous", List.of()).contains("true"));
            state = curation.read(actor, slug, documentId, anonymous.getValue());
            text = CodePoints.of(state.document().text());
            pageTitle = "Curate: " + state.document().title() + " · Factspan";
            heading.setText(state.document().title());
            CurationHeader.meta(meta, project, slug, documentId, state.document().meta(), anonymous);
            org.factspan.annotation.ui.LabelLegend.show(legend, project.labels());
            gold.setLabels(project.labels());
            gold.setSnap(project.snapWords());
            gold.setText(state.document().text());
            store = new GoldStore(curation, actor, slug, new DocumentId(documentId), new Version(state.version()));
            goldBinding.open(new DocumentEditor(store), null, text);
            goldBinding.live(live, documentId, AnnotationService.GOLD);
            followAnnotators();
            show();
            navigation.ask(query.getOrDefault("at", List.of()).stream().findFirst().orElse(null),
                    query.getOrDefault("kind", List.of()).stream().findFirst().orElse(null));
        });
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

    GoldStore store() {
        return store;
    }

    int position() {
        return navigation.position();
    }

    Long unit() {
        return navigation.unit();
    }

    /** The disagreement place selected, or null. */
    DocumentCuration.Place place() {
        return navigation.place();
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

    // ------------------------------------------------------------------ actions and navigation (for keys, panel, tests)

    void acceptSelected() {
        actions.acceptSelected();
    }

    void toggleRejectSelected() {
        actions.toggleRejectSelected();
    }

    void selectUnit(long spanId) {
        navigation.selectUnit(spanId);
    }

    void selectGold(Long spanId) {
        navigation.selectGold(spanId);
    }

    void step(int direction) {
        navigation.step(direction);
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
        navigation.reconcile(state);
        goldBinding.reconcileNow();
        show();
    }

    private void show() {
        boolean started = state.status() != CurationStatus.NOT_STARTED;
        startBox.setVisible(!started);
        workBox.setVisible(started);
        if (!started) {
            startBox.show(state);
        }
        status.setText(switch (state.status()) {
            case NOT_STARTED -> "Not started";
            case IN_PROGRESS -> "In progress";
            case CURATED -> "Curated by " + state.curated().user() + ", " + Chips.WHEN.format(state.curated().at());
        });
        status.getElement().setAttribute("data-status", state.status().name().toLowerCase(java.util.Locale.ROOT));
        version.setText(started ? "version " + state.version() + (state.changed() == null ? ""
                : " · last change by " + state.changed().user() + ", " + Chips.WHEN.format(state.changed().at())) : "");
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
        annotatorsBox.show(state, project, text, position());
        panel.show();
    }

    /** What the start panel says (see {@link StartPanel#text}). */
    public static String startText(DocumentCuration state) {
        return StartPanel.text(state);
    }

    /** Redraws what depends on the selection and scrolls every version (and the gold text) to it. */
    void showSelection(boolean scrollGold) {
        annotatorsBox.show(state, project, text, position());
        panel.show();
        if (position() < 0) {
            return;
        }
        ReviewPosition p = state.positions().get(position());
        int u16 = text.toUtf16(p.start());
        AnnotatorVersions.scrollTo(getElement(), p.start(), u16, scrollGold);
    }

    Optional<GoldSpan> selectedGold() {
        Long id = goldBinding.selected();
        return id == null ? Optional.empty() : state.goldSpan(id);
    }

    /**
     * A refusal's words after which the view reloads: a version conflict asks the user to reload, and the view has
     * already done so.
     */
    static String reloaded(String message) {
        return message + (message.contains("Reload") ? " The view has been reloaded." : "");
    }
}
