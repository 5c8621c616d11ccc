package org.factspan.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.factspan.corpus.LabelInfo;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Java side of the {@code <fs-text-annotator>} Lit component ({@code frontend/annotator/}). All offsets
 * crossing this boundary are Unicode code points, end exclusive; the component converts to and from the
 * browser's UTF-16 positions.
 */
@Tag("fs-text-annotator")
@JsModule("./annotator/fs-text-annotator.ts")
public class TextAnnotator extends Component {

    /** A span as the component draws it. */
    public record ClientSpan(long id, int start, int end, String label) {
    }

    /** A label as the component offers it (name, digit key, optional letter, colour, title, kind). */
    public record ClientLabel(String name, String key, String letter, String color, String title, String kind) {
    }

    /** An attribution triple by span ids. */
    public record ClientLink(long id, Long source, Long cue, long content) {
    }

    /** A suggestion as the component draws it (dashed, no fill); {@code key} is unique in the document. */
    public record ClientGhost(String key, int start, int end, String label, String recommender, double score,
            String reason) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private List<ClientSpan> spans = List.of();
    private boolean spansSent;
    private List<ClientLink> links = List.of();
    private Long selected;
    private List<ClientGhost> ghosts = List.of();

    public void setText(String text) {
        getElement().setProperty("text", text);
    }

    public void setLabels(List<LabelInfo> labels) {
        getElement().setPropertyList("labels", labels.stream()
                .map(l -> new ClientLabel(l.name(), l.key(), l.letter(), l.color(), l.title(), l.kind().name()))
                .toList());
    }

    public void setSnap(boolean snap) {
        getElement().setProperty("snap", snap);
    }

    public void setContentLabel(String label) {
        getElement().setProperty("contentLabel", label);
    }

    /**
     * Shows these spans. The first call sends the whole list; later calls send only what changed
     * (a big document keeps thousands of spans on the client), through {@code applySpanDelta}.
     */
    public void setSpans(List<ClientSpan> spans) {
        List<ClientSpan> next = List.copyOf(spans);
        if (!spansSent) {
            getElement().executeJs("this.spans = $0", JSON.valueToTree(next));
            spansSent = true;
        } else {
            Set<ClientSpan> before = new HashSet<>(this.spans);
            Set<ClientSpan> after = new HashSet<>(next);
            List<ClientSpan> added = next.stream().filter(s -> !before.contains(s)).toList();
            List<Long> removed = this.spans.stream().filter(s -> !after.contains(s)).map(ClientSpan::id).toList();
            if (!added.isEmpty() || !removed.isEmpty()) {
                getElement().executeJs("this.applySpanDelta($0, $1)", JSON.valueToTree(added), JSON.valueToTree(removed));
            }
        }
        this.spans = next;
    }

    public List<ClientSpan> getSpans() {
        return spans;
    }

    public void setLinks(List<ClientLink> links) {
        this.links = List.copyOf(links);
        getElement().setPropertyList("links", this.links);
    }

    public List<ClientLink> getLinks() {
        return links;
    }

    /** Marks a span as selected in the text (null: none). */
    public void setSelected(Long spanId) {
        this.selected = spanId;
        if (spanId == null) {
            getElement().executeJs("this.selected = null");
        } else {
            getElement().setProperty("selected", spanId.doubleValue());
        }
    }

    public Long getSelected() {
        return selected;
    }

    /** Shows these suggestions (replacing the previous ones); the focused one stays focused if it is still there. */
    public void setGhosts(List<ClientGhost> ghosts) {
        this.ghosts = List.copyOf(ghosts);
        getElement().executeJs("this.ghosts = $0", JSON.valueToTree(this.ghosts));
    }

    public List<ClientGhost> getGhosts() {
        return ghosts;
    }

    /** Once the text is drawn: scrolls to the code point range and selects it (a search hit, for instance). */
    public void reveal(int start, int end) {
        getElement().executeJs("customElements.whenDefined('fs-text-annotator').then(() => this.updateComplete)"
                + ".then(() => requestAnimationFrame(() => this.revealRange($0, $1)))", start, end);
    }

    /** Once the text is drawn: selects the span and scrolls to it. */
    public void revealSpan(long spanId) {
        getElement().executeJs("customElements.whenDefined('fs-text-annotator').then(() => this.updateComplete)"
                + ".then(() => requestAnimationFrame(() => this.revealSpan($0)))", (double) spanId);
    }

    public void setReadonly(boolean readonly) {
        getElement().setProperty("readonly", readonly);
    }

    public Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    public Registration addSelectListener(ComponentEventListener<SelectEvent> listener) {
        return addListener(SelectEvent.class, listener);
    }

    public Registration addDeleteListener(ComponentEventListener<DeleteEvent> listener) {
        return addListener(DeleteEvent.class, listener);
    }

    public Registration addRelabelListener(ComponentEventListener<RelabelEvent> listener) {
        return addListener(RelabelEvent.class, listener);
    }

    public Registration addLinkListener(ComponentEventListener<LinkEvent> listener) {
        return addListener(LinkEvent.class, listener);
    }

    public Registration addUndoListener(ComponentEventListener<UndoEvent> listener) {
        return addListener(UndoEvent.class, listener);
    }

