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
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.factspan.base.ConflictException;
import org.factspan.base.ForbiddenException;
import org.factspan.base.InvalidRequestException;
import org.factspan.base.NotFoundException;
import org.factspan.security.CurrentUser;
import org.factspan.security.Role;
import org.factspan.security.UserInfo;
import org.factspan.security.UserService;

/**
 * User management for admins: create users, change their name and global role, disable or enable them, reset
 * their password. Roles inside projects are set on each project's Members tab.
 */
@Route("admin/users")
@PageTitle("Users · Factspan")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    final Grid<UserInfo> grid = new Grid<>();
    final Button create = new Button("New user");
    /** The dialog open now (tests fill it in). */
    Dialog dialog;

    private final UserService users;
    private final CurrentUser currentUser;

    public UsersView(UserService users, CurrentUser currentUser) {
        this.users = users;
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
        grid.addComponentColumn(this::actions).setHeader("").setFlexGrow(0).setWidth("22em");
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
        return new HorizontalLayout(edit, reset, toggle);
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
        open("Reset the password of " + u.username(), new FormLayout(password), "Set password", () -> {
            users.resetPassword(currentUser.require(), u.username(), password.getValue());
            return "Password of " + u.username() + " set";
        });
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
        try {
            Object result = change.get();
            Notification.show(done != null ? done : String.valueOf(result), 3000, Notification.Position.BOTTOM_START);
            refresh();
            return true;
        } catch (InvalidRequestException | ConflictException | ForbiddenException | NotFoundException e) {
            AccountView.error(e.getMessage());
            return false;
        }
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
