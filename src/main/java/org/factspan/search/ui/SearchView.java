package org.factspan.search.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.CorpusService;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.corpus.ui.ProjectRoute;
import org.factspan.search.DocumentState;
import org.factspan.search.SearchHit;
import org.factspan.search.SearchOptions;
import org.factspan.search.SearchRequest;
import org.factspan.search.SearchResult;
import org.factspan.search.SearchService;
import org.factspan.security.Actor;
import org.factspan.security.CurrentUser;

/**
 * One search box over a project: document text and spans, with filters for label, attribute values, annotator (all of
 * them for curators and admins; annotators search their own spans) and document state. Each hit shows its context
 * with the match marked; a click opens the document there. {@code ?q=} fills in the box.
 */
@Route("projects/:slug/search")
@PageTitle("Search · Factspan")
@PermitAll
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

    /** Page size; "More results" adds another page. */
    static final int PAGE = 30;

    final TextField query = new TextField();
    final Select<SearchRequest.Kind> kind = new Select<>();
    final MultiSelectComboBox<String> labels = new MultiSelectComboBox<>("Labels");
    final MultiSelectComboBox<String> attributes = new MultiSelectComboBox<>("Attribute values");
    final MultiSelectComboBox<String> annotators = new MultiSelectComboBox<>("Annotators");
    final MultiSelectComboBox<DocumentState> states = new MultiSelectComboBox<>("Document state");
    final Span summary = new Span();
    final Div results = new Div();
    final Button more = new Button("More results");
    final Button rebuild = new Button("Rebuild index", VaadinIcon.REFRESH.create());

    private final SearchService search;
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final H2 title = new H2("Search");
    private final Anchor back = new Anchor();
    private String slug;
    private ProjectInfo project;
    private List<SearchHit> shown = new ArrayList<>();
    private long total;

    public SearchView(SearchService search, CorpusService corpus, CurrentUser currentUser) {
        this.search = search;
        this.corpus = corpus;
        this.currentUser = currentUser;
        addClassNames("fs-page", "fs-search");

        query.setId("query");
        query.setPlaceholder("Words, \"a phrase\", kill*, police OR army");
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setValueChangeTimeout(350);
        query.setWidth("32rem");
        query.setAriaLabel("Search the project");
        query.addValueChangeListener(e -> run());
        query.addKeyPressListener(Key.ENTER, e -> run());

        kind.setId("kind");
        kind.setLabel("Find");
        kind.setItems(SearchRequest.Kind.ANY, SearchRequest.Kind.DOCUMENT, SearchRequest.Kind.SPAN);
        kind.setItemLabelGenerator(k -> switch (k) {
            case ANY -> "Text and spans";
            case DOCUMENT -> "Document text";
            case SPAN -> "Spans";
        });
        kind.setValue(SearchRequest.Kind.ANY);
        kind.setWidth("11rem");
        kind.addValueChangeListener(e -> run());

        labels.setId("labels");
        attributes.setId("attributes");
        annotators.setId("annotators");
        states.setId("states");
        states.setItemLabelGenerator(SearchView::stateName);
        for (var box : List.of(labels, attributes, annotators)) {
            box.setWidth("13rem");
            box.setPlaceholder("Any");
            box.addValueChangeListener(e -> run());
        }
        states.setWidth("13rem");
        states.setPlaceholder("Any");
        states.addValueChangeListener(e -> run());

        rebuild.setId("rebuild");
        rebuild.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        rebuild.setVisible(false);
        rebuild.addClickListener(e -> rebuildIndex());

        summary.setId("summary");
        summary.addClassName("fs-search-summary");
        results.setId("results");
        results.addClassName("fs-results");
        more.setId("more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.setVisible(false);
        more.addClickListener(e -> loadMore());

        var box = new HorizontalLayout(query, rebuild);
        box.setAlignItems(FlexComponent.Alignment.CENTER);
        var filters = new HorizontalLayout(kind, labels, attributes, annotators, states);
        filters.addClassName("fs-search-filters");
        filters.getStyle().set("flex-wrap", "wrap");
        back.addClassName("fs-back");
        add(back, title, box, filters, summary, results, more);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (ProjectRoute.enter(event, corpus, currentUser, route -> {
            slug = route.slug();
            Actor actor = route.actor();
            project = route.project();
            SearchOptions options = search.options(actor, slug);
            title.setText("Search · " + project.name());
            back.setHref(DocumentListView.class.getAnnotation(Route.class).value().replace(":slug", slug));
            back.setText("← " + project.name());
            labels.setItems(options.labels());
            labels.setItemLabelGenerator(name -> project.label(name).map(LabelInfo::title).orElse(name));
            List<String> values = new ArrayList<>();
            options.attributes().forEach((name, vs) -> vs.forEach(v -> values.add(name + " = " + v)));
            attributes.setItems(values);
            attributes.setVisible(!values.isEmpty());
            annotators.setItems(options.annotators());
            annotators.setVisible(options.allAnnotators());
            states.setItems(options.states());
            states.setTooltipText(options.allAnnotators()
                    ? "The team's state of the document, or the chosen annotators'" : "Your state of the document");
            rebuild.setVisible(actor.isAdmin());
        }).isEmpty()) {
            return;
        }
        List<String> q = event.getLocation().getQueryParameters().getParameters().getOrDefault("q", List.of());
        if (!q.isEmpty()) {
            query.setValue(q.getFirst());
        }
        run();
    }

    /** Searches with the box and the filters; shows the first page. */
    void run() {
        if (project == null) {
            return;
        }
        shown = new ArrayList<>();
        results.removeAll();
        fetch(0);
    }

    void loadMore() {
        fetch(shown.size());
    }

    private void fetch(int offset) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String v : attributes.getSelectedItems()) {
            String[] nv = v.split(" = ", 2);
            if (chosen.put(nv[0], nv[1]) != null) {
                fail("Choose one value per attribute (" + nv[0] + ")");
                return;
            }
        }
        SearchRequest request = new SearchRequest(query.getValue(), labels.getSelectedItems(), chosen,
                annotators.getSelectedItems(), states.getSelectedItems(), kind.getValue(), PAGE, offset);
        SearchResult result;
        try {
            result = search.search(currentUser.require(), slug, request);
        } catch (RuntimeException e) {
            fail(Notify.explain(e));
            return;
        }
        query.setInvalid(false);
        total = result.total();
        for (SearchHit hit : result.hits()) {
            shown.add(hit);
            results.add(card(hit));
        }
        summary.setText(total == 0 ? "No hits" : total == 1 ? "1 hit" : shown.size() < total
                ? total + " hits, " + shown.size() + " shown" : total + " hits");
        more.setVisible(shown.size() < total);
    }

    private void fail(String message) {
        query.setInvalid(true);
        query.setErrorMessage(message);
        summary.setText("");
        more.setVisible(false);
    }

    /** One hit: document title, what it is, and the context with the match marked; all of it links to the spot. */
    Anchor card(SearchHit hit) {
        Anchor card = new Anchor(link(hit), "");
        card.addClassName("fs-hit");
        card.getElement().setAttribute("data-kind", hit.kind().name().toLowerCase(Locale.ROOT));
        Div head = new Div();
        head.addClassName("fs-hit-head");
        Span doc = new Span(hit.documentTitle());
        doc.addClassName("fs-hit-title");
        head.add(doc);
        if (hit.kind() == SearchHit.Kind.SPAN) {
            LabelInfo label = project.label(hit.label()).orElse(null);
            Span chip = new Span(label == null ? hit.label() : label.title());
            chip.addClassName("fs-hit-label");
            if (label != null) {
                chip.getStyle().set("--fs-color", label.color());
            }
            head.add(chip);
            Span who = new Span(hit.annotator());
            who.addClassName("fs-hit-annotator");
            head.add(who);
            hit.attributes().forEach((name, value) -> {
                Span a = new Span(name + ": " + value);
                a.addClassName("fs-hit-attribute");
                head.add(a);
            });
        } else {
            Span what = new Span("text");
            what.addClassName("fs-hit-kind");
            head.add(what);
        }
        Div context = new Div();
        context.addClassName("fs-hit-context");
        for (SearchHit.Fragment fragment : hit.fragments()) {
            Element piece = new Element(fragment.hit() ? "mark" : "span").setText(fragment.text());
            if (fragment.hit() && hit.kind() == SearchHit.Kind.SPAN) {
                project.label(hit.label()).ifPresent(l -> piece.getStyle().set("--fs-color", l.color()));
            }
            context.getElement().appendChild(piece);
        }
        card.add(head, context);
        return card;
    }

    /** The document at the hit: the user's own span is selected, anything else is shown as a selected range. */
    String link(SearchHit hit) {
        String base = DocumentListView.DOCUMENT_ROUTE.formatted(slug, hit.documentId());
        Actor actor = currentUser.require();
        if (hit.kind() == SearchHit.Kind.SPAN && actor.username().equals(hit.annotator())) {
            return base + "?span=" + hit.spanId() + "&from=" + hit.start() + "&to=" + hit.end();
        }
        return hit.end() > hit.start() ? base + "?from=" + hit.start() + "&to=" + hit.end() : base;
    }

    private void rebuildIndex() {
        try {
            Notify.call(() -> search.rebuild(currentUser.require())).ifPresent(documents -> {
                Notify.success("Search index rebuilt: " + documents + " documents");
                run();
            });
        } catch (IllegalStateException e) { // the rebuild itself failed; the indexer has logged why
            Notify.error(e.getMessage());
        }
    }

    List<SearchHit> shown() {
        return shown;
    }

    static String stateName(DocumentState state) {
        return switch (state) {
            case NOT_STARTED -> "not started";
            case IN_PROGRESS -> "in progress";
            case FINISHED -> "finished";
        };
    }
}
