package org.factspan.curation.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.factspan.base.CodePoints;
import org.factspan.curation.DocumentCuration.ReviewSpan;
import org.factspan.curation.ReviewStatus;

/**
 * One annotator's version of a document, read-only: the text with that annotator's spans, each coloured by its
 * review status (agree, disagree, incomplete, accepted, rejected) and underlined in its label's colour. Rendered on
 * the server as one HTML element; a click on a span reports its id. Every piece of text carries its code point start
 * ({@code data-start}) so that the view can scroll to a place.
 */
class AnnotatorText extends Div {

    private final Html html = new Html("<div class=\"fs-cur-text\"></div>");

    /** Three or more line breaks in a row (CRLF counting as one). */
    private static final java.util.regex.Pattern BLANK_LINES = java.util.regex.Pattern
            .compile("(?:\\r\\n|[\\n\\r\\u2028\\u2029]){3,}");

    AnnotatorText(LongConsumer onSpanClick) {
        addClassName("fs-cur-box");
        add(html);
        getElement().addEventListener("click", e -> {
            var id = e.getEventData().get("event.target.closest('[data-span]')?.dataset.span");
            if (id != null && !id.isNull() && !id.asString().isEmpty()) {
                onSpanClick.accept(Long.parseLong(id.asString()));
            }
        }).addEventData("event.target.closest('[data-span]')?.dataset.span");
    }

    /**
     * Shows the text with these spans; {@code focus}: ids of spans to outline (the selected place).
     *
     * @param colors label colour by label name
     */
    void show(CodePoints text, List<ReviewSpan> spans, Map<String, String> colors, Set<Long> focus,
            Map<String, String> labelTitles) {
        html.setHtmlContent(render(text, spans, colors, focus, labelTitles));
    }

    /** The HTML (one root element): plain segments and marks, innermost (shortest) covering span on top. */
    static String render(CodePoints text, List<ReviewSpan> spans, Map<String, String> colors, Set<Long> focus,
            Map<String, String> labelTitles) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (ReviewSpan s : spans) {
            cuts.add(Math.min(s.start(), text.length()));
            cuts.add(Math.min(s.end(), text.length()));
        }
        StringBuilder out = new StringBuilder("<div class=\"fs-cur-text\">");
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                int from = previous;
                int to = cut;
                List<ReviewSpan> covering = new ArrayList<>();
                for (ReviewSpan s : spans) {
                    if (s.start() <= from && s.end() >= to) {
                        covering.add(s);
                    }
                }
                String piece = escape(text.substring(from, to));
                if (covering.isEmpty()) {
                    // read-only text placed by data-start: a run of blank lines shows as one (as in the editor)
                    piece = BLANK_LINES.matcher(piece).replaceAll("\n\n");
                    out.append("<span data-start=\"").append(from).append("\">").append(piece).append("</span>");
                } else {
                    covering.sort(java.util.Comparator.comparingInt((ReviewSpan s) -> s.end() - s.start())
                            .thenComparingLong(ReviewSpan::id));
                    ReviewSpan top = covering.getFirst();
                    StringBuilder title = new StringBuilder();
                    for (ReviewSpan s : covering) {
                        if (!title.isEmpty()) {
                            title.append('\n');
                        }
                        title.append(labelTitles.getOrDefault(s.label(), s.label())).append(" · ")
                                .append(statusText(s.status()));
                    }
                    boolean focused = covering.stream().anyMatch(s -> focus.contains(s.id()));
                    out.append("<mark class=\"fs-cur-span fs-st-").append(top.status().id())
                            .append(covering.size() > 1 ? " fs-cur-multi" : "").append(focused ? " fs-cur-focus" : "")
                            .append("\" data-span=\"").append(top.id()).append("\" data-start=\"").append(from)
                            .append("\" data-status=\"").append(top.status().id()).append("\" data-label=\"")
                            .append(escape(top.label())).append("\" style=\"--fs-color: ")
                            .append(safeColor(colors.get(top.label()))).append("\" title=\"")
                            .append(escape(title.toString())).append("\">").append(piece).append("</mark>");
                }
            }
            previous = cut;
        }
        return out.append("</div>").toString();
    }

    static String statusText(ReviewStatus status) {
        return switch (status) {
            case AGREE -> "all annotators agree";
            case DISAGREE -> "annotators disagree";
            case INCOMPLETE -> "only some annotators have it";
            case ACCEPTED -> "accepted into gold";
            case REJECTED -> "rejected";
        };
    }

    private static String safeColor(String color) {
        return color != null && color.matches("#[0-9A-Fa-f]{6}") ? color : "#888888";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
