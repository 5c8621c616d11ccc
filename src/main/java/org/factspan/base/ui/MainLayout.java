package org.factspan.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every logged-in view: product name (home link), the projects, the admin pages (for admins
 * only), the user's account page, log out. Links are plain URLs: base knows no feature classes.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    /** Routes linked from the navbar (declared by the security and corpus features). */
    public static final String ACCOUNT_ROUTE = "account";
    public static final String USERS_ROUTE = "admin/users";
    public static final String PROJECT_ADMIN_ROUTE = "admin/projects";

    public MainLayout(AuthenticationContext auth) {
        var home = new Anchor("", "Factspan");
        home.addClassName("fs-brand");
        var nav = new HorizontalLayout();
        nav.addClassName("fs-nav");
        nav.setSpacing(false);
        nav.add(link("", "Projects", "nav-projects"));
        if (auth.hasRole("ADMIN")) {
            nav.add(link(PROJECT_ADMIN_ROUTE, "Manage projects", "nav-project-admin"),
                    link(USERS_ROUTE, "Users", "nav-users"));
        }
        var user = new Anchor(ACCOUNT_ROUTE, auth.getPrincipalName().orElse(""));
        user.addClassName("fs-user");
        user.setId("current-user");
        user.getElement().setAttribute("title", "Your account: password and API tokens");
        var logout = new Button("Log out", e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        var bar = new HorizontalLayout(home, nav, user, logout);
        bar.addClassName("fs-navbar");
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(nav);
        addToNavbar(bar);
        setDrawerOpened(false);
    }

    private static Anchor link(String href, String text, String id) {
        var a = new Anchor(href, text);
        a.addClassName("fs-nav-link");
        a.setId(id);
        return a;
    }
}
