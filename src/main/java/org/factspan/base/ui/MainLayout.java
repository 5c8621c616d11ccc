package org.factspan.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The frame around every logged-in view: product name (home link), the user, log out. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext auth) {
        var home = new Anchor("", "Factspan");
        home.addClassName("fs-brand");
        var user = new Span(auth.getPrincipalName().orElse(""));
        user.addClassName("fs-user");
        user.setId("current-user");
        var logout = new Button("Log out", e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        var bar = new HorizontalLayout(home, user, logout);
        bar.addClassName("fs-navbar");
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(home);
        addToNavbar(bar);
        setDrawerOpened(false);
    }
}
