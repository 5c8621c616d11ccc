package org.factspan.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Page not found" in Factspan's frame, with a way back: for an unknown address and for a page one may not open
 * (the router answers a route one may not open as not found, and the views do the same for projects one is not a
 * member of, so that the app never says what exists; decision 014). There is deliberately no separate "no access"
 * page.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        // the views' own reasons ("No project 'x'") help; the router's "Couldn't find route ..." only repeats the title
        String reason = parameter.hasCustomMessage() && !parameter.getCustomMessage().startsWith("Couldn't find route")
                ? parameter.getCustomMessage() : null;
        add(new ErrorPage("not-found", "Page not found",
                "There is no page at /" + event.getLocation().getPath()
                        + ", or it is not open to you. Check the address, or go back.",
                reason));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
