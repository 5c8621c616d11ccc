package org.factspan.annotation.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;
import org.factspan.corpus.LabelInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.modulith.NamedInterface;

/**
 * Java side of the {@code <fs-text-annotator>} Lit component ({@code frontend/annotator/}). All offsets crossing this
 * boundary are Unicode code points, end exclusive; the component converts to and from the browser's UTF-16 positions.
 *
 * <p>The component paints every edit at once and sends it here as an op ({@link #edit}); spans and links go to it as
 * messages ({@link #send}): the whole state, answers to ops, and changes made elsewhere. {@link EditorBinding} speaks
 * that protocol; views use the binding, not this class, for spans and links.
 */
@NamedInterface("editor")
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

    static final JsonMapper JSON = JsonMapper.builder().build();

    private List<ClientGhost> ghosts = List.of();
    private Consumer<JsonNode> ops = op -> {
    };
    private boolean ghostsHidden;
    private java.util.function.Supplier<List<ClientSpan>> shown = List::of;
    private java.util.function.Supplier<List<ClientLink>> shownLinks = List::of;

    public void setText(String text) {
        getElement().setProperty("text", text);
    }

    /** The schema's labels, and with them the labels of the content and source roles (see {@link #setRoleLabels}). */
    public void setLabels(List<LabelInfo> labels) {
        getElement().setPropertyList("labels", labels.stream()
                .map(l -> new ClientLabel(l.name(), l.key(), l.letter(), l.color(), l.title(), l.kind().name()))
                .toList());
        setRoleLabels(roleLabel(labels, org.factspan.corpus.LabelKind.CONTENT),
                roleLabel(labels, org.factspan.corpus.LabelKind.SOURCE));
    }

    private static String roleLabel(List<LabelInfo> labels, org.factspan.corpus.LabelKind role) {
        return labels.stream().filter(l -> l.kind() == role).map(LabelInfo::name).findFirst().orElse("");
    }

    public void setSnap(boolean snap) {
        getElement().setProperty("snap", snap);
    }

    /** The labels of an attribution's content and source (what a link made with l paints before the server says). */
    public void setRoleLabels(String content, String source) {
        getElement().setProperty("contentLabel", content);
        getElement().setProperty("sourceLabel", source);
    }

    /** Read-only: keys that would edit answer with {@code reason} (e.g. "Finished — a curator can reopen it"). */
    public void setReadonly(boolean readonly, String reason) {
        getElement().setProperty("readonly", readonly);
        getElement().setProperty("readonlyReason", reason == null ? "" : reason);
    }

    /** Shows these suggestions (replacing the previous ones); the focused one stays focused if it is still there. */
    public void setGhosts(List<ClientGhost> ghosts) {
        this.ghosts = List.copyOf(ghosts);
        getElement().executeJs("this.ghosts = $0", JSON.valueToTree(this.ghosts));
    }

    public List<ClientGhost> getGhosts() {
        return ghosts;
    }

    /** Hides (or shows) all suggestions; the component's \ key does the same and reports it. */
    public void setGhostsHidden(boolean hidden) {
        this.ghostsHidden = hidden;
        getElement().setProperty("ghostsHidden", hidden);
    }

    public boolean isGhostsHidden() {
        return ghostsHidden;
    }

    /** Arcs for every triple near the visible text ({@code true}), or only for the selected span's. */
    public void setAllArcs(boolean all) {
        getElement().setProperty("arcMode", all ? "all" : "selected");
    }

    /** The spans the browser has been sent (as of the last message), in document order. */
    public List<ClientSpan> getSpans() {
        return shown.get();
    }

    /** The triples the browser has been sent. */
    public List<ClientLink> getLinks() {
        return shownLinks.get();
    }

    void shows(java.util.function.Supplier<List<ClientSpan>> spans, java.util.function.Supplier<List<ClientLink>> links) {
        this.shown = spans;
        this.shownLinks = links;
    }

    /** Sends a message of the editor protocol (see {@link EditorBinding}). */
    void send(Object message) {
        getElement().executeJs("customElements.whenDefined('fs-text-annotator').then(() => this.receive($0))",
                JSON.valueToTree(message));
    }

    /** Where the ops of the component go. */
    void onOp(Consumer<JsonNode> handler) {
        this.ops = handler;
    }

    /** An op of the component: a change it has painted and asks the server to make. */
    @ClientCallable
    public void edit(JsonNode op) {
        ops.accept(op);
    }

    /** Once the text is drawn: scrolls to the code point range and selects it (a search hit, for instance). */
    public void reveal(int start, int end) {
        getElement().executeJs("customElements.whenDefined('fs-text-annotator').then(() => this.updateComplete)"
                + ".then(() => requestAnimationFrame(() => this.revealRange($0, $1)))", start, end);
    }

    /** Once the text is drawn: selects the span and scrolls to it. */
    public void revealSpan(long spanId) {
        getElement().executeJs("customElements.whenDefined('fs-text-annotator').then(() => this.updateComplete)"
                + ".then(() => requestAnimationFrame(() => this.revealSpan($0)))", String.valueOf(spanId));
    }

    /** The component hid or showed all suggestions (the \ key). */
    public Registration addGhostsToggleListener(Consumer<Boolean> listener) {
        return getElement().addEventListener("fs-ghosts-toggle", e -> {
            boolean hidden = e.getEventData().get("event.detail.hidden").asBoolean();
            this.ghostsHidden = hidden;
            listener.accept(hidden);
        }).addEventData("event.detail.hidden");
    }
}
