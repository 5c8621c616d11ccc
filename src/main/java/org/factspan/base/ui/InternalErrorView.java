package org.factspan.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page that failed to open shows this in Factspan's frame, not Vaadin's bare "There was an exception while trying
 * to navigate": what happened in words and a way back. The exception goes to the log, not to the screen.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class InternalErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("Opening /{} failed", event.getLocation().getPath(), parameter.getCaughtException());
        removeAll();
        add(new ErrorPage("internal-error", "This page could not be opened",
                "Something went wrong on the server while opening /" + event.getLocation().getPath()
                        + ". Nothing you saved is lost. Try again in a moment; if it keeps happening, tell your"
                        + " administrator the time it happened (it is in the server's log).",
                null));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
