package org.factspan.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.factspan.security.LoginRefusals;
import org.factspan.security.LoginThrottle;
import org.springframework.security.web.WebAttributes;

/** The login page; Spring Security's form login processes the form it posts. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Factspan")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    final LoginForm login = new LoginForm();
    /** The error message shown instead of "incorrect user name or password", if any (tests read it). */
    LoginI18n.ErrorMessage shown;

    public LoginView() {
        addClassName("fs-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        var title = new H1("Factspan");
        var tagline = new Paragraph("Label claims, sources and attributions in news text, as a team.");
        tagline.addClassName("fs-tagline");
        add(title, tagline, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            // Spring Security's failure handler leaves the reason in the session
            Object reason = VaadinSession.getCurrent() == null ? null
                    : VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (reason instanceof LoginRefusals.Throttled) {
                // the same words whether or not the name exists (decision 017)
                show("Too many failed logins", LoginThrottle.MESSAGE + ".");
            } else if (reason instanceof LoginRefusals.StorageUnavailable) {
                show("Factspan cannot check your password right now", "Its database cannot be read (the server's"
                        + " disk may be full or the database closed). Your password was not the problem; try again in"
                        + " a moment, and tell an administrator if it persists.");
            }
            login.setError(true);
        }
    }

    private void show(String title, String message) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle(title);
        i18n.getErrorMessage().setMessage(message);
        login.setI18n(i18n);
        shown = i18n.getErrorMessage();
    }
}
