package org.factspan.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.factspan.base.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A click or an edit that fails because the database or the search index cannot be written shows
 * {@link StorageFailures#MESSAGE} to the person who tried, instead of nothing (Vaadin's default logs it and shows no
 * one). Other errors keep Vaadin's handling. Pages that fail to open: {@link StorageErrorView}.
 */
@Component
class StorageErrorHandling implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(StorageErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler()));
    }

    static final class Handler implements ErrorHandler {

        private final ErrorHandler fallback = new DefaultErrorHandler();

        @Override
        public void error(ErrorEvent event) {
            if (!StorageFailures.isStorageFailure(event.getThrowable())) {
                fallback.error(event);
                return;
            }
            LOG.warn("Storage unavailable in the UI: {}", event.getThrowable().toString());
            if (UI.getCurrent() != null) {
                show();
            }
        }

        static void show() {
            Notification shown = Notification.show(StorageFailures.MESSAGE, 10_000, Notification.Position.MIDDLE);
            shown.addThemeVariants(NotificationVariant.LUMO_ERROR);
            shown.setId("storage-error-notification");
        }
    }
}
