package org.factspan.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.factspan.corpus.LabelInfo;

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

    /** A label as the component offers it (name, key, colour, title). */
    public record ClientLabel(String name, String key, String color, String title) {
    }

    private List<ClientSpan> spans = List.of();

    public void setText(String text) {
        getElement().setProperty("text", text);
    }

    public void setLabels(List<LabelInfo> labels) {
        getElement().setPropertyList("labels",
                labels.stream().map(l -> new ClientLabel(l.name(), l.key(), l.color(), l.title())).toList());
    }

    public void setSpans(List<ClientSpan> spans) {
        this.spans = List.copyOf(spans);
        getElement().setPropertyList("spans", this.spans);
    }

    public List<ClientSpan> getSpans() {
        return spans;
    }

    public void setReadonly(boolean readonly) {
        getElement().setProperty("readonly", readonly);
    }

    public Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    public Registration addSpanClickListener(ComponentEventListener<SpanClickEvent> listener) {
        return addListener(SpanClickEvent.class, listener);
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

    /** The user clicked a span (the shortest one under the pointer). */
    @DomEvent("fs-span-click")
    public static class SpanClickEvent extends ComponentEvent<TextAnnotator> {
        private final long spanId;

        public SpanClickEvent(TextAnnotator source, boolean fromClient, @EventData("event.detail.id") double spanId) {
            super(source, fromClient);
            this.spanId = (long) spanId;
        }

        public long getSpanId() {
            return spanId;
        }
    }
}
