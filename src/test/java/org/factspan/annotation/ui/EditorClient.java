package org.factspan.annotation.ui;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Acts as the browser's editor in browserless tests: sends the ops {@code fs-text-annotator} sends (with temporary
 * ids for new spans, a select of the new span right after, as the browser does) to an {@link EditorBinding}.
 */
public final class EditorClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EditorBinding binding;
    private int opId;
    private int tmp;

    public EditorClient(EditorBinding binding) {
        this.binding = binding;
    }

    private ObjectNode op(String kind) {
        ObjectNode op = JSON.createObjectNode();
        op.put("kind", kind);
        op.put("opId", ++opId);
        return op;
    }

    /** Creates a span as a label key on a selection does, selects it, and returns its id (null: refused). */
    public Long create(int start, int end, String label) {
        String t = "t" + (++tmp);
        ObjectNode op = op("create");
        op.put("tmp", t);
        op.put("start", start);
        op.put("end", end);
        op.put("label", label);
        binding.handle(op);
        ObjectNode select = op("select");
        select.put("id", t);
        binding.handle(select);
        return binding.selected();
    }

    public void select(Long id) {
        ObjectNode op = op("select");
        if (id == null) {
            op.putNull("id");
        } else {
            op.put("id", String.valueOf(id));
        }
        binding.handle(op);
    }

    /** Del on a span; {@code linked}: the browser knows triples use it (the server then asks first). */
    public void delete(long id, boolean linked) {
        ObjectNode op = op("delete");
        op.put("id", String.valueOf(id));
        op.put("linked", linked);
        binding.handle(op);
    }

    public void relabel(long id, String label) {
        ObjectNode op = op("relabel");
        op.put("id", String.valueOf(id));
        op.put("label", label);
        binding.handle(op);
    }

    public void link(List<Long> ids) {
        ObjectNode op = op("link");
        op.put("tmp", "t" + (++tmp));
        var array = op.putArray("ids");
        ids.forEach(id -> array.add(String.valueOf(id)));
        binding.handle(op);
    }

    public void undo() {
        binding.handle(op("undo"));
    }

    public void redo() {
        binding.handle(op("redo"));
    }

    /** Enter or a click on a suggestion. */
    public void accept(String key) {
        ObjectNode op = op("accept");
        op.put("tmp", "t" + (++tmp));
        op.put("key", key);
        binding.handle(op);
    }

    /** x on a suggestion. */
    public void reject(String key) {
        ObjectNode op = op("reject");
        op.put("key", key);
        binding.handle(op);
    }
}
