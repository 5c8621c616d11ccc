package org.factspan.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.factspan.base.ui.Notify;
import org.factspan.security.ApiTokenInfo;
import org.factspan.security.ApiTokenService;
import org.factspan.security.CurrentUser;
import org.factspan.security.NewApiToken;
import org.factspan.security.UserInfo;
import org.factspan.security.UserService;

/** The logged-in user's account: change the password; create, see and revoke personal API tokens. */
@Route("account")
@PageTitle("Account · Factspan")
@PermitAll
public class AccountView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault());

    final PasswordField current = new PasswordField("Current password");
    final PasswordField fresh = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button changePassword = new Button("Change password");
    final TextField tokenName = new TextField("New token's name");
    final DatePicker tokenExpiry = new DatePicker("Valid until (optional)");
    final Button createToken = new Button("Create token");
    final Grid<ApiTokenInfo> tokens = new Grid<>();
    /** The secret of the token created last, shown once in a dialog. */
    String shownToken;

    private final UserService users;
    private final ApiTokenService tokenService;
    private final CurrentUser currentUser;

    public AccountView(UserService users, ApiTokenService tokenService, CurrentUser currentUser) {
        this.users = users;
        this.tokenService = tokenService;
        this.currentUser = currentUser;
        addClassName("fs-page");
        UserInfo me = users.me(currentUser.require());
        var who = new Paragraph(me.displayName() + " (" + me.username() + ") · "
                + (me.role().name().equals("ADMIN") ? "administrator" : "member of projects as listed on Projects"));
        who.addClassName("fs-muted");

        current.setId("current-password");
        fresh.setId("new-password");
        repeat.setId("repeat-password");
        fresh.setHelperText("At least 8 characters");
        changePassword.setId("change-password");
        changePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changePassword.addClickListener(e -> changePassword());
        var passwordForm = new HorizontalLayout(current, fresh, repeat, changePassword);
        passwordForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        passwordForm.addClassName("fs-form-row");

        tokenName.setId("token-name");
        tokenName.setPlaceholder("e.g. export script");
        tokenName.setMaxLength(100);
        createToken.setId("create-token");
        createToken.addClickListener(e -> createToken());
        tokenExpiry.setId("token-expiry");
        tokenExpiry.setHelperText("Through the end of that day; empty: until revoked");
        tokenExpiry.setMin(LocalDate.now(WHEN.getZone()));
        tokenExpiry.setClearButtonVisible(true);
        var tokenForm = new HorizontalLayout(tokenName, tokenExpiry, createToken);
        tokenForm.setAlignItems(FlexComponent.Alignment.BASELINE);

        tokens.setId("tokens");
        tokens.addColumn(ApiTokenInfo::name).setHeader("Name").setFlexGrow(2);
        tokens.addColumn(t -> t.prefix() + "…").setHeader("Token starts with").setFlexGrow(1);
        tokens.addColumn(t -> WHEN.format(t.createdAt())).setHeader("Created").setFlexGrow(1);
        tokens.addColumn(t -> t.lastUsedAt() == null ? "never" : WHEN.format(t.lastUsedAt())).setHeader("Last used")
                .setFlexGrow(1);
        tokens.addColumn(AccountView::expiry).setHeader("Expires").setFlexGrow(1);
        tokens.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> revoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            revoke.setId("revoke-" + t.id());
            return revoke;
        }).setFlexGrow(0).setWidth("8em");
        tokens.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        tokens.setAllRowsVisible(true);
        tokens.setEmptyStateText("No tokens yet.");

        var tokenHelp = new Paragraph("A personal API token lets a script call the REST API as you: send it as"
                + " 'Authorization: Bearer <token>'. It is shown once, when you create it; Factspan keeps only a hash."
                + " A new password revokes all your tokens.");
        tokenHelp.addClassName("fs-muted");
        add(new H2("Your account"), who, new H3("Password"), passwordForm, new H3("API tokens"), tokenHelp, tokenForm,
                tokens);
        refresh();
    }

    void changePassword() {
        if (!fresh.getValue().equals(repeat.getValue())) {
            Notify.error("The two new passwords differ");
            return;
        }
        Notify.call(() -> users.changeOwnPassword(currentUser.require(), current.getValue(), fresh.getValue()))
                .ifPresent(changed -> {
                    current.clear();
                    fresh.clear();
                    repeat.clear();
                    refresh();
                    Notify.success(changed.message());
                });
    }

    void createToken() {
        Notify.call(() -> tokenService.create(currentUser.require(), tokenName.getValue(),
                tokenExpiry.getValue() == null ? null
                        : tokenExpiry.getValue().plusDays(1).atStartOfDay(WHEN.getZone()).toInstant()))
                .ifPresent(this::showToken);
    }

    private void showToken(NewApiToken created) {
        shownToken = created.token();
        tokenName.clear();
        tokenExpiry.clear();
        refresh();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Token '" + created.info().name() + "' created");
        Pre secret = new Pre(created.token());
        secret.setId("new-token");
        secret.addClassName("fs-secret");
        dialog.add(new Paragraph("Copy it now: it will not be shown again."), secret);
        Button close = new Button("I have copied it", e -> dialog.close());
        close.setId("close-token");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.open();
    }

    void revoke(ApiTokenInfo token) {
        Notify.run(() -> {
            tokenService.revoke(currentUser.require(), token.id());
            return "Token '" + token.name() + "' revoked";
        });
        refresh();
    }

    private void refresh() {
        tokens.setItems(tokenService.list(currentUser.require()));
    }

    /** "never", the moment it expires, or "expired ..." (the Users view shows the same). */
    static String expiry(ApiTokenInfo token) {
        if (token.expiresAt() == null) {
            return "never";
        }
        return (token.expiredAt(Instant.now()) ? "expired " : "") + WHEN.format(token.expiresAt());
    }
}
