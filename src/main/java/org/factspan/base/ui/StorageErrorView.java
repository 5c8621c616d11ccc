package org.factspan.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.factspan.base.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vaadin's error page, but a page that cannot be opened because the database or the search index cannot be used
 * says so (503) instead of showing "There was an exception while trying to navigate" (decision 017). Every other
 * error keeps Vaadin's page.
 */
@AnonymousAllowed
public class StorageErrorView extends InternalServerError {

    private static final Logger LOG = LoggerFactory.getLogger(StorageErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (!StorageFailures.isStorageFailure(parameter.getCaughtException())) {
            return super.setErrorParameter(event, parameter);
        }
        LOG.warn("Storage unavailable while opening {}: {}", event.getLocation().getPath(),
                parameter.getCaughtException().toString());
        getElement().removeAllChildren();
        getElement().setText("");
        var title = new H2("Factspan cannot reach its storage right now");
        title.setId("storage-error");
        getElement().appendChild(title.getElement(), new Paragraph(StorageFailures.MESSAGE).getElement(),
                new Paragraph("Nothing you saved before is lost. Reload this page in a moment.").getElement());
        getElement().getClassList().add("fs-page");
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
