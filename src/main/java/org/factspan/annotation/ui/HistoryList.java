package org.factspan.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.factspan.base.audit.AuditEvent;

/** Entries of the audit trail as a readable list: when, who, what, and the state before → after. */
final class HistoryList {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private HistoryList() {
    }

    static Component of(List<AuditEvent> events) {
        Div list = new Div();
        list.addClassName("fs-history");
        if (events.isEmpty()) {
            Span none = new Span("Nothing recorded yet.");
            none.addClassName("fs-muted");
            list.add(none);
            return list;
        }
        for (AuditEvent e : events) {
            Div row = new Div();
            row.addClassName("fs-history-row");
            Span head = new Span(WHEN.format(e.at()) + " · " + e.username() + " · " + describe(e.action())
                    + (e.owner() == null || e.owner().equals(e.username()) ? "" : " (work of " + e.owner() + ")"));
            head.addClassName("fs-history-head");
            row.add(head);
            if (e.before() != null || e.after() != null) {
                Span change = new Span((e.before() == null ? "" : e.before()) + (e.before() != null && e.after() != null
                        ? "  →  " : "") + (e.after() == null ? "" : e.after()));
                change.addClassName("fs-history-change");
                row.add(change);
            }
            list.add(row);
        }
        return list;
    }

    static String describe(String action) {
        return switch (action) {
            case "span.create" -> "created a span";
            case "span.delete" -> "deleted a span";
            case "span.relabel" -> "changed a label";
            case "span.attribute" -> "changed an attribute";
            case "attribution.create" -> "linked an attribution";
            case "attribution.delete" -> "removed an attribution";
            case "annotations.import" -> "imported annotations";
            case "document.import" -> "imported the document";
            case "curation.open" -> "started curation";
            case "curation.merge" -> "merged into gold";
            case "curation.accept" -> "accepted into gold";
            case "curation.reject" -> "rejected a version";
            case "curation.unreject" -> "took back a rejection";
            case "curation.curated" -> "marked curated";
            case "curation.reopen" -> "reopened curation";
            default -> action;
        };
    }
}
