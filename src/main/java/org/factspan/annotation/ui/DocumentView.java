package org.factspan.annotation.ui;

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
import org.factspan.annotation.AnnotationService;
import org.factspan.annotation.SpanInfo;
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

/**
 * One document, annotated by the logged-in user: select text, press a label's key (or pick it in the
 * popup), and the span is stored; click a span to delete it.
 */
@Route("projects/:slug/documents/:documentId")
@PermitAll
public class DocumentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final TextAnnotator annotator = new TextAnnotator();
    private final AnnotationService annotations;
    private final CorpusService corpus;
    private final CurrentUser currentUser;
    private final H2 heading = new H2();
    private final Div meta = new Div();
    private final HorizontalLayout legend = new HorizontalLayout();
    private final Span count = new Span();
    private Actor actor;
    private String slug;
    private long documentId;
    private String pageTitle = "Document · Factspan";

    public DocumentView(AnnotationService annotations, CorpusService corpus, CurrentUser currentUser) {
        this.annotations = annotations;
        this.corpus = corpus;
        this.currentUser = currentUser;
        addClassName("fs-page");
        addClassName("fs-document");
        annotator.setId("annotator");
        heading.addClassName("fs-doc-title");
        meta.addClassName("fs-doc-meta");
        legend.addClassName("fs-legend");
        legend.setId("legend");
        count.setId("span-count");
        count.addClassName("fs-count");
        annotator.addCreateListener(e -> createSpan(e.getStart(), e.getEnd(), e.getLabel()));
        annotator.addSpanClickListener(e -> deleteSpan(e.getSpanId()));
        var toolbar = new HorizontalLayout(legend, count);
        toolbar.addClassName("fs-toolbar");
        toolbar.setWidthFull();
        toolbar.expand(legend);
        add(heading, meta, toolbar, annotator);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteParameters params = event.getRouteParameters();
        slug = params.get("slug").orElse("");
        try {
            documentId = Long.parseLong(params.get("documentId").orElse(""));
            actor = currentUser.require();
            ProjectInfo project = corpus.requireProject(actor, slug);
            DocumentContent doc = corpus.openDocument(actor, slug, documentId);
            pageTitle = doc.title() + " · Factspan";
            heading.setText(doc.title());
            showMeta(project, doc.meta());
            showLegend(project.labels());
            annotator.setLabels(project.labels());
            annotator.setText(doc.text());
            refreshSpans();
        } catch (NumberFormatException | NotFoundException | ForbiddenException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class,
                    e instanceof NumberFormatException ? "No such document" : e.getMessage());
        }
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    /** Labels {@code [start, end)} (code points) for the current user; shows a message when refused. */
    void createSpan(int start, int end, String label) {
        try {
            annotations.createSpan(actor, slug, documentId, start, end, label);
            refreshSpans();
        } catch (InvalidRequestException | ConflictException | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
        }
    }

    void deleteSpan(long spanId) {
        try {
            annotations.deleteSpan(actor, slug, documentId, spanId);
            refreshSpans();
        } catch (ForbiddenException | NotFoundException e) {
            error(e.getMessage());
        }
    }

    List<SpanInfo> spans() {
        return annotations.listMySpans(actor, slug, documentId);
    }

    private void refreshSpans() {
        List<SpanInfo> mine = spans();
        annotator.setSpans(mine.stream().map(s -> new TextAnnotator.ClientSpan(s.id(), s.start(), s.end(), s.label()))
                .toList());
        count.setText(mine.size() == 1 ? "1 span" : mine.size() + " spans");
    }

    private void showMeta(ProjectInfo project, Map<String, String> m) {
        meta.removeAll();
        meta.add(new Anchor(DocumentListView.class.getAnnotation(Route.class).value().replace(":slug", slug),
                project.name()));
        for (String key : List.of("outlet", "date", "byline")) {
            if (m.containsKey(key)) {
                meta.add(new Span(" · " + m.get(key)));
            }
        }
        if (m.containsKey("url")) {
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
            Span key = new Span(label.key());
            key.addClassName("fs-key");
            Span item = new Span(key, new Span(label.title()));
            item.addClassName("fs-legend-item");
            item.getStyle().set("--fs-color", label.color());
            legend.add(item);
        }
        Span hint = new Span("Select text, then press a key or pick a label. Click a span to delete it.");
        hint.addClassName("fs-hint");
        legend.add(hint);
    }

    private static void error(String message) {
        Notification n = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