    public Registration addRedoListener(ComponentEventListener<RedoEvent> listener) {
        return addListener(RedoEvent.class, listener);
    }

    public Registration addGhostAcceptListener(ComponentEventListener<GhostAcceptEvent> listener) {
        return addListener(GhostAcceptEvent.class, listener);
    }

    public Registration addGhostRejectListener(ComponentEventListener<GhostRejectEvent> listener) {
        return addListener(GhostRejectEvent.class, listener);
    }

    private static Long idOf(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null
                : node.isNumber() ? node.asLong() : Long.valueOf(node.asString());
    }

    /** The user asked to label the selection {@code [start, end)} with {@code label}. */
    @DomEvent("fs-create")
    public static class CreateEvent extends ComponentEvent<TextAnnotator> {
        private final int start;
        private final int end;
        private final String label;

        public CreateEvent(TextAnnotator source, boolean fromClient, @EventData("event.detail.start") int start,
                @EventData("event.detail.end") int end, @EventData("event.detail.label") String label) {
            super(source, fromClient);
            this.start = start;
            this.end = end;
            this.label = label;
        }

        public int getStart() {
            return start;
        }

        public int getEnd() {
            return end;
        }

        public String getLabel() {
            return label;
        }
    }

    /** A span was selected in the text (by click or Tab), or the selection was cleared (null). */
    @DomEvent("fs-select")
    public static class SelectEvent extends ComponentEvent<TextAnnotator> {
        private final Long spanId;

        public SelectEvent(TextAnnotator source, boolean fromClient, @EventData("event.detail.id") JsonNode id) {
            super(source, fromClient);
            this.spanId = idOf(id);
        }

        public SelectEvent(TextAnnotator source, Long spanId) {
            super(source, false);
            this.spanId = spanId;
        }

        public Long getSpanId() {
            return spanId;
        }
    }

    /** Del/Backspace on the selected span. */
    @DomEvent("fs-delete")
    public static class DeleteEvent extends ComponentEvent<TextAnnotator> {
        private final Long spanId;

        public DeleteEvent(TextAnnotator source, boolean fromClient, @EventData("event.detail.id") JsonNode id) {
            super(source, fromClient);
            this.spanId = idOf(id);
        }

        public DeleteEvent(TextAnnotator source, long spanId) {
            super(source, false);
            this.spanId = spanId;
        }

        public Long getSpanId() {
            return spanId;
        }
    }

    /** A label key pressed while a span (and no text) is selected. */
    @DomEvent("fs-relabel")
    public static class RelabelEvent extends ComponentEvent<TextAnnotator> {
        private final Long spanId;
        private final String label;

        public RelabelEvent(TextAnnotator source, boolean fromClient, @EventData("event.detail.id") JsonNode id,
                @EventData("event.detail.label") String label) {
            super(source, fromClient);
            this.spanId = idOf(id);
            this.label = label;
        }

        public Long getSpanId() {
            return spanId;
        }

        public String getLabel() {
            return label;
        }
    }

    /** Link mode finished: the spans picked, anchor first. */
    @DomEvent("fs-link")
    public static class LinkEvent extends ComponentEvent<TextAnnotator> {
        private final List<Long> spanIds;

        public LinkEvent(TextAnnotator source, boolean fromClient, @EventData("event.detail.spans") JsonNode spans) {
            super(source, fromClient);
            List<Long> ids = new ArrayList<>();
            if (spans != null && spans.isArray()) {
                spans.forEach(n -> ids.add(idOf(n)));
            }
            this.spanIds = List.copyOf(ids);
        }

        public LinkEvent(TextAnnotator source, List<Long> spanIds) {
            super(source, false);
            this.spanIds = List.copyOf(spanIds);
        }

        public List<Long> getSpanIds() {
            return spanIds;
        }
    }

    /** A click on a suggestion, or Enter with one focused. */
    @DomEvent("fs-ghost-accept")
    public static class GhostAcceptEvent extends ComponentEvent<TextAnnotator> {
        private final String key;

        public GhostAcceptEvent(TextAnnotator source, boolean fromClient, @EventData("event.detail.key") String key) {
            super(source, fromClient);
            this.key = key;
        }

        public String getKey() {
            return key;
        }
    }

    /** x with a suggestion focused. */
    @DomEvent("fs-ghost-reject")
    public static class GhostRejectEvent extends ComponentEvent<TextAnnotator> {
        private final String key;

        public GhostRejectEvent(TextAnnotator source, boolean fromClient, @EventData("event.detail.key") String key) {
            super(source, fromClient);
            this.key = key;
        }

        public String getKey() {
            return key;
        }
    }

    /** Ctrl+Z. */
    @DomEvent("fs-undo")
    public static class UndoEvent extends ComponentEvent<TextAnnotator> {
        public UndoEvent(TextAnnotator source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    /** Ctrl+Shift+Z or Ctrl+Y. */
    @DomEvent("fs-redo")
    public static class RedoEvent extends ComponentEvent<TextAnnotator> {
        public RedoEvent(TextAnnotator source, boolean fromClient) {
            super(source, fromClient);
        }
    }
}
