package org.factspan.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import java.util.function.Supplier;
import org.factspan.base.Refusals;
import org.factspan.base.StorageFailures;
import org.springframework.modulith.NamedInterface;

/**
 * The views' one notification runner: runs a service call and says how it went, in one style. A refusal of the
 * service ({@link org.factspan.base.RefusedException}: not found, invalid, forbidden, conflict, too large), a write
 * that lost a race ({@link Refusals}) and a value a record refused ({@link IllegalArgumentException} from its
 * constructor) show their message as an error for six seconds, exactly as the REST API words them; a storage failure
 * shows {@link StorageFailures#MESSAGE} for ten. Anything else is a bug: it is thrown on, to the session's error
 * handler ({@link UiErrors}), which logs it. A change that went through may say so in a success notification.
 */
@NamedInterface("ui")
public final class Notify {

    /** How long an error stays, in milliseconds; a storage failure stays longer. */
    static final int ERROR_MILLIS = 6000;
    static final int STORAGE_MILLIS = 10_000;
    static final int SUCCESS_MILLIS = 3000;

    private Notify() {
    }

    /**
     * Runs a change that returns what to tell the user (or {@code null} to say nothing); a refusal shows its message
     * as an error. Returns whether the change went through.
     */
    public static boolean run(Supplier<String> change) {
        try {
            String done = change.get();
            if (done != null) {
                success(done);
            }
            return true;
        } catch (RuntimeException e) {
            refused(e);
            return false;
        }
    }

    /** Runs a change that says nothing when it went through; a refusal shows its message. Whether it went through. */
    public static boolean attempt(Runnable change) {
        return run(() -> {
            change.run();
            return null;
        });
    }

    /** Calls a service for a value; a refusal shows its message and gives empty. */
    public static <T> Optional<T> call(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            refused(e);
            return Optional.empty();
        }
    }

    /**
     * Shows what {@code e} means for the user, or throws it on when it is a bug rather than a refusal or a storage
     * failure (for code that must catch itself, such as an editor that also answers the browser).
     */
    public static void refused(RuntimeException e) {
        show(explain(e), StorageFailures.isStorageFailure(e) ? STORAGE_MILLIS : ERROR_MILLIS);
    }

    /** The words for {@code e} (see {@link #words}), for a view that shows them in place; a bug is thrown on. */
    public static String explain(RuntimeException e) {
        return words(e).orElseThrow(() -> e);
    }

    /**
     * The words for the user when {@code e} is a refusal, a lost race, a refused value or a storage failure; empty
     * when it is a bug.
     */
    public static Optional<String> words(Throwable e) {
        if (StorageFailures.isStorageFailure(e)) {
            return Optional.of(StorageFailures.MESSAGE);
        }
        Optional<Refusals.Refusal> refusal = Refusals.of(e);
        if (refusal.isPresent()) {
            return Optional.of(refusal.get().message());
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** An error in the one style: bottom start, red, six seconds. */
    public static Notification error(String message) {
        return show(message, ERROR_MILLIS);
    }

    /** A success in the one style: bottom start, green, three seconds. */
    public static Notification success(String message) {
        Notification n = Notification.show(message, SUCCESS_MILLIS, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return n;
    }

    /** Plain news (neither success nor error): bottom start, three seconds. */
    public static Notification info(String message) {
        return Notification.show(message, SUCCESS_MILLIS, Notification.Position.BOTTOM_START);
    }

    static Notification show(String message, int millis) {
        Notification n = Notification.show(message, millis, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return n;
    }
}
