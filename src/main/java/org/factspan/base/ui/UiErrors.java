package org.factspan.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.factspan.base.Refusals;
import org.springframework.stereotype.Component;

/**
 * The UI's side of {@link Refusals}: a refusal or a lost race that a view did not catch itself (a click that met a
 * row someone else deleted or locked a moment before) is shown as an error notification with the same message the
 * REST API answers, instead of Vaadin's generic error. Everything else keeps Vaadin's default handling (logged).
 */
@Component
class UiErrors implements VaadinServiceInitListener {

    private final DefaultErrorHandler fallback = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    void handle(ErrorEvent event) {
        var refusal = Refusals.of(event.getThrowable());
        UI ui = UI.getCurrent();
        if (refusal.isEmpty() || ui == null) {
            fallback.error(event);
            return;
        }
        Notification.show(refusal.get().message(), 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
