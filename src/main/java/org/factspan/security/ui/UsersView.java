package org.factspan.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.factspan.base.ui.Notify;
import org.factspan.security.ApiTokenInfo;
import org.factspan.security.ApiTokenService;
import org.factspan.security.CurrentUser;
import org.factspan.security.Role;
import org.factspan.security.UserInfo;
import org.factspan.security.UserService;

/**
 * User management for admins: create users, change their name and global role, disable or enable them, reset
 * their password, see and revoke their API tokens. Roles inside projects are set on each project's Members tab.
 */
@Route("admin/users")
@PageTitle("Users · Factspan")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    final Grid<UserInfo> grid = new Grid<>();
    final Button create = new Button("New user");
    /** The dialog open now (tests fill it in). */
    Dialog dialog;
    /** The token list of the tokens dialog, when open. */
    Grid<ApiTokenInfo> tokenGrid;

    private final UserService users;
    private final ApiTokenService tokenService;
    private final CurrentUser currentUser;

    public UsersView(UserService users, ApiTokenService tokenService, CurrentUser currentUser) {
        this.users = users;
        this.tokenService = tokenService;
        this.currentUser = currentUser;
        addClassName("fs-page");
        grid.setId("users");
        grid.addColumn(UserInfo::username).setHeader("User name").setFlexGrow(1);
        grid.addColumn(UserInfo::displayName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(u -> describe(u.role())).setHeader("Global role").setFlexGrow(1);
        grid.addComponentColumn(u -> {
            Span state = new Span(u.enabled() ? "active" : "disabled");
            state.addClassNames("fs-badge", u.enabled() ? "fs-badge-ok" : "fs-badge-off");
            return state;
        }).setHeader("State").setFlexGrow(0).setWidth("8em");
        grid.addComponentColumn(this::actions).setHeader("").setFlexGrow(0).setWidth("28em");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate());
        var help = new Paragraph("Only the administrator role grants rights beyond projects. Whether someone"
                + " annotates or curates is set per project, on the project's Members tab.");
        help.addClassName("fs-muted");
        var header = new HorizontalLayout(new H2("Users"), create);
        header.setAlignItems(Alignment.BASELINE);
        add(header, help, grid);
        refresh();
    }

    private HorizontalLayout actions(UserInfo u) {
        Button edit = small("Edit", e -> openEdit(u));
        edit.setId("edit-" + u.username());
        Button reset = small("Reset password", e -> openReset(u));
        reset.setId("reset-" + u.username());
        Button toggle = small(u.enabled() ? "Disable" : "Enable", e -> run(
                () -> users.updateUser(currentUser.require(), u.username(), null, null, !u.enabled()),
                u.username() + (u.enabled() ? " disabled" : " enabled")));
        toggle.setId((u.enabled() ? "disable-" : "enable-") + u.username());
        if (u.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button tokens = small("API tokens", e -> openTokens(u));
        tokens.setId("tokens-" + u.username());
        return new HorizontalLayout(edit, reset, tokens, toggle);
    }

    void openCreate() {
        TextField username = new TextField("User name");
        username.setId("user-username");
        username.setHelperText("lower case letters, digits, . _ -");
        TextField displayName = new TextField("Name");
        displayName.setId("user-display-name");
        PasswordField password = new PasswordField("Password");
        password.setId("user-password");
        password.setHelperText("At least 8 characters; tell it to the user");
        Select<Role> role = roleSelect(Role.ANNOTATOR);
        open("New user", new FormLayout(username, displayName, password, role), "Create", () -> {
            users.createUser(currentUser.require(), username.getValue().strip(), displayName.getValue(),
                    password.getValue(), role.getValue());
            return "User " + username.getValue().strip() + " created";
        });
    }

    void openEdit(UserInfo u) {
        TextField displayName = new TextField("Name");
        displayName.setId("user-display-name");
        displayName.setValue(u.displayName());
        Select<Role> role = roleSelect(u.role());
        Checkbox enabled = new Checkbox("Active (may log in)", u.enabled());
        open("Edit " + u.username(), new FormLayout(displayName, role, enabled), "Save", () -> {
            users.updateUser(currentUser.require(), u.username(), displayName.getValue(), role.getValue(),
                    enabled.getValue());
            return u.username() + " saved";
        });
    }

    void openReset(UserInfo u) {
        PasswordField password = new PasswordField("New password");
        password.setId("user-password");
        password.setHelperText("At least 8 characters; tell it to " + u.username());
        open("Reset the password of " + u.username(), new FormLayout(password), "Set password",
                () -> users.resetPassword(currentUser.require(), u.username(), password.getValue()).message());
    }

    /** The user's API tokens: see them (never their secrets), revoke one or all. */
    void openTokens(UserInfo u) {
        dialog = new Dialog();
        dialog.setHeaderTitle("API tokens of " + u.username());
        dialog.setWidth("56em");
        tokenGrid = new Grid<>();
        tokenGrid.setId("user-tokens");
        tokenGrid.addColumn(ApiTokenInfo::name).setHeader("Name").setFlexGrow(2);
        tokenGrid.addColumn(t -> t.prefix() + "…").setHeader("Starts with").setFlexGrow(1);
        tokenGrid.addColumn(t -> AccountView.WHEN.format(t.createdAt())).setHeader("Created").setFlexGrow(1);
        tokenGrid.addColumn(t -> t.lastUsedAt() == null ? "never" : AccountView.WHEN.format(t.lastUsedAt()))
                .setHeader("Last used").setFlexGrow(1);
        tokenGrid.addColumn(AccountView::expiry).setHeader("Expires").setFlexGrow(1);
        tokenGrid.addComponentColumn(t -> {
            Button revoke = small("Revoke", e -> revokeToken(u, t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            revoke.setId("revoke-token-" + t.id());
            return revoke;
        }).setFlexGrow(0).setWidth("8em");
        tokenGrid.setAllRowsVisible(true);
        tokenGrid.setEmptyStateText(u.username() + " has no API tokens.");
        tokenGrid.setItems(tokenService.listOf(currentUser.require(), u.username()));
        Button revokeAll = new Button("Revoke all", e -> {
            int[] revoked = {0};
            if (run(() -> revoked[0] = tokenService.revokeAllOf(currentUser.require(), u.username()), null)) {
                tokenGrid.setItems(tokenService.listOf(currentUser.require(), u.username()));
            }
        });
        revokeAll.setId("revoke-all-tokens");
        revokeAll.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button close = new Button("Close", e -> dialog.close());
        close.setId("close-tokens");
        var help = new Paragraph("Scripts use these tokens as " + u.username() + ". A password reset revokes them"
                + " all; while the user is disabled they are refused.");
        help.addClassName("fs-muted");
        dialog.add(help, tokenGrid);
        dialog.getFooter().add(revokeAll, close);
        dialog.open();
    }

    void revokeToken(UserInfo u, ApiTokenInfo t) {
        if (run(() -> {
            tokenService.revokeOf(currentUser.require(), u.username(), t.id());
            return null;
        }, "Token '" + t.name() + "' of " + u.username() + " revoked")) {
            tokenGrid.setItems(tokenService.listOf(currentUser.require(), u.username()));
        }
    }

    private Select<Role> roleSelect(Role value) {
        Select<Role> role = new Select<>();
        role.setId("user-role");
        role.setLabel("Global role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(UsersView::describe);
        role.setValue(value);
        return role;
    }

    private void open(String title, FormLayout form, String action, java.util.function.Supplier<String> save) {
        dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.add(form);
        Button ok = new Button(action, e -> {
            if (run(save::get, null)) {
                dialog.close();
            }
        });
        ok.setId("dialog-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, ok);
        dialog.open();
    }

    /** Runs a change; shows its message (or the refusal) and refreshes. */
    private boolean run(java.util.function.Supplier<?> change, String done) {
        boolean ok = Notify.run(() -> {
            Object result = change.get();
            return done != null ? done
                    : result instanceof Integer n ? n + " token" + (n == 1 ? "" : "s") + " revoked" : String.valueOf(result);
        });
        if (ok) {
            refresh();
        }
        return ok;
    }

    private void refresh() {
        grid.setItems(users.listUsers(currentUser.require()));
    }

    static String describe(Role role) {
        return switch (role) {
            case ADMIN -> "Administrator";
            case CURATOR -> "Curator";
            case ANNOTATOR -> "Annotator";
        };
    }

    private static Button small(String text, com.vaadin.flow.component.ComponentEventListener<
            com.vaadin.flow.component.ClickEvent<Button>> listener) {
        Button b = new Button(text, listener);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }
}
