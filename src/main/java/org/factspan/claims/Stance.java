package org.factspan.claims;

import org.factspan.base.Quote;
import java.util.Locale;

/** How a member of a claim cluster relates to the cluster's statement. */
public enum Stance {
    /** States the same fact. */
    AGREES,
    /** States it differently in a way that cannot also be true (other numbers, another source). */
    CONFLICTS,
    /** States it with more detail. */
    REFINES;

    /** The lower-case name used in the API and in exports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stance of(String id) {
        for (Stance s : values()) {
            if (s.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown stance " + Quote.of(id) + "; use agrees, conflicts or refines");
    }
}
