package org.factspan.corpus.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.function.Supplier;
import org.factspan.base.ui.Notify;

/** Small helpers the workflow views share: dialogs and small buttons ({@link Notify} runs their changes). */
final class Ui {

    private Ui() {
    }

    /** Opens a dialog whose primary button ({@code #dialog-ok}) runs {@code action} and closes it on success. */
    static Dialog dialog(String title, Component content, String action, Supplier<String> change) {
        return dialog(title, content, action, "Cancel", false, change);
    }

    /** Like {@link #dialog(String, Component, String, Supplier)}, naming the cancel button; a danger button in red. */
    static Dialog dialog(String title, Component content, String action, String cancelText, boolean danger,
            Supplier<String> change) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.add(content);
        Button ok = new Button(action, e -> {
            if (Notify.run(change)) {
                dialog.close();
            }
        });
        ok.setId("dialog-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (danger) {
            ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button cancel = new Button(cancelText, e -> dialog.close());
        cancel.setId("dialog-cancel");
        dialog.getFooter().add(cancel, ok);
        dialog.open();
        return dialog;
    }

    static Button small(String text, ComponentEventListener<ClickEvent<Button>> listener) {
        Button b = new Button(text, listener);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }
}
