package org.factspan.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.factspan.base.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page that failed to open shows this in Factspan's frame, not Vaadin's bare "There was an exception while trying
 * to navigate": what happened in words and a way back. When the database or the search index cannot be used it says
 * so (503, decision 017); anything else is a 500 whose exception goes to the log, not to the screen (decision 021).
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class InternalErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(InternalErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        String path = "/" + event.getLocation().getPath();
        if (StorageFailures.isStorageFailure(parameter.getCaughtException())) {
            LOG.warn("Storage unavailable while opening {}: {}", path, parameter.getCaughtException().toString());
            add(new ErrorPage("storage-error", "Factspan cannot reach its storage right now",
                    StorageFailures.MESSAGE + " Nothing you saved before is lost. Reload this page in a moment.", null));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        LOG.error("Opening {} failed", path, parameter.getCaughtException());
        add(new ErrorPage("internal-error", "This page could not be opened",
                "Something went wrong on the server while opening " + path + ". Nothing you saved is lost. Try"
                        + " again in a moment; if it keeps happening, tell your administrator the time it happened (it"
                        + " is in the server's log).",
                null));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
