package org.factspan.curation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.factspan.annotation.Provenance;
import org.factspan.corpus.LabelInfo;
import org.factspan.corpus.ProjectInfo;
import org.factspan.curation.ReviewStatus;
import org.factspan.diff.PositionKind;

/**
 * Small pieces the curation views share: label, status and kind chips, muted text, one-line quotes, key help,
 * provenance in words.
 */
final class Chips {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm")
            .withZone(ZoneId.systemDefault());

    private Chips() {
    }

    /** A label by its title, in its colour. */
    static Span label(ProjectInfo project, String label) {
        Span chip = new Span(project.label(label).map(LabelInfo::title).orElse(label));
        chip.addClassName("fs-cur-label");
        chip.getElement().setAttribute("data-label", label);
        project.label(label).ifPresent(l -> chip.getStyle().set("--fs-color", l.color()));
        return chip;
    }

    static Span status(ReviewStatus status) {
        Span chip = new Span(status.id());
        chip.addClassName("fs-cur-chip");
        chip.addClassName("fs-st-" + status.id());
        chip.getElement().setAttribute("data-status", status.id());
        return chip;
    }

    static Span kind(PositionKind kind) {
        Span badge = new Span(switch (kind) {
            case AGREE -> "all agree";
            case LABEL_CONFLICT -> "label conflict";
            case BOUNDARY_CONFLICT -> "boundary conflict";
            case INCOMPLETE -> "only some";
        });
        badge.addClassName("fs-cur-kind");
        badge.addClassName("fs-kind-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return badge;
    }

    static Span muted(String text) {
        Span s = new Span(text);
        s.addClassName("fs-muted");
        return s;
    }

    static String quote(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    /** The curation keys, for the panel when nothing is selected. */
    static Component keyHelp() {
        Div help = new Div();
        help.addClassName("fs-keyhelp");
        String[][] keys = {
                {"click a span", "review its place"},
                {"Enter", "accept the selected version"},
                {"Del / Backspace", "reject it (again: undo)"},
                {"Alt+↓ / Alt+↑", "next / previous open place"},
                {"select text, 1–9 or letter", "add a gold span"},
                {"l, then source and claim", "link a gold attribution"},
                {"Ctrl+Z / Ctrl+Shift+Z", "undo / redo gold edits"}};
        for (String[] k : keys) {
            Div row = new Div(new Span(k[0]), new Span(k[1]));
            row.addClassName("fs-keyhelp-row");
            help.add(row);
        }
        return help;
    }

    /** How a gold span came to be, by whom and when. */
    static String provenance(Provenance p) {
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
}
