package org.factspan.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.factspan.base.audit.AuditEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in words: "alice labeled ‘eight police officers…’ as Claim", "bob linked ‘Tokayev’ → ‘said’ →
 * ‘he had submitted…’", with the time, and for curators the attributes before and after. Spans are named by their
 * text (from the document's spans now, or from the trail itself when they were deleted), labels by their titles;
 * no internal id is shown. The REST API keeps the JSON ({@code HistoryApi}).
 */
public final class HistoryList {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HistoryList() {
    }

    /**
     * The events as a list. {@code spanTexts}: the text of spans known now, by id; {@code labelTitle}: a label's title
     * by name; {@code details}: show the attributes before and after (curators).
     */
    public static Component of(List<AuditEvent> events, Map<Long, String> spanTexts, Function<String, String> labelTitle,
            boolean details) {
        Div list = new Div();
        list.addClassName("fs-history");
        if (events.isEmpty()) {
            Span none = new Span("Nothing recorded yet.");
            none.addClassName("fs-muted");
            list.add(none);
            return list;
        }
        Map<Long, String> texts = texts(events, spanTexts);
        for (AuditEvent e : events) {
            Sentence s = sentence(e, texts, labelTitle);
            Div row = new Div();
            row.addClassName("fs-history-row");
            row.getElement().setAttribute("data-action", e.action());
            Span head = new Span(s.text());
            head.addClassName("fs-history-head");
            Span when = new Span(WHEN.format(e.at()));
            when.addClassName("fs-history-when");
            row.add(head, when);
            if (details && !s.details().isEmpty()) {
                Span change = new Span(String.join(" · ", s.details()));
                change.addClassName("fs-history-change");
                row.add(change);
            }
            list.add(row);
        }
        return list;
    }

    /** One event in words, and the attribute changes (for curators). */
    public record Sentence(String text, List<String> details) {
    }

    /** Span texts from the events themselves (a deleted span is still named by its words), then the known ones. */
    static Map<Long, String> texts(List<AuditEvent> events, Map<Long, String> known) {
        Map<Long, String> texts = new HashMap<>();
        for (AuditEvent e : events) {
            if (e.spanId() == null) {
                continue;
            }
            JsonNode after = json(e.after());
            JsonNode before = json(e.before());
            if (after.hasNonNull("text")) {
                texts.put(e.spanId(), after.get("text").asString(""));
            } else if (before.path("span").hasNonNull("text")) {
                texts.put(e.spanId(), before.path("span").get("text").asString(""));
            }
        }
        texts.putAll(known);
        return texts;
    }

    public static Sentence sentence(AuditEvent e, Map<Long, String> texts, Function<String, String> labelTitle) {
        JsonNode before = json(e.before());
        JsonNode after = json(e.after());
        String who = e.username();
        String span = e.spanId() == null ? "a span" : quote(texts.get(e.spanId()));
        String where = e.owner() == null || e.owner().equals(e.username()) ? ""
                : "gold".equals(e.owner()) ? " in the gold standard" : " in " + e.owner() + "'s work";
        List<String> details = new ArrayList<>();
        String text = switch (e.action()) {
            case "span.create" -> {
                attributes(null, after.path("attributes"), details);
                yield who + " labeled " + span + " as " + title(labelTitle, after.path("label")) + where;
            }
            case "span.restore" -> {
                attributes(null, after.path("attributes"), details);
                yield who + " brought back " + span + " (" + title(labelTitle, after.path("label")) + ", undo or redo)"
                        + where;
            }
            case "span.delete" -> {
                JsonNode s = before.path("span");
                int triples = before.path("attributions").size();
                attributes(s.path("attributes"), null, details);
                yield who + " deleted the " + title(labelTitle, s.path("label")) + " "
                        + quote(s.path("text").asString(texts.get(e.spanId()))) + where
                        + (triples == 0 ? "" : triples == 1 ? " and its attribution" : " and its " + triples
                                + " attributions");
            }
            case "span.relabel" -> {
                attributes(null, after.path("attributes"), details);
                yield who + " relabeled " + span + " from " + title(labelTitle, before.path("label")) + " to "
                        + title(labelTitle, after.path("label")) + where;
            }
            case "span.attribute" -> {
                attributes(before, after, details);
                yield who + " " + attributeChange(before, after, span) + where;
            }
            case "attribution.create", "attribution.restore" -> who + ("attribution.restore".equals(e.action())
                    ? " brought back the link " : " linked ") + triple(after, texts) + where;
            case "attribution.delete" -> who + " unlinked " + triple(before, texts) + where;
            case "annotations.import" -> who + " imported " + counts(after) + " into this document";
            case "document.import" -> who + " imported the document" + (after.hasNonNull("file")
                    ? " from " + after.get("file").asString("") : "");
            case "curation.open" -> who + " started curating this document (" + after.path("spans").asInt()
                    + " spans merged into gold)";
            case "curation.merge" -> who + " merged " + after.path("spans").asInt() + " spans and "
                    + after.path("attributions").asInt() + " attributions into gold";
            case "curation.accept" -> who + " accepted " + (e.spanId() == null ? "an attribution" : span)
                    + " into gold" + acceptedPart(before);
            case "curation.reject" -> who + " rejected " + (e.spanId() == null ? "an attribution" : span);
            case "curation.unreject" -> who + " took back the rejection of " + (e.spanId() == null ? "an attribution"
                    : span);
            case "curation.curated" -> who + " marked this document curated";
            case "curation.reopen" -> who + " reopened curation of this document";
            default -> who + " " + e.action().replace('.', ' ');
        };
        return new Sentence(text, details);
    }

    private static String acceptedPart(JsonNode before) {
        String what = before.path("what").asString("span");
        return switch (what) {
            case "label" -> " (its label)";
            case "attributes" -> " (its attributes)";
            default -> "";
        };
    }

    private static String counts(JsonNode after) {
        List<String> parts = new ArrayList<>();
        after.properties().forEach(p -> parts.add(p.getValue().asInt() + " " + p.getKey()));
        return parts.isEmpty() ? "annotations" : String.join(", ", parts);
    }

    /** "set the verdict of ‘…’ to refuted", "changed ... from unverifiable to refuted", "removed ... (was refuted)". */
    private static String attributeChange(JsonNode before, JsonNode after, String span) {
        String name = after.properties().stream().findFirst().map(Map.Entry::getKey)
                .orElse(before.properties().stream().findFirst().map(Map.Entry::getKey).orElse("an attribute"));
        String old = before.path(name).isMissingNode() || before.path(name).isNull() ? null : before.path(name)
                .asString("");
        String now = after.path(name).isMissingNode() || after.path(name).isNull() ? null : after.path(name)
                .asString("");
        String what = "the " + name + " of " + span;
        if (old == null && now != null) {
            return "set " + what + " to " + now;
        }
        if (now == null) {
            return "removed " + what + (old == null ? "" : " (was " + old + ")");
        }
        return "changed " + what + " from " + old + " to " + now;
    }

    /** Attributes before → after, one "name: old → new" per change (curators see them). */
    private static void attributes(JsonNode before, JsonNode after, List<String> out) {
        TreeSet<String> names = new TreeSet<>();
        if (before != null) {
            before.properties().forEach(p -> names.add(p.getKey()));
        }
        if (after != null) {
            after.properties().forEach(p -> names.add(p.getKey()));
        }
        for (String name : names) {
            String old = before == null || before.path(name).isMissingNode() || before.path(name).isNull() ? null
                    : before.path(name).asString("");
            String now = after == null || after.path(name).isMissingNode() || after.path(name).isNull() ? null
                    : after.path(name).asString("");
            if (!Objects.equals(old, now)) {
                out.add(name + ": " + (old == null ? "—" : old) + " → " + (now == null ? "—" : now));
            }
        }
    }

    /** "‘Tokayev’ → ‘said’ → ‘he had submitted…’" from an attribution's span ids. */
    private static String triple(JsonNode a, Map<Long, String> texts) {
        return part(a.path("source"), texts, "no source") + " → " + part(a.path("cue"), texts, "no cue") + " → "
                + part(a.path("content"), texts, "a claim");
    }

    private static String part(JsonNode id, Map<Long, String> texts, String none) {
        if (id == null || id.isNull() || id.isMissingNode()) {
            return none;
        }
        return quote(texts.get(id.asLong()));
    }

    private static String title(Function<String, String> labelTitle, JsonNode label) {
        String name = label == null ? "" : label.asString("");
        String t = labelTitle.apply(name);
        return t == null || t.isBlank() ? name : t;
    }

    static String quote(String text) {
        if (text == null) {
            return "a span deleted since";
        }
        return EditorBinding.quote(text);
    }

    private static JsonNode json(String s) {
        if (s == null || s.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(s);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }
}
