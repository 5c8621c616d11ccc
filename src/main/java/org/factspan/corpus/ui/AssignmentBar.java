package org.factspan.corpus.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Optional;
import java.util.function.Consumer;
import org.factspan.base.ui.Notify;
import org.factspan.corpus.AssignmentService;
import org.factspan.corpus.AssignmentService.MyAssignment;
import org.factspan.security.CurrentUser;
import org.springframework.modulith.NamedInterface;

/**
 * The annotator's bar above a document: whether it is theirs to finish, "Mark finished" (after which the document is
 * read-only for them until a curator reopens it) and "Next document" (their next unfinished assignment). The editor
 * asks {@link #readOnly()} and listens for changes.
 */
@NamedInterface("ui")
public class AssignmentBar extends HorizontalLayout {

    final Span status = new Span();
    final Button finish = new Button("Mark finished");
    final Button next = new Button("Next document →");

    private final AssignmentService assignments;
    private final CurrentUser currentUser;
    private Consumer<Boolean> readOnlyListener = ro -> {
    };
    private String slug;
    private long documentId;
    private boolean archived;
    private boolean readOnly;

    public AssignmentBar(AssignmentService assignments, CurrentUser currentUser) {
        this.assignments = assignments;
        this.currentUser = currentUser;
        addClassName("fs-assignment-bar");
        setId("assignment-bar");
        setAlignItems(FlexComponent.Alignment.CENTER);
        status.setId("assignment-status");
        status.addClassName("fs-muted");
        finish.setId("finish");
        finish.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
        finish.getElement().setAttribute("title", "You are done with this document: it becomes read-only for you");
        finish.addClickListener(e -> markFinished());
        next.setId("next-document");
        next.addThemeVariants(ButtonVariant.LUMO_SMALL);
        next.addClickListener(e -> goNext());
        add(status, finish, next);
        expand(status);
    }

    /** Called when the editor's read-only state changes (after "Mark finished"). */
    public void onReadOnlyChange(Consumer<Boolean> listener) {
        this.readOnlyListener = listener;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Shows the caller's relation to the document. */
    public void show(String slug, long documentId, boolean archived) {
        this.slug = slug;
        this.documentId = documentId;
        this.archived = archived;
        MyAssignment mine = assignments.mine(currentUser.require(), slug, documentId);
        boolean hasQueue = !assignments.myAssignments(currentUser.require(), slug).isEmpty();
        readOnly = archived || mine.finished();
        finish.setVisible(mine.assigned() && !mine.finished() && !archived);
        next.setVisible(hasQueue);
        if (archived) {
            status.setText("This project is archived: everything is read-only.");
        } else if (mine.finished()) {
            status.setText("You marked this document finished. It is read-only for you unless a curator reopens it.");
        } else if (mine.assigned()) {
            status.setText("Assigned to you. Mark it finished when you are done.");
        } else {
            status.setText("");
        }
        getElement().setAttribute("data-state", archived ? "archived" : mine.finished() ? "finished"
                : mine.assigned() ? "open" : "none");
        setVisible(archived || mine.assigned() || hasQueue);
    }

    void markFinished() {
        if (Notify.run(() -> {
            assignments.finish(currentUser.require(), slug, documentId);
            return "Marked finished";
        })) {
            show(slug, documentId, archived);
            readOnlyListener.accept(readOnly);
        }
    }

    void goNext() {
        Optional<Long> id = assignments.next(currentUser.require(), slug, documentId);
        if (id.isPresent()) {
            UI.getCurrent().navigate("projects/" + slug + "/documents/" + id.get());
        } else {
            Notify.error("No unfinished documents left for you in this project");
        }
    }
}
