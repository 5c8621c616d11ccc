package org.factspan.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.factspan.base.Refusals;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A lost race that a view does not catch itself reaches the user as the same message the REST API answers (decision
 * 016), through the session's error handler, instead of Vaadin's generic error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
class UiErrorsTest extends SpringBrowserlessTest {

    @Test
    void aRowChangedAtTheSameMomentIsANotificationWithTheRestMessage() {
        var handler = VaadinSession.getCurrent().getErrorHandler();
        assertThat(handler).as("installed for every session").isNotNull();
        handler.error(new ErrorEvent(new RuntimeException(new ObjectOptimisticLockingFailureException("Span", 1L))));
        assertThat(find(Notification.class).all()).singleElement()
                .satisfies(n -> assertThat(test(n).getText()).isEqualTo(Refusals.CHANGED));
    }
}
