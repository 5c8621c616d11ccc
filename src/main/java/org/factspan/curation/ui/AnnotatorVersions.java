package org.factspan.curation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.factspan.base.CodePoints;
import org.factspan.corpus.ProjectInfo;
import org.factspan.curation.DocumentCuration;
import org.factspan.curation.DocumentCuration.ReviewSpan;
import org.factspan.curation.ReviewStatus;

/**
 * The annotators' versions under the gold standard in the curation view: one read-only text per annotator, coloured
 * by review status, with span counts per status; the selected place is outlined in each.
 */
final class AnnotatorVersions extends Div {

    final Map<String, AnnotatorText> texts = new LinkedHashMap<>();
    private final LongConsumer select;

    /** {@code select}: what a click on an annotator's span does (selects its place). */
    AnnotatorVersions(LongConsumer select) {
        this.select = select;
        setId("annotator-versions");
    }

    void show(DocumentCuration state, ProjectInfo project, CodePoints text, int position) {
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
            texts.clear();
            int i = 0;
            for (String name : byAnnotator.keySet()) {
                AnnotatorText view = new AnnotatorText(select);
                view.setId("version-" + (++i));
                view.getElement().setAttribute("data-annotator", name);
                texts.put(name, view);
            }
        }
        removeAll();
        if (byAnnotator.isEmpty()) {
            Paragraph none = new Paragraph("No annotator has labeled this document yet.");
            none.addClassName("fs-muted");
            add(none);
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
            add(card);
        }
    }

    private static Div counts(List<ReviewSpan> spans) {
        Div counts = new Div();
        counts.addClassName("fs-cur-counts");
        Map<ReviewStatus, Long> n = new EnumMap<>(ReviewStatus.class);
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

    /**
     * Scrolls every annotator's text to the place starting at {@code start} (code points) and, when {@code gold}, the
     * gold text too ({@code u16}: the same place in UTF-16 units, as the gold component counts).
     */
    static void scrollTo(com.vaadin.flow.dom.Element view, int start, int u16, boolean gold) {
        view.executeJs("""
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
                """, start, u16, gold);
    }
}
