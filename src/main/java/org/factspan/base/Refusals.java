package org.factspan.base;

import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectRetrievalFailureException;

/**
 * What a refusal, or a write that lost a race, means for the person or script that sent it: one mapping for the REST
 * API ({@link ApiExceptionHandler}) and the UI ({@code base.ui.UiErrors}), so that both say the same (decision 016).
 * Our own refusals keep their status and message. What the database layer throws when two people change one row at
 * the same moment (an optimistic lock failure, a lock wait that timed out or a deadlock, a row deleted meanwhile, a
 * unique key another request filled first) is a 409 or a 404 with a plain message, never a 500: nothing was saved,
 * and trying again after a reload is the answer.
 */
public final class Refusals {

    /** A client-side outcome: an HTTP status (4xx) and the message to show. */
    public record Refusal(int status, String message) {
    }

    /** A row changed or deleted by someone else between reading and writing it. */
    public static final String CHANGED = "Someone else changed or deleted this at the same moment; reload to see what"
            + " is there now. Nothing of yours was saved.";
    /** A lock that was not granted in time (or a deadlock the database broke). */
    public static final String BUSY = "Someone else is changing this right now; try again in a moment. Nothing of"
            + " yours was saved.";
    /** A row that was gone when it was to be read. */
    public static final String GONE = "It was deleted meanwhile; reload to see what is there now. Nothing of yours was"
            + " saved.";
    /** A unique key or a reference that another request's change broke first. */
    public static final String CLASH = "The change conflicts with data stored at the same moment; reload and retry.";

    private Refusals() {
    }

    /**
     * The refusal {@code e} (or one of its causes) stands for, or empty when it is a real error (a 500, logged).
     */
    public static Optional<Refusal> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Refusal r = direct(t);
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static Refusal direct(Throwable t) {
        return switch (t) {
            case RefusedException x -> new Refusal(x.status(), x.getMessage());
            case ObjectRetrievalFailureException x -> new Refusal(404, GONE);
            case org.springframework.dao.OptimisticLockingFailureException x -> new Refusal(409, CHANGED);
            case ConcurrencyFailureException x -> new Refusal(409, BUSY);
            case DataIntegrityViolationException x -> new Refusal(409, CLASH);
            // the same, when they reach us untranslated (outside a repository or at commit)
            case jakarta.persistence.OptimisticLockException x -> new Refusal(409, CHANGED);
            case jakarta.persistence.PessimisticLockException x -> new Refusal(409, BUSY);
            case jakarta.persistence.LockTimeoutException x -> new Refusal(409, BUSY);
            case jakarta.persistence.EntityNotFoundException x -> new Refusal(404, GONE);
            case org.hibernate.StaleStateException x -> new Refusal(409, CHANGED);
            default -> null;
        };
    }
}
