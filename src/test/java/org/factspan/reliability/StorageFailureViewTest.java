package org.factspan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import javax.sql.DataSource;
import org.factspan.SwitchableDataSource;
import org.factspan.base.StorageFailures;
import org.factspan.base.ui.InternalErrorView;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.CannotCreateTransactionException;

/** Issue 13, "the UI says so": with the database closed a page says what is wrong, and so does a failed click. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "factspan.test.context=storage-failure")
@ViewPackages(packages = "org.factspan")
@Import(StorageFailureSwitch.class)
class StorageFailureViewTest extends SpringBrowserlessTest {

    @Autowired
    DataSource dataSource;

    @AfterEach
    void heal() {
        ((SwitchableDataSource) dataSource).set(SwitchableDataSource.Mode.OK);
    }

    @Test
    @WithUserDetails(value = "alice", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aPageThatCannotReadItsDataSaysWhyAndSoDoesAFailedClick() {
        ((SwitchableDataSource) dataSource).set(SwitchableDataSource.Mode.CLOSED);
        UI.getCurrent().navigate("account");
        assertThat(getCurrentView()).isInstanceOf(InternalErrorView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("cannot reach its storage")
                .contains(StorageFailures.MESSAGE);

        ((SwitchableDataSource) dataSource).set(SwitchableDataSource.Mode.OK);
        UI.getCurrent().navigate("account");
        assertThat(getCurrentView()).isNotInstanceOf(InternalErrorView.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccountView");

        // a click whose save fails: the session's error handler shows the message to whoever clicked
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new CannotCreateTransactionException(
                "Could not open JPA EntityManager", DbException.getJdbcSQLException(ErrorCode.DATABASE_IS_CLOSED))));
        assertThat(find(Notification.class).all()).anyMatch(n -> StorageFailures.MESSAGE.equals(
                n.getElement().getProperty("text", "")));
    }
}
