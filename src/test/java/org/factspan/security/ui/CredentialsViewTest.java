package org.factspan.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.factspan.security.ApiTokenService;
import org.factspan.security.LoginRefusals;
import org.factspan.security.LoginThrottle;
import org.factspan.security.Role;
import org.factspan.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.web.WebAttributes;

/** Issue 13 in the UI: token lists with expiry, revocation by admins, password changes that say what they revoked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ViewPackages(packages = "org.factspan")
class CredentialsViewTest extends SpringBrowserlessTest {

    /** A user of these tests alone (their password changes). */
    static final String OWNER = "views-token-owner";
    static final String PASSWORD = "views-owner-pw-1";

    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;

    @BeforeEach
    void owner() {
        if (users.findActor(OWNER).isEmpty()) {
            users.create(OWNER, "Token owner", PASSWORD, Role.ANNOTATOR);
        }
        var admin = users.findActor("admin").orElseThrow();
        tokens.revokeAllOf(admin, OWNER);
        users.resetPassword(admin, OWNER, PASSWORD);
    }

    List<String> notifications() {
        return find(Notification.class).all().stream().map(n -> n.getElement().getProperty("text", "")
                + n.getChildren().map(c -> c.getElement().getText()).reduce("", String::concat)).toList();
    }

    @Test
    @WithUserDetails(value = OWNER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theAccountPageCreatesATokenWithAnExpiryAndAPasswordChangeSaysItRevokedIt() {
        AccountView view = navigate(AccountView.class);
        view.tokenName.setValue("nightly export");
        view.tokenExpiry.setValue(LocalDate.now().plusDays(30));
        test(view.createToken).click();
        assertThat(view.shownToken).startsWith(ApiTokenService.PREFIX);
        var listed = tokens.list(users.findActor(OWNER).orElseThrow());
        assertThat(listed).singleElement().satisfies(t -> {
            assertThat(t.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(30)));
            assertThat(AccountView.expiry(t)).doesNotContain("never").doesNotContain("expired");
        });

        view.current.setValue(PASSWORD);
        view.fresh.setValue("views-owner-pw-2");
        view.repeat.setValue("views-owner-pw-2");
        test(view.changePassword).click();
        assertThat(notifications()).anyMatch(n -> n.contains("1 of your API tokens was revoked"));
        assertThat(tokens.list(users.findActor(OWNER).orElseThrow())).isEmpty();
        assertThat(view.tokens.getGenericDataView().getItems()).isEmpty();
    }

    @Test
    @WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void anAdminSeesAUsersTokensRevokesOneAndAResetSaysItRevokedTheRest() {
        var owner = users.findActor(OWNER).orElseThrow();
        var admin = users.findActor("admin").orElseThrow();
        long first = tokens.create(owner, "laptop").info().id();
        tokens.create(owner, "server", Instant.now().plusSeconds(86_400));
        UsersView view = navigate(UsersView.class);
        var info = users.getUser(admin, OWNER);
        view.openTokens(info);
        assertThat(view.tokenGrid.getGenericDataView().getItems()).hasSize(2);
        view.revokeToken(info, view.tokenGrid.getGenericDataView().getItems().filter(t -> t.id() == first)
                .findFirst().orElseThrow());
        assertThat(tokens.listOf(admin, OWNER)).singleElement()
                .satisfies(t -> assertThat(t.name()).isEqualTo("server"));
        assertThat(view.tokenGrid.getGenericDataView().getItems()).hasSize(1);
        view.dialog.close();

        view.openReset(users.getUser(admin, OWNER));
        find(PasswordField.class).id("user-password").setValue("reset-in-view-3");
        test(find(Button.class).id("dialog-ok")).click();
        assertThat(notifications()).anyMatch(n -> n.contains("1 of " + OWNER + "'s API tokens was revoked"));
        assertThat(tokens.listOf(admin, OWNER)).isEmpty();
    }

    LoginView loginWithError() {
        com.vaadin.flow.component.UI.getCurrent().navigate(LoginView.class,
                com.vaadin.flow.router.QueryParameters.of("error", ""));
        return (LoginView) getCurrentView();
    }

    @Test
    void theLoginPageSaysWhyItRefused() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new LoginRefusals.Throttled());
        LoginView login = loginWithError();
        assertThat(login.shown.getMessage()).startsWith(LoginThrottle.MESSAGE);

        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new LoginRefusals.StorageUnavailable(new java.sql.SQLException("closed", "08003")));
        login = loginWithError();
        assertThat(login.shown.getTitle()).contains("cannot check your password");
        assertThat(login.shown.getMessage()).contains("database")
                .contains("Your password was not the problem");
    }
}
