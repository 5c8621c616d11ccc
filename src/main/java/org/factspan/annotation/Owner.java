package org.factspan.annotation;

import org.factspan.security.Actor;

/**
 * Whose annotations a call reads or changes, as opposed to the {@link Actor} who makes the call: an annotator works
 * on their own set ({@link #of(Actor)}); a curator works on the gold standard ({@link AnnotationService#gold}).
 *
 * @param userId the owning account
 * @param username its name (what {@link SpanInfo#annotator()} says)
 * @param stamp for the gold standard: the provenance recorded, with the acting curator and the time, on every span
 *        and attribution the call creates or changes; null for an annotator's own set
 */
public record Owner(long userId, String username, Provenance.Kind stamp) {

    /** The actor's own annotations. */
    public static Owner of(Actor actor) {
        return new Owner(actor.userId(), actor.username(), null);
    }

    /** The same owner, stamping another provenance. */
    public Owner stamped(Provenance.Kind kind) {
        return new Owner(userId, username, kind);
    }
}
