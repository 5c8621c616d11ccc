package org.factspan.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.factspan.base.Refusals;
import org.factspan.base.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The UI's one error handler, for a click or an edit whose failure no view caught itself. It says in a notification
 * what the REST API would answer: a refusal or a lost race ({@link Refusals}: a row someone else deleted or changed a
 * moment before, decision 016) and a storage failure ({@link StorageFailures}: the database or the search index
 * cannot be written, decision 017). Everything else keeps Vaadin's default handling (logged). Pages that fail to
 * open: {@link InternalErrorView}. Views that run a service call themselves use {@link Notify}, in the same words.
 */
@Component
class UiErrors implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(UiErrors.class);

    private final DefaultErrorHandler fallback = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    void handle(ErrorEvent event) {
        Throwable error = event.getThrowable();
        UI ui = UI.getCurrent();
        if (StorageFailures.isStorageFailure(error)) {
            LOG.warn("Storage unavailable in the UI: {}", error.toString());
            if (ui != null) {
                Notify.show(StorageFailures.MESSAGE, Notify.STORAGE_MILLIS).setId("storage-error-notification");
            }
            return;
        }
        var refusal = Refusals.of(error);
        if (refusal.isEmpty() || ui == null) {
            fallback.error(event);
            return;
        }
        Notify.error(refusal.get().message()).setId("refusal-notification");
    }

}
