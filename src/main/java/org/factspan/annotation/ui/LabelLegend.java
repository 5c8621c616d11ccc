package org.factspan.annotation.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import org.factspan.corpus.LabelInfo;
import org.springframework.modulith.NamedInterface;

/** The row of label keys above an editor (annotation and curation alike): each label's key, letter and title. */
@NamedInterface("editor")
public final class LabelLegend {

    private LabelLegend() {
    }

    /** Fills {@code legend} with one item per label, in schema order. */
    public static void show(HorizontalLayout legend, List<LabelInfo> labels) {
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
}
