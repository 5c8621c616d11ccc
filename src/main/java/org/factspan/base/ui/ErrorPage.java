package org.factspan.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The body of Factspan's error pages (not found, no access, internal error): a heading, what happened in words, and
 * a way back. Every text is set as text, never as HTML (a reason may quote what the user typed in the address).
 */
final class ErrorPage extends Div {

    ErrorPage(String id, String title, String explanation, String reason) {
        setId(id);
        addClassNames("fs-page", "fs-error-page");
        add(new H2(title), new Paragraph(explanation));
        if (reason != null && !reason.isBlank()) {
            var detail = new Paragraph(excerpt(reason));
            detail.addClassName("fs-muted");
            detail.setId("error-reason");
            add(detail);
        }
        var back = new Button("← Back", e -> getUI().ifPresent(ui -> ui.getPage().getHistory().back()));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.setId("error-back");
        var projects = new Anchor("", "Your projects");
        projects.setId("error-home");
        var links = new Div(back, projects);
        links.addClassName("fs-error-links");
        add(links);
    }

    /** A reason is shown up to a readable length: an address can be long. */
    private static String excerpt(String reason) {
        return reason.length() <= 300 ? reason : reason.substring(0, 300) + "…";
    }
}
