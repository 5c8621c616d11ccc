package org.factspan.curation.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Map;
import org.factspan.corpus.ProjectInfo;
import org.factspan.corpus.ui.DocumentListView;
import org.factspan.curation.ReviewStatus;

/** The curation view's header pieces: the meta line under the title, the label legend, the status legend. */
final class CurationHeader {

    private CurationHeader() {
    }

    /** The line under the title: project, annotate, disagreements of the document, outlet and date, anonymity. */
    static void meta(Div meta, ProjectInfo project, String slug, long documentId, Map<String, String> m,
            Checkbox anonymous) {
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
        for (String key : List.of("outlet", "date")) {
            if (m.containsKey(key)) {
                meta.add(new Span(" · " + m.get(key)));
            }
        }
        meta.add(new Span(" · "), anonymous);
    }

    static Div statusLegend() {
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
}
